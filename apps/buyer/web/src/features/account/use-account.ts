import { queryKeys, unwrap } from '@kontor/ui';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

// TEMPORARY until GET /me documents its response (OpenAPI work in progress): then `Me` is the generated MeDto.
interface Me {
  user: { id: string; email: string; fullName: string; twoFactorEnabled: boolean };
  company: { id: string; legalName: string; approvalThreshold: { amount: number; currency: string } | null };
  role: string;
}

/** Query keys of the signed-in person and their company. */
export const accountKeys = queryKeys('account');

/** GET /me: the user, the company acted for, the role. */
export function useMe() {
  return useQuery({ queryKey: accountKeys.detail('me'), queryFn: async () => (await unwrap(api.client.GET('/me'))) as Me });
}
