import { Inject, Injectable } from '@nestjs/common';
import {
  Clock,
  CompanyActor,
  ConflictError,
  ForbiddenError,
  KONTOR_CONFIG,
  KontorConfig,
  MAIL_TRANSPORT,
  MailTransport,
  NotFoundError,
  TransactionRunner,
  UnauthenticatedError,
  ValidationError,
} from '@kontor/platform';
import { CompaniesRepository } from './companies.repository';
import { assertRoleFitsCompany } from './company.service';
import { normalizeEmail } from './domain/email';
import { hashSecretToken, newSecretToken } from './domain/secret-token';
import { SessionDto } from './dto/auth.dto';
import { AcceptInvitationDto, CreateInvitationDto, InvitationDto } from './dto/company.dto';
import { InvitationEntity } from './entities/invitation.entity';
import { InvitationsRepository } from './invitations.repository';
import { MembershipsRepository } from './memberships.repository';
import { PasswordHasher } from './password-hasher';
import { SessionTokensService } from './session-tokens.service';
import { UsersRepository } from './users.repository';

function toDto(i: InvitationEntity): InvitationDto {
  return { id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString(), createdAt: i.createdAt.toISOString() };
}

/** Colleagues join a company by a single-use, expiring invitation link sent by e-mail. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly invitations: InvitationsRepository,
    private readonly companies: CompaniesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionTokensService,
    private readonly clock: Clock,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
  ) {}

  async invite(actor: CompanyActor, input: CreateInvitationDto): Promise<InvitationDto> {
    if (input.role === 'owner' && actor.role !== 'owner') throw new ForbiddenError('OWNER_REQUIRED', 'Only an owner can invite another owner');
    const email = normalizeEmail(input.email);
    const { token, hash } = newSecretToken();
    const invitation = await this.tx.run(async () => {
      const company = (await this.companies.findById(actor.companyId))!;
      assertRoleFitsCompany(input.role, company);
      const existing = await this.users.findByEmail(email);
      if (existing && (await this.memberships.find(existing.id, actor.companyId))) {
        throw new ConflictError('ALREADY_MEMBER', 'email: this person is already a member of your company');
      }
      const created = await this.invitations.insert({
        companyId: actor.companyId,
        email,
        role: input.role,
        tokenHash: hash,
        invitedBy: actor.userId,
        expiresAt: new Date(this.clock.now().getTime() + this.config.invitationTtlHours * 3_600_000),
      });
      // The portal's accept page (the web UI under /app/); the mail also names the API call for clients without it.
      const link = `${this.config.publicUrls[actor.app]}/app/invitations/accept?token=${token}`;
      this.tx.afterCommit(() =>
        this.mail.send({
          to: email,
          subject: `You are invited to join ${company.legalName} on Kontor`,
          text: `You have been invited to join ${company.legalName} as ${input.role}.\nAccept before ${created.expiresAt.toISOString()}: ${link}\n(Without the web app: POST ${this.config.publicUrls[actor.app]}/invitations/accept with {"token": "${token}", "password": "...", "fullName": "..."}; fullName only for a new account)`,
        }),
      );
      return created;
    });
    return toDto(invitation);
  }

  async listOpen(actor: CompanyActor): Promise<InvitationDto[]> {
    return (await this.invitations.listOpen(actor.companyId)).map(toDto);
  }

  async revoke(actor: CompanyActor, id: string): Promise<void> {
    await this.tx.run(async () => {
      const invitation = await this.invitations.findOwned(actor.companyId, id);
      if (!invitation) throw new NotFoundError('INVITATION_NOT_FOUND', 'Invitation not found');
      if (invitation.acceptedAt) throw new ConflictError('INVITATION_ALREADY_ACCEPTED', 'This invitation was already accepted');
      invitation.revokedAt ??= this.clock.now();
      await this.invitations.save(invitation);
    });
  }

  /**
   * Accepts an invitation: a new e-mail gets a user (fullName and a new password required), an
   * existing user proves it with its password. Either way the user joins the company and is signed in.
   */
  async accept(app: 'buyer' | 'supplier', input: AcceptInvitationDto): Promise<SessionDto> {
    const passwordHash = await this.passwords.hash(input.password);
    return this.tx.run(async () => {
      const invitation = await this.invitations.findByHashForUpdate(hashSecretToken(input.token));
      const now = this.clock.now();
      if (!invitation || invitation.revokedAt) throw new NotFoundError('INVITATION_NOT_FOUND', 'token: this invitation does not exist or was revoked');
      if (invitation.acceptedAt) throw new ConflictError('INVITATION_ALREADY_USED', 'token: this invitation was already used');
      if (invitation.expiresAt <= now) throw new ConflictError('INVITATION_EXPIRED', 'token: this invitation has expired; ask for a new one');
      const company = (await this.companies.findById(invitation.companyId))!;
      if ((app === 'buyer' && !company.isBuyer) || (app === 'supplier' && !company.isSupplier)) {
        throw new NotFoundError('INVITATION_NOT_FOUND', 'token: this invitation is for the other app');
      }
      let user = await this.users.findByEmail(invitation.email);
      if (user) {
        if (!(await this.passwords.verify(user.passwordHash, input.password))) {
          throw new UnauthenticatedError('INVALID_CREDENTIALS', 'password: this e-mail already has an account; enter its password');
        }
      } else {
        if (!input.fullName) throw ValidationError.field('fullName', 'is required to create your account');
        if (input.password.length < 10) throw ValidationError.field('password', 'must be at least 10 characters');
        user = await this.users.insert({ email: invitation.email, fullName: input.fullName.trim(), passwordHash });
      }
      if (!(await this.memberships.find(user.id, company.id))) await this.memberships.insert(user.id, company.id, invitation.role);
      invitation.acceptedAt = now;
      await this.invitations.save(invitation);
      return this.sessions.issue({ kind: 'user', id: user.id, companyId: company.id, app });
    });
  }
}
