export { AccountsModule } from './accounts.module';
export { CompanyDirectory, CompanySummary } from './company-directory.service';
/** The one approval rule of orders and awards: threshold and four-eyes. */
export { ApprovalPolicy, needsApproval, needsSecondApprover } from './domain/approval-policy';
export { CompanyEvents, CompanyEvent, MemberRemovedEvent, CompanyModerationService } from './company-moderation.service';
export { OperatorsService, NewOperator } from './operators.service';
export { UserAuthService } from './user-auth.service';
export { SupplierOnboarding } from './supplier-onboarding.service';
export { CompanyContacts } from './company-contacts.service';
export { Totp } from './totp';
export * from './dto/auth.dto';
export * from './dto/company.dto';
export * from './dto/me.dto';
export * from './dto/browser-session.dto';
export { CompanyAuthController } from './http/company-auth.controller';
export { MeController } from './http/me.controller';
export { CompanyController } from './http/company.controller';
export { InvitationsController } from './http/invitations.controller';

import { CompanyAuditEntryEntity } from './entities/company-audit-entry.entity';
import { CompanyEntity } from './entities/company.entity';
import { InvitationEntity } from './entities/invitation.entity';
import { MembershipEntity } from './entities/membership.entity';
import { OperatorEntity } from './entities/operator.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';
import { AccountsBase1795000100000 } from './migrations/1795000100000-accounts-base';
import { CompanyApprovalThreshold1795000100001 } from './migrations/1795000100001-company-approval-threshold';
import { SignInHardening1795000100002 } from './migrations/1795000100002-sign-in-hardening';
import { CompanyFourEyesApproval1795000100010 } from './migrations/1795000100010-company-four-eyes-approval';

/** Tables owned by accounts. */
export const accountsEntities = [CompanyEntity, UserEntity, MembershipEntity, OperatorEntity, RefreshTokenEntity, InvitationEntity, CompanyAuditEntryEntity];
/** Migrations of the accounts tables. */
export const accountsMigrations = [AccountsBase1795000100000, CompanyApprovalThreshold1795000100001, SignInHardening1795000100002, CompanyFourEyesApproval1795000100010];
