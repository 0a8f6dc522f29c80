import { queryKeys, unwrap } from '@kontor/ui';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

// TEMPORARY until GET /me documents its response (OpenAPI work in progress): then this is the generated OperatorMeDto.
interface OperatorMe {
  id: string;
  email: string;
  fullName: string;
  roles: string[];
  twoFactorEnabled: boolean;
}

/** Query keys of the signed-in operator. */
export const accountKeys = queryKeys('account');

/** GET /me: the operator and their roles. */
export function useMe() {
  return useQuery({ queryKey: accountKeys.detail('me'), queryFn: async () => (await unwrap(api.client.GET('/me'))) as OperatorMe });
}
