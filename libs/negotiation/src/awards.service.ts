import { Injectable } from '@nestjs/common';
import { ApprovalPolicy, CompanyDirectory, needsApproval, needsSecondApprover } from '@kontor/accounts';
import { Clock, CompanyActor, ConflictError, DomainEvents, ForbiddenError, formatMoney, isUniqueViolation, NotFoundError, TransactionRunner, ValidationError } from '@kontor/platform';
import { Notifications } from '@kontor/notifications';
import { Allocation, allocateAward, allocationTotal, AwardRequest } from './domain/award-allocation';
import { assertRfqAllows } from './domain/rfq-lifecycle';
import { AwardDto, AwardRfqDto, PendingAwardDto } from './dto/quote.dto';
import { AwardEntity } from './entities/award.entity';
import { RfqEntity } from './entities/rfq.entity';
import { AwardsRepository } from './awards.repository';
import { NegotiationEvents, PurchaseIntentCreatedEvent, RfqAwardedEvent } from './negotiation.events';
import { QuotesRepository } from './quotes.repository';
import { QuotesService } from './quotes.service';
import { RfqLifecycleService } from './rfq-lifecycle.service';
import { RfqsRepository } from './rfqs.repository';
import { rfqNotFound } from './rfqs.service';

/**
 * Awarding an RFQ. Every path locks the RFQ row FOR UPDATE first, so concurrent awards (two
 * approvers, a double click, twenty retries) serialize and exactly one completes; the partial
 * unique index on completed awards backs that up.
 */
