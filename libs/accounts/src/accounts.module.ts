import { Global, Module } from '@nestjs/common';
import { ACTOR_DIRECTORY } from '@kontor/platform';
import { AccountService } from './account.service';
import { ActorDirectoryService } from './actor-directory.service';
import { CompaniesRepository } from './companies.repository';
import { CompanyAuditRepository } from './company-audit.repository';
import { CompanyRegistration } from './company-registration.service';
import { CompanyDirectory } from './company-directory.service';
import { CompanyModerationService } from './company-moderation.service';
import { CompanyService } from './company.service';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { MembershipsRepository } from './memberships.repository';
import { OperatorsRepository } from './operators.repository';
import { OperatorsService } from './operators.service';
import { PasswordHasher } from './password-hasher';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionTokensService } from './session-tokens.service';
import { SignInChallengesRepository } from './sign-in-challenges.repository';
import { SignInFailuresRepository } from './sign-in-failures.repository';
import { SignInLockout } from './sign-in-lockout.service';
import { AccountLinksService } from './account-links.service';
import { AccountTokensRepository } from './account-tokens.repository';
import { RefreshCookie, RefreshCookieInterceptor } from './http/refresh-cookie';
import { Totp } from './totp';
import { UserAuthService } from './user-auth.service';
import { UsersRepository } from './users.repository';
import { SupplierOnboarding } from './supplier-onboarding.service';
import { CompanyContacts } from './company-contacts.service';

/** Global because the platform's auth guard resolves actors through ACTOR_DIRECTORY in every module. */
@Global()
@Module({
  providers: [
    CompaniesRepository,
    UsersRepository,
    MembershipsRepository,
    OperatorsRepository,
    RefreshTokensRepository,
    SignInChallengesRepository,
    SignInFailuresRepository,
    SignInLockout,
    AccountTokensRepository,
    AccountLinksService,
    RefreshCookie,
    RefreshCookieInterceptor,
    InvitationsRepository,
    CompanyAuditRepository,
    PasswordHasher,
    Totp,
    SessionTokensService,
    CompanyRegistration,
    UserAuthService,
    AccountService,
    CompanyService,
    InvitationsService,
    OperatorsService,
    CompanyModerationService,
    CompanyDirectory,
    ActorDirectoryService,
    SupplierOnboarding,
    CompanyContacts,
    { provide: ACTOR_DIRECTORY, useExisting: ActorDirectoryService },
  ],
  exports: [ACTOR_DIRECTORY, RefreshCookie, RefreshCookieInterceptor, UserAuthService, AccountService, CompanyService, InvitationsService, OperatorsService, CompanyModerationService, CompanyDirectory, Totp, SupplierOnboarding, CompanyContacts],
})
export class AccountsModule {}
