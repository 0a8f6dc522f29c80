import { Inject, Injectable } from '@nestjs/common';
import { CompanyDirectory } from '@kontor/accounts';
import { Clock, CompanyActor, ConflictError, DomainEvents, formatMoney, NotFoundError, Page, TransactionRunner, toPage, ValidationError } from '@kontor/platform';
import { Notifications } from '@kontor/notifications';
import { compareQuotes, ComparisonSort, QuoteComparison } from './domain/quote-comparison';
import { lineTotal, normalizeQuoteLines, QuoteLine, quoteTotal } from './domain/quote-pricing';
import { assertRfqAllows, PaymentTerms } from './domain/rfq-lifecycle';
import { diffRevisions, RevisionDiff } from './domain/revision-diff';
import { QuoteDto, QuoteRevisionDto, SubmitQuoteDto } from './dto/quote.dto';
import { QuoteRevisionEntity } from './entities/quote-revision.entity';
import { QuoteEntity } from './entities/quote.entity';
import { RfqEntity } from './entities/rfq.entity';
import { NegotiationEvents, QuoteRevisedEvent } from './negotiation.events';
import { SUPPLIER_CATEGORY_LOOKUP, SupplierCategoryLookup } from './ports/supplier-category-lookup.port';
import { QuotesRepository } from './quotes.repository';
import { RfqLifecycleService } from './rfq-lifecycle.service';
import { RfqsRepository } from './rfqs.repository';
import { rfqNotFound } from './rfqs.service';

/** Terms agreed in a negotiation offer; whatever is absent stays as in the current revision. */
export interface OfferTerms {
  lines: Array<{ rfqLineId: string; unitPrice: number; quantity?: number }>;
  leadTimeDays?: number;
  paymentTerms?: PaymentTerms;
}

export function toRevisionDto(r: QuoteRevisionEntity): QuoteRevisionDto {
  return {
    id: r.id,
    revision: r.revision,
    lines: r.lines.map((l) => ({ ...l, lineTotal: lineTotal(l) })),
    totalAmount: r.totalAmount,
    currency: r.currency,
    leadTimeDays: r.leadTimeDays,
    validUntil: r.validUntil.toISOString(),
    paymentTerms: r.paymentTerms,
    incoterm: r.incoterm,
    notes: r.notes,
    source: r.source,
    createdAt: r.createdAt.toISOString(),
  };
}

function quoteNotFound(): NotFoundError {
  return new NotFoundError('QUOTE_NOT_FOUND', 'Quote not found');
}