@Injectable()
export class AwardsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly awards: AwardsRepository,
    private readonly rfqs: RfqsRepository,
    private readonly quotes: QuotesRepository,
    private readonly quotesService: QuotesService,
    private readonly lifecycle: RfqLifecycleService,
    private readonly directory: CompanyDirectory,
    private readonly notifications: Notifications,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /** Awards the RFQ, or files the award for an approver when it exceeds the company's approval threshold. */
  async award(actor: CompanyActor, rfqId: string, input: AwardRfqDto): Promise<AwardDto> {
    const request = toRequest(input);
    try {
      return await this.tx.run(async () => {
        const rfq = await this.lockOwned(actor, rfqId);
        assertRfqAllows(rfq.status, 'award');
        const { allocations, total } = await this.allocate(rfq, request);
        const policy = await this.approvalPolicy(actor.companyId);
        const comparison = await this.quotesService.buildComparison(rfq);
        const base = { rfqId, allocations, comparison, totalAmount: total, currency: rfq.currency, requestedBy: actor.userId };
        const amount = { amount: total, currency: rfq.currency };
        // An approver's own award above the threshold still waits when the four-eyes rule is on.
        if (needsApproval(policy, amount) && (actor.role !== 'approver' || needsSecondApprover(policy, amount))) {
          if (await this.awards.pendingFor(rfqId)) throw new ConflictError('AWARD_PENDING_APPROVAL', 'Another award of this RFQ is already waiting for approval');
          const pending = await this.awards.insertAward({ ...base, status: 'pending_approval', decisionNote: input.note ?? null });
          await this.notifications.notify({
            companyId: actor.companyId,
            app: 'buyer',
            type: 'award.approval-requested',
            title: `Award needs approval: ${rfq.title}`,
            body: `Total ${formatMoney(total, rfq.currency)} exceeds your company's approval threshold.`,
            data: { rfqId, awardId: pending.id },
          });
          return this.toDto(pending, []);
        }
        const pending = await this.awards.pendingFor(rfqId);
        if (pending) {
          pending.status = 'rejected';
          pending.decidedBy = actor.userId;
          pending.decidedAt = this.clock.now();
          pending.decisionNote = 'Superseded by a direct award';
          await this.awards.saveAward(pending);
        }
        const award = await this.awards.insertAward({ ...base, status: 'completed', decidedBy: actor.userId, decidedAt: this.clock.now(), decisionNote: input.note ?? null });
        return this.complete(rfq, award);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('RFQ_ALREADY_AWARDED', 'This RFQ was already awarded');
      throw error;
    }
  }

  /** An approver confirms a pending award; it is re-checked (quotes may have expired or been withdrawn meanwhile). */
  async approve(actor: CompanyActor, rfqId: string, awardId: string): Promise<AwardDto> {
    if (actor.role !== 'approver') throw new ForbiddenError('ROLE_REQUIRED', 'Only an approver can approve an award');
    return this.tx.run(async () => {
      const rfq = await this.lockOwned(actor, rfqId);
      const award = await this.awards.findAward(rfqId, awardId);
      if (!award) throw new NotFoundError('AWARD_NOT_FOUND', 'Award not found');
      if (award.status !== 'pending_approval') throw new ConflictError('AWARD_NOT_PENDING', `This award is ${award.status}`);
      if (award.requestedBy === actor.userId && needsSecondApprover(await this.approvalPolicy(actor.companyId), { amount: award.totalAmount, currency: award.currency })) {
        throw new ForbiddenError('FOUR_EYES_REQUIRED', 'Another approver must approve this award: you asked for it yourself');
      }
      assertRfqAllows(rfq.status, 'award');
      const request: AwardRequest = { lines: award.allocations.map((a) => ({ rfqLineId: a.rfqLineId, quoteId: a.quoteId })) };
      const { allocations, total } = await this.allocate(rfq, request);
      award.allocations = allocations;
      award.totalAmount = total;
      award.status = 'completed';
      award.decidedBy = actor.userId;
      award.decidedAt = this.clock.now();
      await this.awards.saveAward(award);
      return this.complete(rfq, award);
    });
  }

  async reject(actor: CompanyActor, rfqId: string, awardId: string, reason: string): Promise<AwardDto> {
    if (actor.role !== 'approver') throw new ForbiddenError('ROLE_REQUIRED', 'Only an approver can reject an award');
    return this.tx.run(async () => {
      const locked = await this.lockOwned(actor, rfqId);
      const award = await this.awards.findAward(rfqId, awardId);
      if (!award) throw new NotFoundError('AWARD_NOT_FOUND', 'Award not found');
      if (award.status !== 'pending_approval') throw new ConflictError('AWARD_NOT_PENDING', `This award is ${award.status}`);
      award.status = 'rejected';
      award.decidedBy = actor.userId;
      award.decidedAt = this.clock.now();
      award.decisionNote = reason;
      await this.awards.saveAward(award);
      await this.notifications.notify({ companyId: actor.companyId, app: 'buyer', userIds: [award.requestedBy], type: 'award.rejected', title: `Award not approved: ${locked.title}`, body: reason, data: { rfqId, awardId } });
      return this.toDto(award, []);
    });
  }

  /** Awards of the RFQ with the comparison each was chosen from (what the approver sees). */
  async list(actor: CompanyActor, rfqId: string): Promise<AwardDto[]> {
    if (!(await this.rfqs.findOwned(actor.companyId, rfqId))) throw rfqNotFound();
    const awards = await this.awards.listForRfq(rfqId);
    return Promise.all(awards.map(async (a) => this.toDto(a, (await this.awards.intentsOfAward(a.id)).map((i) => i.id), true)));
  }

  /** What waits for the company's approvers: pending awards with the comparison each was chosen from. */
  async pendingApprovals(actor: CompanyActor): Promise<PendingAwardDto[]> {
    const pending = await this.awards.listPendingForCompany(actor.companyId, 100);
    return pending.map(({ award, rfqTitle }) => ({ ...this.toDto(award, [], true), rfqTitle }));
  }

  private async complete(rfq: RfqEntity, award: AwardEntity): Promise<AwardDto> {
    rfq.status = 'awarded';
    rfq.awardedAt = this.clock.now();
    await this.rfqs.save(rfq);
    const lines = new Map((await this.rfqs.linesOf(rfq.id)).map((l) => [l.id, l]));
    const bySupplier = new Map<string, Allocation[]>();
    for (const a of award.allocations) bySupplier.set(a.supplierCompanyId, [...(bySupplier.get(a.supplierCompanyId) ?? []), a]);
    const intentIds: string[] = [];
    for (const [supplierCompanyId, allocations] of bySupplier) {
      const revision = (await this.quotes.revisionsOf(allocations[0].quoteId)).find((r) => r.id === allocations[0].quoteRevisionId)!;
      const intent = await this.awards.insertIntent({
        rfqId: rfq.id,
        awardId: award.id,
        quoteId: allocations[0].quoteId,
        quoteRevisionId: allocations[0].quoteRevisionId,
        buyerCompanyId: rfq.buyerCompanyId,
        supplierCompanyId,
        currency: rfq.currency,
        paymentTerms: revision.paymentTerms,
        incoterm: revision.incoterm,
        deliveryCountry: rfq.deliveryCountry,
        deliveryAddress: rfq.deliveryAddress,
        lines: allocations.map((a) => {
          const l = lines.get(a.rfqLineId)!;
          return { rfqLineId: a.rfqLineId, description: l.description, listingId: l.listingId, quantity: a.quantity, unit: l.unit, unitPrice: a.unitPrice, categoryId: l.categoryId };
        }),
        totalAmount: allocationTotal(allocations),
      });
      intentIds.push(intent.id);
      this.events.publish<PurchaseIntentCreatedEvent>(NegotiationEvents.purchaseIntentCreated, { purchaseIntentId: intent.id });
    }
    const winners = [...bySupplier.keys()];
    const others = new Set([...(await this.rfqs.recipientsOf(rfq.id)).map((r) => r.supplierCompanyId), ...(await this.quotes.listForRfq(rfq.id)).map((q) => q.supplierCompanyId)]);
    const losers = [...others].filter((s) => !bySupplier.has(s));
    this.events.publish<RfqAwardedEvent>(NegotiationEvents.rfqAwarded, { rfqId: rfq.id, buyerCompanyId: rfq.buyerCompanyId, winnerCompanyIds: winners, loserCompanyIds: losers });
    await this.notifications.notify([
      ...winners.map((companyId) => ({ companyId, app: 'supplier' as const, type: 'rfq.awarded', title: `You won: ${rfq.title}`, body: 'The buyer awarded your quote; an order follows.', data: { rfqId: rfq.id }, email: true })),
      ...losers.map((companyId) => ({ companyId, app: 'supplier' as const, type: 'rfq.not-awarded', title: `Not awarded: ${rfq.title}`, body: 'The buyer awarded this RFQ to another supplier. Thank you for your response.', data: { rfqId: rfq.id }, email: true })),
      { companyId: rfq.buyerCompanyId, app: 'buyer' as const, type: 'rfq.award-completed', title: `Awarded: ${rfq.title}`, data: { rfqId: rfq.id, awardId: award.id } },
    ]);
    return this.toDto(award, intentIds);
  }

  private async allocate(rfq: RfqEntity, request: AwardRequest): Promise<{ allocations: Allocation[]; total: number }> {
    const lines = await this.rfqs.linesOf(rfq.id);
    const quotes = await this.quotes.listForRfq(rfq.id);
    const current = await this.quotes.currentRevisions(quotes);
    const allocations = allocateAward(
      lines.map((l) => l.id),
      quotes.map((q) => {
        const r = current.get(q.id)!;
        return { quoteId: q.id, revisionId: r.id, supplierCompanyId: q.supplierCompanyId, status: q.status, validUntil: r.validUntil, lines: r.lines };
      }),
      request,
      this.clock.now(),
    );
    return { allocations, total: allocationTotal(allocations) };
  }

  private async approvalPolicy(companyId: string): Promise<ApprovalPolicy> {
    return (await this.directory.get(companyId)) ?? { approvalThreshold: null, fourEyesApproval: false };
  }

  private async lockOwned(actor: CompanyActor, rfqId: string): Promise<RfqEntity> {
    const rfq = await this.rfqs.findOwnedForUpdate(actor.companyId, rfqId);
    if (!rfq) throw rfqNotFound();
    return this.lifecycle.refresh(rfq);
  }

  private toDto(a: AwardEntity, purchaseIntentIds: string[], withComparison = false): AwardDto {
    return {
      id: a.id,
      rfqId: a.rfqId,
      status: a.status,
      allocations: a.allocations,
      totalAmount: a.totalAmount,
      currency: a.currency,
      requestedBy: a.requestedBy,
      decidedBy: a.decidedBy,
      purchaseIntentIds,
      ...(withComparison ? { comparison: a.comparison } : {}),
      createdAt: a.createdAt.toISOString(),
    };
  }
}

function toRequest(input: AwardRfqDto): AwardRequest {
  if (input.quoteId && input.lines?.length) throw ValidationError.field('quoteId', 'give either quoteId or lines, not both');
  if (input.quoteId) return { quoteId: input.quoteId };
  if (input.lines?.length) return { lines: input.lines };
  throw ValidationError.field('quoteId', 'give quoteId (award everything) or lines (split across quotes)');
}
