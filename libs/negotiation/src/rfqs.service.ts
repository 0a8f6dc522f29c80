import { Inject, Injectable } from '@nestjs/common';
import { CompanyDirectory } from '@kontor/accounts';
import { assertCurrency, Clock, CompanyActor, ConflictError, DomainEvents, NotFoundError, OperatorActor, Page, TransactionRunner, toPage, ValidationError } from '@kontor/platform';
import { Notifications } from '@kontor/notifications';
import { assertRfqAllows } from './domain/rfq-lifecycle';
import { AddRecipientsDto, CreateRfqDto, RecipientDto, RfqDto, RfqListQuery, RfqLineInputDto, UpdateRfqDto } from './dto/rfq.dto';
import { RfqLineEntity } from './entities/rfq-line.entity';
import { RfqEntity } from './entities/rfq.entity';
import { SUPPLIER_CATEGORY_LOOKUP, SupplierCategoryLookup } from './ports/supplier-category-lookup.port';
import { QuotesRepository } from './quotes.repository';
import { RfqLifecycleService } from './rfq-lifecycle.service';
import { toRfqDto } from './rfq-views';
import { RfqsRepository } from './rfqs.repository';
import { SupplierInvitesService } from './supplier-invites.service';

/** Sample requests are for trying a product before a bulk order: small quantities only. */
export const SAMPLE_MAX_QUANTITY = 100;

