import { SetMetadata } from '@nestjs/common';
import { CompanyRole, OperatorRole } from './actor';

export const PUBLIC_KEY = 'kontor:public';
export const ROLES_KEY = 'kontor:roles';
export const OPERATOR_ROLES_KEY = 'kontor:operator-roles';

/** Marks a route that needs no sign-in (sign-in itself, health, metrics, webhooks). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Company roles allowed to call a route; every mutating company route declares them. */
export const Roles = (...roles: CompanyRole[]) => SetMetadata(ROLES_KEY, roles);

/** Every company role: any member of the company may call the route. */
export const ANY_MEMBER: CompanyRole[] = ['owner', 'admin', 'member', 'approver'];

/** Operator roles allowed to call an admin route; superadmin is always allowed. */
export const OperatorRoles = (...roles: OperatorRole[]) => SetMetadata(OPERATOR_ROLES_KEY, roles);
