import type { paths as BuyerPaths, SchemaSessionDto } from '../api/buyer.gen';

/** The account routes the buyer and the supplier app share (CompanyAuthController, MeController, invitations). */
export type CompanyAuthPaths = Pick<
  BuyerPaths,
  '/auth/sign-up' | '/auth/sign-in/two-factor-setup' | '/auth/sign-in/two-factor-setup/confirm' | '/invitations/accept' | '/me/two-factor/setup' | '/me/two-factor/enable'
>;

export type SessionBody = SchemaSessionDto;
