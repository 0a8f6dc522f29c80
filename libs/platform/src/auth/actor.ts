import { createParamDecorator, ExecutionContext } from '@nestjs/common';

export type AppKind = 'buyer' | 'supplier' | 'admin';
export const COMPANY_ROLES = ['owner', 'admin', 'member', 'approver'] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];
export const OPERATOR_ROLES = ['moderator', 'finance', 'superadmin'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** A company user acting through the buyer or supplier app, inside one company. */
export interface CompanyActor {
  kind: 'user';
  userId: string;
  companyId: string;
  role: CompanyRole;
  app: 'buyer' | 'supplier';
}

/** A platform operator acting through the admin app. */
export interface OperatorActor {
  kind: 'operator';
  userId: string;
  roles: OperatorRole[];
  app: 'admin';
}

/** Who is acting: passed first to every use case, like Vendure's RequestContext. */
export type Actor = CompanyActor | OperatorActor;

/** Injects the authenticated actor the guard attached to the request. */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const holder =
    context.getType() === 'ws' ? context.switchToWs().getClient<{ data: { actor?: Actor } }>().data : context.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!holder.actor) throw new Error('Actor requested on a route without authentication');
  return holder.actor;
});