/** RFQ use cases: the buyer drafts, publishes, cancels; suppliers see their inbox and decline. */
@Injectable()
export class RfqsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly rfqs: RfqsRepository,
    private readonly quotes: QuotesRepository,
    private readonly lifecycle: RfqLifecycleService,
    private readonly invites: SupplierInvitesService,
    private readonly directory: CompanyDirectory,
    private readonly notifications: Notifications,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(SUPPLIER_CATEGORY_LOOKUP) private readonly catalog: SupplierCategoryLookup,
  ) {}

  async create(actor: CompanyActor, input: CreateRfqDto): Promise<RfqDto> {
    return this.tx.run(async () => {
      this.validateHeader(input);
      await this.validateLines(input.kind ?? 'rfq', input.lines);
      await this.validateCategories(input.categoryIds ?? []);
      const rfq = await this.rfqs.insert({
        buyerCompanyId: actor.companyId,
        createdBy: actor.userId,
        kind: input.kind ?? 'rfq',
        title: input.title.trim(),
        description: input.description ?? null,
        currency: input.currency,
        deliveryCountry: input.deliveryCountry.toUpperCase(),
        deliveryAddress: input.deliveryAddress ?? null,
        neededBy: input.neededBy ?? null,
        responseDeadline: new Date(input.responseDeadline),
        paymentTerms: input.paymentTerms ?? null,
        attachments: input.attachments ?? [],
        categoryIds: input.categoryIds ?? [],
        openToCategories: input.openToCategories ?? false,
        status: 'draft',
      });
      await this.rfqs.replaceLines(rfq.id, input.lines.map(lineRow));
      await this.addInvited(rfq, input.invitedSupplierIds ?? [], actor.companyId);
      if (input.inviteEmails?.length) await this.invites.add(rfq, input.inviteEmails, actor.userId);
      return this.buyerView(rfq);
    });
  }

  /** Changes a draft; only the fields named in the request. */
  async update(actor: CompanyActor, id: string, input: UpdateRfqDto): Promise<RfqDto> {
    return this.tx.run(async () => {
      const rfq = await this.ownedForUpdate(actor, id);
      assertRfqAllows(rfq.status, 'edit');
      if (input.title !== undefined) rfq.title = input.title.trim();
      if (input.description !== undefined) rfq.description = input.description;
      if (input.currency !== undefined) rfq.currency = input.currency;
      if (input.deliveryCountry !== undefined) rfq.deliveryCountry = input.deliveryCountry.toUpperCase();
      if (input.deliveryAddress !== undefined) rfq.deliveryAddress = input.deliveryAddress;
      if (input.neededBy !== undefined) rfq.neededBy = input.neededBy;
      if (input.responseDeadline !== undefined) rfq.responseDeadline = new Date(input.responseDeadline);
      if (input.paymentTerms !== undefined) rfq.paymentTerms = input.paymentTerms;
      if (input.attachments !== undefined) rfq.attachments = input.attachments;
      if (input.categoryIds !== undefined) {
        await this.validateCategories(input.categoryIds);
        rfq.categoryIds = input.categoryIds;
      }
      if (input.openToCategories !== undefined) rfq.openToCategories = input.openToCategories;
      if (input.kind !== undefined) rfq.kind = input.kind;
      this.validateHeader({ currency: rfq.currency, responseDeadline: rfq.responseDeadline.toISOString() });
      if (input.lines !== undefined) {
        await this.validateLines(rfq.kind, input.lines);
        await this.rfqs.replaceLines(rfq.id, input.lines.map(lineRow));
      } else if (input.kind === 'sample') {
        await this.validateLines('sample', await this.rfqs.linesOf(rfq.id));
      }
      await this.rfqs.save(rfq);
      await this.addInvited(rfq, input.invitedSupplierIds ?? [], actor.companyId);
      if (input.inviteEmails?.length) await this.invites.add(rfq, input.inviteEmails, actor.userId);
      return this.buyerView(rfq);
    });
  }

  /** Opens the RFQ to its recipients and schedules its deadline (in this transaction). */
  async publish(actor: CompanyActor, id: string): Promise<RfqDto> {
    return this.tx.run(async () => {
      const rfq = await this.ownedForUpdate(actor, id);
      assertRfqAllows(rfq.status, 'publish');
      if (rfq.responseDeadline <= this.clock.now()) throw ValidationError.field('responseDeadline', 'must be in the future to publish', 'DEADLINE_PASSED');
      if (rfq.openToCategories) {
        if (rfq.categoryIds.length === 0) throw ValidationError.field('categoryIds', 'an open RFQ needs at least one category');
        const candidates = (await this.catalog.suppliersInCategories(rfq.categoryIds)).filter((s) => s !== actor.companyId);
        const companies = await this.directory.getMany(candidates);
        await this.rfqs.addRecipients(rfq.id, candidates.filter((c) => companies.get(c)?.verified && companies.get(c)?.active && companies.get(c)?.isSupplier), 'category');
      }
      const recipients = await this.rfqs.recipientsOf(rfq.id);
      const emails = await this.invites.invitedEmails(rfq.id);
      if (recipients.length === 0 && emails.length === 0) {
        throw new ConflictError('RFQ_HAS_NO_RECIPIENTS', 'Invite at least one supplier (or open the RFQ to categories with verified suppliers) before publishing');
      }
      rfq.status = 'open';
      rfq.publishedAt = this.clock.now();
      await this.rfqs.save(rfq);
      await this.lifecycle.schedule(rfq);
      await this.invites.sendPending(rfq);
      await this.notifyReceived(rfq, recipients.map((r) => r.supplierCompanyId));
      return this.buyerView(rfq);
    });
  }

  async addRecipients(actor: CompanyActor, id: string, input: AddRecipientsDto): Promise<RfqDto> {
    return this.tx.run(async () => {
      const rfq = await this.lifecycle.refresh(await this.ownedForUpdate(actor, id));
      if (rfq.status !== 'draft' && rfq.status !== 'open') throw new ConflictError('RFQ_NOT_EDITABLE', `This RFQ is ${rfq.status}; recipients can no longer be added`);
      const before = new Set((await this.rfqs.recipientsOf(rfq.id)).map((r) => r.supplierCompanyId));
      await this.addInvited(rfq, input.invitedSupplierIds ?? [], actor.companyId);
      if (input.inviteEmails?.length) await this.invites.add(rfq, input.inviteEmails, actor.userId);
      if (rfq.status === 'open') {
        const added = (await this.rfqs.recipientsOf(rfq.id)).map((r) => r.supplierCompanyId).filter((s) => !before.has(s));
        await this.notifyReceived(rfq, added);
      }
      return this.buyerView(rfq);
    });
  }

  async cancel(actor: CompanyActor, id: string, reason: string): Promise<RfqDto> {
    return this.tx.run(async () => {
      const rfq = await this.lifecycle.refresh(await this.ownedForUpdate(actor, id));
      await this.cancelLocked(rfq, reason);
      return this.buyerView(rfq);
    });
  }

  async get(actor: CompanyActor, id: string): Promise<RfqDto> {
    const rfq = await this.rfqs.findOwned(actor.companyId, id);
    if (!rfq) throw rfqNotFound();
    return this.buyerView(await this.lifecycle.refresh(rfq));
  }

  async list(actor: CompanyActor, query: RfqListQuery): Promise<Page<RfqDto>> {
    const [rows, total] = await this.rfqs.listForBuyer(actor.companyId, query);
    const items = await Promise.all(rows.map(async (r) => toRfqDto(await this.lifecycle.refresh(r), await this.rfqs.linesOf(r.id))));
    return toPage(items, total, query);
  }

  /** The supplier's inbox: RFQs it was invited to or received as a verified supplier of their categories. */
  async inbox(actor: CompanyActor, query: RfqListQuery): Promise<Page<RfqDto>> {
    const [rows, total] = await this.rfqs.listForSupplier(actor.companyId, query);
    const items = await Promise.all(rows.map(async (r) => this.supplierView(actor.companyId, await this.lifecycle.refresh(r))));
    return toPage(items, total, query);
  }

  async inboxGet(actor: CompanyActor, id: string): Promise<RfqDto> {
    const rfq = await this.rfqs.findForSupplier(actor.companyId, id);
    if (!rfq) throw rfqNotFound();
    return this.supplierView(actor.companyId, await this.lifecycle.refresh(rfq));
  }

  async decline(actor: CompanyActor, id: string, reason: string): Promise<RfqDto> {
    return this.tx.run(async () => {
      const recipient = await this.rfqs.recipient(id, actor.companyId);
      const locked = recipient ? await this.rfqs.findForUpdate(id) : null;
      if (!recipient || !locked || locked.status === 'draft') throw rfqNotFound();
      const rfq = await this.lifecycle.refresh(locked);
      assertRfqAllows(rfq.status, 'decline');
      const quote = await this.quotes.findByRfqAndSupplier(id, actor.companyId);
      if (quote?.status === 'active') throw new ConflictError('QUOTE_ACTIVE', 'Withdraw your quote before declining this RFQ');
      if (recipient.declinedAt) throw new ConflictError('RFQ_ALREADY_DECLINED', 'You already declined this RFQ');
      recipient.declinedAt = this.clock.now();
      recipient.declineReason = reason;
      await this.rfqs.saveRecipient(recipient);
      const supplier = await this.directory.get(actor.companyId);
      await this.notifications.notify({ companyId: rfq.buyerCompanyId, app: 'buyer', type: 'rfq.declined', title: `${supplier?.legalName ?? 'A supplier'} declined: ${rfq.title}`, body: reason, data: { rfqId: rfq.id, supplierCompanyId: actor.companyId } });
      return this.supplierView(actor.companyId, rfq);
    });
  }

  // --- operators ---

  async listAll(query: RfqListQuery): Promise<Page<RfqDto>> {
    const [rows, total] = await this.rfqs.listAll(query);
    const items = await Promise.all(rows.map(async (r) => this.buyerView(await this.lifecycle.refresh(r))));
    return toPage(items, total, query);
  }

  async getForOperator(id: string): Promise<RfqDto> {
    const rfq = await this.rfqs.findById(id);
    if (!rfq) throw rfqNotFound();
    return this.buyerView(await this.lifecycle.refresh(rfq));
  }

  /** An operator closes an RFQ (abuse, spam): it is cancelled with the operator's reason. */
  async closeByOperator(operator: OperatorActor, id: string, reason: string): Promise<RfqDto> {
    return this.tx.run(async () => {
      const locked = await this.rfqs.findForUpdate(id);
      if (!locked) throw rfqNotFound();
      const rfq = await this.lifecycle.refresh(locked);
      await this.cancelLocked(rfq, `Closed by the marketplace operator: ${reason}`);
      return this.buyerView(rfq);
    });
  }

  private async cancelLocked(rfq: RfqEntity, reason: string): Promise<void> {
    assertRfqAllows(rfq.status, 'cancel');
    const wasPublished = rfq.status !== 'draft';
    rfq.status = 'cancelled';
    rfq.cancelledAt = this.clock.now();
    rfq.cancelReason = reason;
    await this.rfqs.save(rfq);
    if (wasPublished) {
      const recipients = await this.rfqs.recipientsOf(rfq.id);
      await this.notifications.notify(
        recipients.map((r) => ({ companyId: r.supplierCompanyId, app: 'supplier' as const, type: 'rfq.cancelled', title: `RFQ cancelled: ${rfq.title}`, body: reason, data: { rfqId: rfq.id } })),
      );
    }
  }

  private async ownedForUpdate(actor: CompanyActor, id: string): Promise<RfqEntity> {
    const rfq = await this.rfqs.findOwnedForUpdate(actor.companyId, id);
    if (!rfq) throw rfqNotFound();
    return rfq;
  }

  private async notifyReceived(rfq: RfqEntity, supplierIds: string[]): Promise<void> {
    await this.notifications.notify(
      supplierIds.map((companyId) => ({
        companyId,
        app: 'supplier' as const,
        type: 'rfq.received',
        title: `New ${rfq.kind === 'sample' ? 'sample request' : 'RFQ'}: ${rfq.title}`,
        body: `Quotes are due by ${rfq.responseDeadline.toISOString()}.`,
        data: { rfqId: rfq.id },
        email: true,
      })),
    );
  }

  private async addInvited(rfq: RfqEntity, supplierIds: string[], buyerCompanyId: string): Promise<void> {
    const ids = [...new Set(supplierIds)];
    if (ids.length === 0) return;
    const companies = await this.directory.getMany(ids);
    ids.forEach((id, i) => {
      const c = companies.get(id);
      if (!c || !c.isSupplier || !c.active || id === buyerCompanyId) throw ValidationError.field(`invitedSupplierIds.${i}`, 'is not an active supplier company', 'SUPPLIER_NOT_FOUND');
    });
    await this.rfqs.addRecipients(rfq.id, ids, 'invited');
  }

  private validateHeader(input: { currency: string; responseDeadline: string }): void {
    assertCurrency(input.currency);
    if (new Date(input.responseDeadline) <= this.clock.now()) throw ValidationError.field('responseDeadline', 'must be in the future');
  }

  private async validateLines(kind: string, lines: Array<Pick<RfqLineInputDto, 'listingId' | 'categoryId' | 'quantity'> | RfqLineEntity>): Promise<void> {
    for (const [i, line] of lines.entries()) {
      if (kind === 'sample' && line.quantity > SAMPLE_MAX_QUANTITY) throw ValidationError.field(`lines.${i}.quantity`, `a sample request asks for at most ${SAMPLE_MAX_QUANTITY} units`);
      if (line.listingId) {
        const listing = await this.catalog.listingSummary(line.listingId);
        if (!listing || listing.status !== 'published') throw ValidationError.field(`lines.${i}.listingId`, 'is not a published listing', 'LISTING_NOT_FOUND');
      }
      if (line.categoryId && !(await this.catalog.categoryExists(line.categoryId))) throw ValidationError.field(`lines.${i}.categoryId`, 'is not a category', 'CATEGORY_NOT_FOUND');
    }
  }

  private async validateCategories(ids: string[]): Promise<void> {
    for (const [i, id] of ids.entries()) {
      if (!(await this.catalog.categoryExists(id))) throw ValidationError.field(`categoryIds.${i}`, 'is not a category', 'CATEGORY_NOT_FOUND');
    }
  }

  private async buyerView(rfq: RfqEntity): Promise<RfqDto> {
    // Sequential: views are also built inside transactions, whose one connection runs one query at a time.
    const lines = await this.rfqs.linesOf(rfq.id);
    const recipients = await this.rfqs.recipientsOf(rfq.id);
    const quotes = await this.quotes.listForRfq(rfq.id);
    const emails = await this.invites.invitedEmails(rfq.id);
    const companies = await this.directory.getMany(recipients.map((r) => r.supplierCompanyId));
    const quoteBySupplier = new Map(quotes.map((q) => [q.supplierCompanyId, q]));
    const recipientDtos: RecipientDto[] = recipients.map((r) => {
      const q = quoteBySupplier.get(r.supplierCompanyId);
      return {
        supplierCompanyId: r.supplierCompanyId,
        supplierName: companies.get(r.supplierCompanyId)?.legalName ?? 'Unknown supplier',
        source: r.source,
        response: r.declinedAt ? 'declined' : q ? (q.status === 'withdrawn' ? 'withdrawn' : 'quoted') : 'pending',
        declineReason: r.declineReason,
      };
    });
    return { ...toRfqDto(rfq, lines), recipients: recipientDtos, invitedEmails: emails };
  }

  private async supplierView(supplierCompanyId: string, rfq: RfqEntity): Promise<RfqDto> {
    const lines = await this.rfqs.linesOf(rfq.id);
    const recipient = await this.rfqs.recipient(rfq.id, supplierCompanyId);
    const quote = await this.quotes.findByRfqAndSupplier(rfq.id, supplierCompanyId);
    return { ...toRfqDto(rfq, lines), myResponse: { declined: Boolean(recipient?.declinedAt), declineReason: recipient?.declineReason ?? null, quoteId: quote?.id ?? null } };
  }
}

export function rfqNotFound(): NotFoundError {
  return new NotFoundError('RFQ_NOT_FOUND', 'RFQ not found');
}

function lineRow(l: RfqLineInputDto | RfqLineEntity): Partial<RfqLineEntity> {
  return {
    description: l.description.trim(),
    listingId: l.listingId ?? null,
    categoryId: l.categoryId ?? null,
    quantity: l.quantity,
    unit: l.unit.trim(),
    targetUnitPrice: l.targetUnitPrice ?? null,
    attributes: l.attributes ?? [],
  };
}