/** Quotes and their revisions: suppliers submit, revise and withdraw; both sides read the history. */
@Injectable()
export class QuotesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly quotes: QuotesRepository,
    private readonly rfqs: RfqsRepository,
    private readonly lifecycle: RfqLifecycleService,
    private readonly directory: CompanyDirectory,
    private readonly notifications: Notifications,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(SUPPLIER_CATEGORY_LOOKUP) private readonly catalog: SupplierCategoryLookup,
  ) {}

  /** Answers an RFQ: the first quote, or a new revision of this supplier's active quote. */
  async submit(actor: CompanyActor, rfqId: string, input: SubmitQuoteDto): Promise<QuoteDto> {
    return this.tx.run(async () => {
      const rfq = await this.lockRfqForSupplier(actor.companyId, rfqId);
      const existing = await this.quotes.findByRfqAndSupplier(rfqId, actor.companyId);
      if (existing) return this.reviseLocked(actor, rfq, (await this.quotes.findForUpdate(existing.id))!, input);
      assertRfqAllows(rfq.status, 'quote');
      const recipient = await this.rfqs.recipient(rfqId, actor.companyId);
      if (recipient?.declinedAt) throw new ConflictError('RFQ_DECLINED', 'You declined this RFQ');
      const quote = await this.quotes.insert({ rfqId, supplierCompanyId: actor.companyId, status: 'active', currentRevision: 1 });
      const revision = await this.writeRevision(rfq, quote, 1, input, actor.userId, 'supplier');
      await this.notifyBuyer(rfq, actor.companyId, 'quote.received', 'New quote', revision);
      return this.toDto(quote, [revision]);
    });
  }

  async revise(actor: CompanyActor, quoteId: string, input: SubmitQuoteDto): Promise<QuoteDto> {
    return this.tx.run(async () => {
      const quote = await this.quotes.findForUpdate(quoteId);
      if (!quote || quote.supplierCompanyId !== actor.companyId) throw quoteNotFound();
      const rfq = await this.lockRfqForSupplier(actor.companyId, quote.rfqId);
      return this.reviseLocked(actor, rfq, quote, input);
    });
  }

  /**
   * A new revision with the terms of an accepted negotiation offer (called by chat inside its
   * transaction). Returns the new revision.
   */
  async reviseFromOffer(acceptedBy: { userId: string }, rfqId: string, supplierCompanyId: string, terms: OfferTerms): Promise<QuoteRevisionDto & { quoteId: string }> {
    return this.tx.run(async () => {
      const rfq = await this.lockRfqForSupplier(supplierCompanyId, rfqId);
      assertRfqAllows(rfq.status, 'revise');
      const found = await this.quotes.findByRfqAndSupplier(rfqId, supplierCompanyId);
      const quote = found ? await this.quotes.findForUpdate(found.id) : null;
      if (!quote) throw new ConflictError('NO_QUOTE', 'The supplier has not quoted this RFQ yet; an offer needs a quote to revise');
      if (quote.status !== 'active') throw new ConflictError('QUOTE_WITHDRAWN', 'This quote was withdrawn');
      const current = (await this.quotes.revision(quote.id, quote.currentRevision))!;
      const byLine = new Map(terms.lines.map((l) => [l.rfqLineId, l]));
      const rfqLineIds = new Set((await this.rfqs.linesOf(rfqId)).map((l) => l.id));
      for (const [i, l] of terms.lines.entries()) if (!rfqLineIds.has(l.rfqLineId)) throw ValidationError.field(`offer.lines[${i}].rfqLineId`, 'is not a line of this RFQ');
      const lines: QuoteLine[] = current.lines.map((l) => {
        const o = byLine.get(l.rfqLineId);
        // A negotiated price is the price: earlier volume breaks no longer apply to that line.
        return o ? { rfqLineId: l.rfqLineId, unitPrice: o.unitPrice, quantity: o.quantity ?? l.quantity, priceBreaks: [] } : l;
      });
      const revision = await this.quotes.insertRevision({
        quoteId: quote.id,
        revision: quote.currentRevision + 1,
        lines,
        totalAmount: quoteTotal(lines),
        currency: current.currency,
        leadTimeDays: terms.leadTimeDays ?? current.leadTimeDays,
        validUntil: current.validUntil,
        paymentTerms: terms.paymentTerms ?? current.paymentTerms,
        incoterm: current.incoterm,
        notes: current.notes,
        source: 'offer',
        createdBy: acceptedBy.userId,
      });
      quote.currentRevision = revision.revision;
      await this.quotes.save(quote);
      this.events.publish<QuoteRevisedEvent>(NegotiationEvents.quoteRevised, { rfqId, quoteId: quote.id, supplierCompanyId, revision: revision.revision });
      return { ...toRevisionDto(revision), quoteId: quote.id };
    });
  }

  async withdraw(actor: CompanyActor, quoteId: string): Promise<QuoteDto> {
    return this.tx.run(async () => {
      const quote = await this.quotes.findForUpdate(quoteId);
      if (!quote || quote.supplierCompanyId !== actor.companyId) throw quoteNotFound();
      const rfq = await this.lifecycle.refresh((await this.rfqs.findForUpdate(quote.rfqId))!);
      if (rfq.status === 'awarded') throw new ConflictError('RFQ_ALREADY_AWARDED', 'This RFQ was already awarded');
      if (quote.status === 'withdrawn') throw new ConflictError('QUOTE_WITHDRAWN', 'This quote is already withdrawn');
      quote.status = 'withdrawn';
      quote.withdrawnAt = this.clock.now();
      await this.quotes.save(quote);
      const revisions = await this.quotes.revisionsOf(quote.id);
      await this.notifyBuyer(rfq, actor.companyId, 'quote.withdrawn', 'Quote withdrawn', revisions[revisions.length - 1]);
      return this.toDto(quote, revisions);
    });
  }

  /** A quote with its full history, for the supplier that wrote it or the buyer that asked. */
  async get(actor: CompanyActor, quoteId: string): Promise<QuoteDto> {
    const quote = await this.visibleQuote(actor, quoteId);
    return this.toDto(quote, await this.quotes.revisionsOf(quote.id));
  }

  async diff(actor: CompanyActor, quoteId: string, from: number, to: number): Promise<RevisionDiff> {
    const quote = await this.visibleQuote(actor, quoteId);
    const a = await this.quotes.revision(quote.id, from);
    const b = await this.quotes.revision(quote.id, to);
    if (!a || !b) throw new NotFoundError('REVISION_NOT_FOUND', 'No such revision of this quote');
    const snap = (r: QuoteRevisionEntity) => ({ ...r, validUntil: r.validUntil.toISOString() });
    return diffRevisions(snap(a), snap(b));
  }

  async listForSupplier(actor: CompanyActor, query: { page: number; limit: number }): Promise<Page<QuoteDto>> {
    const [rows, total] = await this.quotes.listForSupplier(actor.companyId, query);
    const current = await this.quotes.currentRevisions(rows);
    return toPage(rows.map((q) => this.toDto(q, [current.get(q.id)!], false)), total, query);
  }

  async listForRfq(actor: CompanyActor, rfqId: string): Promise<QuoteDto[]> {
    const rfq = await this.rfqs.findOwned(actor.companyId, rfqId);
    if (!rfq) throw rfqNotFound();
    const quotes = await this.quotes.listForRfq(rfqId);
    return Promise.all(quotes.map(async (q) => this.toDto(q, await this.quotes.revisionsOf(q.id))));
  }

  /** Side by side: every quote of the RFQ with line and total prices, terms, validity, supplier verification and rating. */
  async comparison(actor: CompanyActor, rfqId: string, sort: ComparisonSort = 'total'): Promise<QuoteComparison> {
    const rfq = await this.rfqs.findOwned(actor.companyId, rfqId);
    if (!rfq) throw rfqNotFound();
    return this.buildComparison(rfq, sort);
  }

  async buildComparison(rfq: RfqEntity, sort: ComparisonSort = 'total'): Promise<QuoteComparison> {
    const lines = await this.rfqs.linesOf(rfq.id);
    const quotes = await this.quotes.listForRfq(rfq.id);
    const current = await this.quotes.currentRevisions(quotes);
    const supplierIds = quotes.map((q) => q.supplierCompanyId);
    const [companies, ratings] = await Promise.all([this.directory.getMany(supplierIds), this.catalog.ratings(supplierIds)]);
    return compareQuotes(
      rfq.currency,
      lines.map((l) => l.id),
      quotes.map((q) => {
        const r = current.get(q.id)!;
        return {
          quoteId: q.id,
          revisionId: r.id,
          revision: r.revision,
          supplierCompanyId: q.supplierCompanyId,
          supplierName: companies.get(q.supplierCompanyId)?.legalName ?? 'Unknown supplier',
          supplierVerified: companies.get(q.supplierCompanyId)?.verified ?? false,
          rating: ratings.get(q.supplierCompanyId) ?? null,
          status: q.status,
          lines: r.lines,
          totalAmount: r.totalAmount,
          leadTimeDays: r.leadTimeDays,
          paymentTerms: r.paymentTerms,
          incoterm: r.incoterm,
          validUntil: r.validUntil.toISOString(),
        };
      }),
      this.clock.now(),
      sort,
    );
  }

  private async reviseLocked(actor: CompanyActor, rfq: RfqEntity, quote: QuoteEntity, input: SubmitQuoteDto): Promise<QuoteDto> {
    assertRfqAllows(rfq.status, 'revise');
    if (quote.status === 'withdrawn') throw new ConflictError('QUOTE_WITHDRAWN', 'This quote was withdrawn; it cannot be revised');
    const revision = await this.writeRevision(rfq, quote, quote.currentRevision + 1, input, actor.userId, 'supplier');
    quote.currentRevision = revision.revision;
    await this.quotes.save(quote);
    this.events.publish<QuoteRevisedEvent>(NegotiationEvents.quoteRevised, { rfqId: rfq.id, quoteId: quote.id, supplierCompanyId: quote.supplierCompanyId, revision: revision.revision });
    await this.notifyBuyer(rfq, actor.companyId, 'quote.revised', `Quote revised (revision ${revision.revision})`, revision);
    return this.toDto(quote, await this.quotes.revisionsOf(quote.id));
  }

  private async writeRevision(rfq: RfqEntity, quote: QuoteEntity, number: number, input: SubmitQuoteDto, userId: string, source: 'supplier' | 'offer'): Promise<QuoteRevisionEntity> {
    const validUntil = new Date(input.validUntil);
    if (validUntil <= this.clock.now()) throw ValidationError.field('validUntil', 'must be in the future');
    const rfqLines = await this.rfqs.linesOf(rfq.id);
    const lines = normalizeQuoteLines(rfqLines, input.lines);
    return this.quotes.insertRevision({
      quoteId: quote.id,
      revision: number,
      lines,
      totalAmount: quoteTotal(lines),
      currency: rfq.currency,
      leadTimeDays: input.leadTimeDays,
      validUntil,
      paymentTerms: input.paymentTerms,
      incoterm: input.incoterm ?? null,
      notes: input.notes ?? null,
      source,
      createdBy: userId,
    });
  }

  private async lockRfqForSupplier(supplierCompanyId: string, rfqId: string): Promise<RfqEntity> {
    const recipient = await this.rfqs.recipient(rfqId, supplierCompanyId);
    const rfq = recipient ? await this.rfqs.findForUpdate(rfqId) : null;
    if (!rfq || rfq.status === 'draft') throw rfqNotFound();
    return this.lifecycle.refresh(rfq);
  }

  private async visibleQuote(actor: CompanyActor, quoteId: string): Promise<QuoteEntity> {
    const quote = await this.quotes.findById(quoteId);
    if (!quote) throw quoteNotFound();
    if (actor.app === 'supplier' && quote.supplierCompanyId === actor.companyId) return quote;
    if (actor.app === 'buyer' && (await this.rfqs.findOwned(actor.companyId, quote.rfqId))) return quote;
    throw quoteNotFound();
  }

  private async notifyBuyer(rfq: RfqEntity, supplierCompanyId: string, type: string, what: string, revision: QuoteRevisionEntity): Promise<void> {
    const supplier = await this.directory.get(supplierCompanyId);
    await this.notifications.notify({
      companyId: rfq.buyerCompanyId,
      app: 'buyer',
      type,
      title: `${what} from ${supplier?.legalName ?? 'a supplier'}: ${rfq.title}`,
      body: `Total ${formatMoney(revision.totalAmount, revision.currency)}, lead time ${revision.leadTimeDays} days.`,
      data: { rfqId: rfq.id, quoteId: revision.quoteId, revision: revision.revision },
      email: type === 'quote.received',
    });
  }

  private toDto(quote: QuoteEntity, revisions: QuoteRevisionEntity[], withHistory = true): QuoteDto {
    const current = revisions.find((r) => r.revision === quote.currentRevision) ?? revisions[revisions.length - 1];
    return {
      id: quote.id,
      rfqId: quote.rfqId,
      supplierCompanyId: quote.supplierCompanyId,
      status: quote.status,
      expired: current.validUntil <= this.clock.now(),
      currentRevision: quote.currentRevision,
      current: toRevisionDto(current),
      ...(withHistory ? { history: revisions.map(toRevisionDto) } : {}),
      createdAt: quote.createdAt.toISOString(),
    };
  }
}
