import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { SessionDto, SupplierOnboarding } from '@kontor/accounts';
import { Clock, ConflictError, KONTOR_CONFIG, KontorConfig, MAIL_TRANSPORT, MailTransport, NotFoundError, Page, PageQuery, TransactionRunner, toPage } from '@kontor/platform';
import { SupplierInviteSignUpDto } from './dto/quote.dto';
import { RfqEntity } from './entities/rfq.entity';
import { RfqsRepository } from './rfqs.repository';
import { SupplierInvitesRepository } from './supplier-invites.repository';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SupplierOriginDto {
  supplierCompanyId: string;
  email: string;
  rfqId: string;
  invitedByUserId: string;
  joinedAt: string;
}

/**
 * Suppliers not on Kontor yet, invited by e-mail to one RFQ: a single-use, expiring link signs up
 * an unverified supplier company that receives that RFQ (and only it, until operators verify it).
 */
@Injectable()
export class SupplierInvitesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly invites: SupplierInvitesRepository,
    private readonly rfqs: RfqsRepository,
    private readonly onboarding: SupplierOnboarding,
    private readonly clock: Clock,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
  ) {}

  /** Records the e-mails; when the RFQ is open the links are mailed after commit, else at publish. */
  async add(rfq: RfqEntity, emails: string[], invitedBy: string): Promise<void> {
    const rows = [...new Set(emails.map((e) => e.trim().toLowerCase()))].map((email) => ({ rfqId: rfq.id, email, tokenHash: '', invitedBy, expiresAt: new Date(0) }));
    await this.invites.insertIgnoringDuplicates(rows.map((r) => ({ ...r, tokenHash: `pending:${randomBytes(16).toString('hex')}` })));
    if (rfq.status === 'open') await this.sendPending(rfq);
  }

  /** Issues a fresh token for every invite not yet sent and mails it (after commit). */
  async sendPending(rfq: RfqEntity): Promise<void> {
    for (const invite of await this.invites.listForRfq(rfq.id)) {
      if (!invite.tokenHash.startsWith('pending:')) continue;
      const token = randomBytes(32).toString('base64url');
      invite.tokenHash = hashToken(token);
      invite.expiresAt = new Date(this.clock.now().getTime() + this.config.invitationTtlHours * 3_600_000);
      await this.invites.save(invite);
      const link = `${this.config.publicUrls.supplier}/rfq-invitations/accept?token=${token}`;
      this.tx.afterCommit(() =>
        this.mail.send({
          to: invite.email,
          subject: `Request for quotation: ${rfq.title}`,
          text: `A buyer on Kontor asks you to quote "${rfq.title}" (responses due ${rfq.responseDeadline.toISOString()}).\nCreate your supplier account with this single-use link before ${invite.expiresAt.toISOString()}: ${link}\n(API: POST /rfq-invitations/accept with {"token": "${token}", ...})`,
        }),
      );
    }
  }

  invitedEmails(rfqId: string): Promise<string[]> {
    return this.invites.listForRfq(rfqId).then((rows) => rows.map((r) => r.email));
  }

  /** Signs up the invited supplier company and makes it a recipient of the RFQ it was invited to. */
  async accept(input: SupplierInviteSignUpDto): Promise<SessionDto & { rfqId: string }> {
    return this.tx.run(async () => {
      const invite = await this.invites.findByHashForUpdate(hashToken(input.token));
      if (!invite) throw new NotFoundError('INVITATION_NOT_FOUND', 'token: this invitation does not exist');
      if (invite.usedAt) throw new ConflictError('INVITATION_ALREADY_USED', 'token: this invitation was already used');
      if (invite.expiresAt <= this.clock.now()) throw new ConflictError('INVITATION_EXPIRED', 'token: this invitation has expired; ask the buyer for a new one');
      const { companyId, session } = await this.onboarding.signUpInvitedSupplier(invite.email, { password: input.password, fullName: input.fullName, company: input.company });
      invite.usedAt = this.clock.now();
      invite.supplierCompanyId = companyId;
      await this.invites.save(invite);
      await this.rfqs.addRecipients(invite.rfqId, [companyId], 'email_invite');
      return { ...session, rfqId: invite.rfqId };
    });
  }

  async origins(query: PageQuery): Promise<Page<SupplierOriginDto>> {
    const [rows, total] = await this.invites.listUsed(query);
    return toPage(
      rows.map((r) => ({ supplierCompanyId: r.supplierCompanyId!, email: r.email, rfqId: r.rfqId, invitedByUserId: r.invitedBy, joinedAt: r.usedAt!.toISOString() })),
      total,
      query,
    );
  }
}
