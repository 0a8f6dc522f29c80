import { Inject, Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { Clock, CompanyActor, ConflictError, ForbiddenError, formatMoney, isUniqueViolation, KONTOR_CONFIG, KontorConfig, NotFoundError, OperatorActor, Page, TransactionRunner, toPage, ValidationError } from '@kontor/platform';
import { NegotiationEvents, QuotesService, RfqAwardedEvent, RfqDirectory } from '@kontor/negotiation';
import { Notifications, NOTIFICATIONS_CREATED, NotificationsCreatedEvent } from '@kontor/notifications';
import { ChatFanout, PROCESS_ORIGIN, ThreadFacts, toStored } from './chat-fanout';
import { maskContacts } from './domain/contact-masking';
import { MessageView, Side, viewMessage } from './domain/message-view';
import { Offer, parseOffer } from './domain/offer';
import { MAX_MESSAGE_LENGTH, OpenThreadDto, OperatorThreadQuery, ThreadDto, ThreadListQuery } from './dto/chat.dto';
import { MessageEntity } from './entities/message.entity';
import { ThreadEntity } from './entities/thread.entity';
import { MessageAppendQueue } from './message-append-queue';
import { MessagesRepository } from './messages.repository';
import { LISTING_DIRECTORY, ListingDirectory } from './ports/listing-directory.port';
import { ThreadsRepository } from './threads.repository';

/** A new-message notification is sent when a thread was quiet this long (not for every message). */
const QUIET_MS = 5 * 60_000;

export interface SendInput {
  body: unknown;
  clientId?: unknown;
  offer?: unknown;
}

function threadNotFound(): NotFoundError {
  return new NotFoundError('THREAD_NOT_FOUND', 'Thread not found');
}

export function sideOf(actor: CompanyActor): Side {
  return actor.app;
}

export function threadFacts(t: ThreadEntity): ThreadFacts {
  return { id: t.id, buyerCompanyId: t.buyerCompanyId, supplierCompanyId: t.supplierCompanyId, revealed: t.contactsRevealedAt !== null };
}

/** Negotiation threads between a buyer and a supplier: messages, offers, read state, reports, moderation. */
@Injectable()
export class ChatService {
  private readonly membership = new Map<string, Promise<ThreadEntity | null>>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly threads: ThreadsRepository,
    private readonly messages: MessagesRepository,
    private readonly appendQueue: MessageAppendQueue,
    private readonly fanout: ChatFanout,
    private readonly rfqs: RfqDirectory,
    private readonly quotes: QuotesService,
    private readonly notifications: Notifications,
    private readonly clock: Clock,
    @Inject(LISTING_DIRECTORY) private readonly listings: ListingDirectory,
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
  ) {}

  /** Opens (or returns) the thread of an RFQ with one supplier, or the buyer's "ask the supplier" thread of a listing. */
  async open(actor: CompanyActor, input: OpenThreadDto): Promise<ThreadDto> {
    if (input.rfqId && input.listingId) throw ValidationError.field('listingId', 'give either rfqId or listingId');
    if (input.rfqId) {
      const supplierCompanyId = actor.app === 'supplier' ? actor.companyId : input.supplierCompanyId;
      if (!supplierCompanyId) throw ValidationError.field('supplierCompanyId', 'is required to open an RFQ thread from the buyer app');
      const p = await this.rfqs.participants(input.rfqId, supplierCompanyId);
      const mine = p && p.supplierIsRecipient && (actor.app === 'buyer' ? p.buyerCompanyId === actor.companyId : true);
      if (!p || !mine) throw new NotFoundError('RFQ_NOT_FOUND', 'RFQ not found');
      const thread = await this.threads.insertOrGet({
        rfqId: p.rfqId,
        buyerCompanyId: p.buyerCompanyId,
        supplierCompanyId,
        subject: p.title,
        createdBy: actor.userId,
        contactsRevealedAt: p.awardedToSupplier ? this.clock.now() : null,
      });
      return this.toDto(actor, thread);
    }
    if (input.listingId) {
      if (actor.app !== 'buyer') throw new ForbiddenError('BUYER_ONLY', 'Only buyers open a thread from a listing');
      const listing = await this.listings.find(input.listingId);
      if (!listing || listing.supplierCompanyId === actor.companyId) throw new NotFoundError('LISTING_NOT_FOUND', 'Listing not found');
      const thread = await this.threads.insertOrGet({
        listingId: input.listingId,
        buyerCompanyId: actor.companyId,
        supplierCompanyId: listing.supplierCompanyId,
        subject: listing.title,
        createdBy: actor.userId,
      });
      return this.toDto(actor, thread);
    }
    throw ValidationError.field('rfqId', 'give rfqId or listingId');
  }

  async list(actor: CompanyActor, query: ThreadListQuery): Promise<Page<ThreadDto>> {
    const [rows, total] = await this.threads.listForCompany(actor.app, actor.companyId, query);
    return toPage(await Promise.all(rows.map((t) => this.toDto(actor, t))), total, query);
  }

  async get(actor: CompanyActor, threadId: string): Promise<ThreadDto> {
    return this.toDto(actor, await this.threadFor(actor, threadId));
  }

  /** The thread if the actor's company is its buyer (buyer app) or supplier (supplier app); else 404. */
  async threadFor(actor: CompanyActor, threadId: unknown): Promise<ThreadEntity> {
    if (typeof threadId !== 'string' || !/^[0-9a-f-]{36}$/i.test(threadId)) throw threadNotFound();
    const thread = await this.threads.findById(threadId);
    if (!thread) throw threadNotFound();
    const member = actor.app === 'buyer' ? thread.buyerCompanyId === actor.companyId : thread.supplierCompanyId === actor.companyId;
    if (!member) throw threadNotFound();
    return thread;
  }

  /**
   * Membership check for the hot path: which companies take part in a thread never changes, so the
   * lookup is cached per process. The pending lookup itself is cached, so the first messages of a
   * socket that arrive together all wait for the same query and reach the append queue in the order
   * they were sent.
   */
  private async memberThread(actor: CompanyActor, threadId: unknown): Promise<ThreadEntity> {
    if (typeof threadId !== 'string' || !/^[0-9a-f-]{36}$/i.test(threadId)) throw threadNotFound();
    let lookup = this.membership.get(threadId);
    if (!lookup) {
      if (this.membership.size > 50_000) this.membership.clear();
      lookup = this.threads.findById(threadId);
      this.membership.set(threadId, lookup);
      lookup.then(
        (t) => t ?? this.membership.delete(threadId),
        () => this.membership.delete(threadId),
      );
    }
    const thread = await lookup;
    const member = thread !== null && (actor.app === 'buyer' ? thread.buyerCompanyId === actor.companyId : thread.supplierCompanyId === actor.companyId);
    if (!member) throw threadNotFound();
    return thread;
  }

  /** Messages after a sequence number, as this actor sees them. */
  async messagesAfter(actor: CompanyActor, threadId: string, afterSeq: number, limit = 100): Promise<MessageView[]> {
    const thread = await this.threadFor(actor, threadId);
    return this.messagesSince(thread, sideOf(actor), afterSeq, limit);
  }

  /** Messages after a sequence number of a thread whose membership the caller already checked (a socket's joined thread). */
  async messagesSince(thread: ThreadEntity | ThreadFacts, viewer: Side, afterSeq: number, limit: number): Promise<MessageView[]> {
    return (await this.messages.after(thread.id, afterSeq, limit)).map((m) => this.view(m, thread, viewer));
  }

  /**
   * Persists a message (and optional counter-offer) under the thread's row lock, which hands out
   * the next sequence number; the message is fanned out only after commit. A retried send with the
   * same clientId returns the stored message instead of a second one.
   */
  async send(actor: CompanyActor, threadId: unknown, input: SendInput): Promise<MessageView> {
    if (typeof input !== 'object' || input === null) throw ValidationError.field('body', 'is required');
    if (typeof input.body !== 'string' || input.body.trim().length === 0) throw ValidationError.field('body', 'must be a non-empty string');
    if (input.body.length > MAX_MESSAGE_LENGTH) throw ValidationError.field('body', `must be at most ${MAX_MESSAGE_LENGTH} characters`, 'MESSAGE_TOO_LONG');
    // PostgreSQL text cannot hold NUL: refused here as bad input rather than by the database.
    if (input.body.includes('\u0000')) throw ValidationError.field('body', 'must not contain NUL characters');
    if (input.clientId !== undefined && (typeof input.clientId !== 'string' || input.clientId.length < 1 || input.clientId.length > 100)) throw ValidationError.field('clientId', 'must be a string of 1 to 100 characters');
    const offer = input.offer === undefined || input.offer === null ? null : parseOffer(input.offer);
    const body = input.body;
    const clientId = (input.clientId as string | undefined) ?? null;
    // Plain text outside any caller's transaction: one statement (the hot path).
    if (!offer && !this.tx.inTransaction) {
      const member = await this.memberThread(actor, threadId);
      const now = this.clock.now();
      const mask = maskContacts(body);
      // Group commit: written together with whatever else arrived meanwhile, settled once committed.
      const appended = await this.appendQueue.append({ threadId: member.id, senderUserId: actor.userId, senderSide: sideOf(actor), body, maskedBody: mask.found ? mask.masked : null, clientId }, now);
      if (appended) {
        const thread = Object.assign(Object.create(Object.getPrototypeOf(member)) as ThreadEntity, member, { contactsRevealedAt: appended.revealedAt, lastSeq: appended.message.seq });
        this.fanout.publish({ type: 'message', thread: threadFacts(thread), message: toStored(appended.message) });
        if (!appended.previousAt || now.getTime() - new Date(appended.previousAt).getTime() >= QUIET_MS) {
          await this.tx.run(() => this.afterMessageNotify(actor, thread, appended.message));
        }
        return this.view(appended.message, thread, sideOf(actor));
      }
      // a retried client id (or a vanished thread): the general path below answers it
    }
    try {
      return await this.tx.run(async () => {
        const member = await this.memberThread(actor, threadId);
        if (clientId) {
          const existing = await this.messages.findByClientId(member.id, actor.userId, clientId);
          if (existing) return this.view(existing, member, sideOf(actor));
        }
        if (offer) await this.checkOffer(member, offer);
        const now = this.clock.now();
        const taken = await this.threads.takeNextSeq(member.id, now);
        if (!taken) throw threadNotFound();
        const { thread, previousAt } = taken;
        const mask = maskContacts(body);
        const message = await this.messages.insertFast({
          threadId: thread.id,
          seq: thread.lastSeq,
          senderUserId: actor.userId,
          senderSide: sideOf(actor),
          kind: offer ? 'offer' : 'text',
          body,
          maskedBody: mask.found ? mask.masked : null,
          clientId,
          offer,
          offerStatus: offer ? 'open' : null,
          origin: PROCESS_ORIGIN,
        });
        await this.afterMessage(actor, thread, message, now, offer !== null, false, previousAt);
        return this.view(message, thread, sideOf(actor));
      });
    } catch (error) {
      if (clientId && isUniqueViolation(error, 'uq_chat_messages_client')) {
        const thread = await this.threadFor(actor, threadId);
        return this.view((await this.messages.findByClientId(thread.id, actor.userId, clientId))!, thread, sideOf(actor));
      }
      throw error;
    }
  }

  /** The other side accepts an open offer: a new quote revision with its terms, and a message saying so. */
  async acceptOffer(actor: CompanyActor, threadId: unknown, messageId: unknown): Promise<MessageView> {
    return this.tx.run(async () => {
      const thread = await this.threadFor(actor, threadId);
      if (typeof messageId !== 'string' || !/^[0-9a-f-]{36}$/i.test(messageId)) throw new NotFoundError('OFFER_NOT_FOUND', 'Offer not found');
      const offerMessage = await this.messages.findForUpdate(thread.id, messageId);
      if (!offerMessage || offerMessage.kind !== 'offer' || !offerMessage.offer || offerMessage.hiddenAt) throw new NotFoundError('OFFER_NOT_FOUND', 'Offer not found');
      if (offerMessage.offerStatus !== 'open') throw new ConflictError('OFFER_NOT_OPEN', `This offer was ${offerMessage.offerStatus}`);
      if (offerMessage.senderSide === sideOf(actor)) throw new ForbiddenError('OWN_OFFER', 'The other party accepts an offer, not the one who made it');
      const revision = await this.quotes.reviseFromOffer({ userId: actor.userId }, thread.rfqId!, thread.supplierCompanyId, offerMessage.offer);
      offerMessage.offerStatus = 'accepted';
      offerMessage.offerRevision = revision.revision;
      await this.messages.save(offerMessage);
      const now = this.clock.now();
      const seq = await this.threads.nextSeq(thread.id, now);
      const accepted = await this.messages.insert({
        threadId: thread.id,
        seq,
        senderUserId: actor.userId,
        senderSide: sideOf(actor),
        kind: 'offer_accepted',
        body: `Offer accepted: quote revision ${revision.revision} (total ${formatMoney(revision.totalAmount, revision.currency)})`,
        offer: offerMessage.offer,
        offerRevision: revision.revision,
        origin: PROCESS_ORIGIN,
      });
      const facts = threadFacts(thread);
      this.tx.afterCommit(() => this.fanout.publish({ type: 'offer', thread: facts, messageId: offerMessage.id, offerStatus: 'accepted', offerRevision: revision.revision }));
      const other = this.otherSide(actor, thread);
      await this.notifications.notify({ ...other, type: 'offer.accepted', title: `Offer accepted: ${thread.subject}`, body: `The quote now stands at revision ${revision.revision}.`, data: { threadId: thread.id, rfqId: thread.rfqId, revision: revision.revision } });
      await this.afterMessage(actor, thread, accepted, now, false, true);
      return this.view(accepted, thread, sideOf(actor));
    });
  }

  /** The offer history of a thread, oldest first: offers with their status and the acceptances. */
  async offers(actor: CompanyActor, threadId: string): Promise<MessageView[]> {
    const thread = await this.threadFor(actor, threadId);
    return (await this.messages.offers(thread.id)).map((m) => this.view(m, thread, sideOf(actor)));
  }

  async markRead(actor: CompanyActor, threadId: unknown, seq: unknown): Promise<{ threadId: string; readSeq: number }> {
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) throw ValidationError.field('seq', 'must be a non-negative integer');
    const thread = await this.threadFor(actor, threadId);
    const readSeq = await this.messages.markRead(thread.id, actor.userId, Math.min(seq, thread.lastSeq));
    this.fanout.publish({ type: 'read', thread: threadFacts(thread), userId: actor.userId, side: sideOf(actor), seq: readSeq });
    return { threadId: thread.id, readSeq };
  }

  async typing(actor: CompanyActor, threadId: unknown, typing: unknown): Promise<void> {
    const thread = await this.threadFor(actor, threadId);
    this.fanout.publish({ type: 'typing', thread: threadFacts(thread), userId: actor.userId, side: sideOf(actor), typing: typing !== false });
  }

  async report(actor: CompanyActor, threadId: string, messageId: string, reason: string): Promise<{ reported: true }> {
    const thread = await this.threadFor(actor, threadId);
    const message = await this.messages.findInThread(thread.id, messageId);
    if (!message) throw new NotFoundError('MESSAGE_NOT_FOUND', 'Message not found');
    await this.messages.insertReport({ messageId, threadId: thread.id, reporterUserId: actor.userId, reporterCompanyId: actor.companyId, reason });
    return { reported: true };
  }

  // --- operators ---

  async listForOperator(query: OperatorThreadQuery): Promise<Page<ThreadDto>> {
    const [rows, total] = await this.threads.listAll(query);
    return toPage(rows.map((t) => this.baseDto(t, 0)), total, query);
  }

  /** The whole thread unmasked, with flags and reports, for an operator handling a report. */
  async readForOperator(threadId: string) {
    const thread = await this.threads.findById(threadId);
    if (!thread) throw threadNotFound();
    const messages = await this.messages.after(thread.id, 0, 10_000);
    const reports = await this.messages.reportsOfThread(thread.id);
    return {
      thread: this.baseDto(thread, 0),
      messages: messages.map((m) => ({ ...this.view(m, thread, 'operator'), containsContacts: m.maskedBody !== null, hiddenReason: m.hiddenReason })),
      reports: reports.map((r) => ({ id: r.id, messageId: r.messageId, reporterCompanyId: r.reporterCompanyId, reason: r.reason, resolved: r.resolvedAt !== null, createdAt: r.createdAt.toISOString() })),
    };
  }

  async hideMessage(operator: OperatorActor, threadId: string, messageId: string, reason: string): Promise<MessageView> {
    return this.tx.run(async () => {
      const thread = await this.threads.findById(threadId);
      const message = thread ? await this.messages.findForUpdate(thread.id, messageId) : null;
      if (!thread || !message) throw new NotFoundError('MESSAGE_NOT_FOUND', 'Message not found');
      if (message.hiddenAt) throw new ConflictError('MESSAGE_ALREADY_HIDDEN', 'This message is already hidden');
      message.hiddenAt = this.clock.now();
      message.hiddenReason = reason;
      message.hiddenBy = operator.userId;
      if (message.offerStatus === 'open') message.offerStatus = 'superseded';
      await this.messages.save(message);
      await this.messages.resolveReports(message.id, this.clock.now());
      this.tx.afterCommit(() => this.fanout.publish({ type: 'hidden', thread: threadFacts(thread), messageId: message.id, seq: message.seq }));
      return this.view(message, thread, 'operator');
    });
  }

  // --- reactions to other contexts ---

  /** After an award the winners' contact details show in their threads. */
  @OnEvent(NegotiationEvents.rfqAwarded)
  async onAwarded(event: RfqAwardedEvent): Promise<void> {
    const ids = await this.threads.revealContacts(event.rfqId, event.winnerCompanyIds, this.clock.now());
    for (const id of ids) {
      const t = await this.threads.findById(id);
      if (t) this.fanout.publish({ type: 'revealed', thread: threadFacts(t) });
    }
  }

  /** Pushes new notifications live to the addressed users' sockets. */
  @OnEvent(NOTIFICATIONS_CREATED)
  onNotifications(event: NotificationsCreatedEvent): void {
    for (const n of event.notifications) this.fanout.publish({ type: 'notification', companyId: n.companyId, app: n.app, userId: n.userId, notification: n });
  }

  view(m: MessageEntity, thread: ThreadEntity | ThreadFacts, viewer: Side | 'operator'): MessageView {
    const revealed = 'revealed' in thread ? thread.revealed : thread.contactsRevealedAt !== null;
    return viewMessage(toStored(m), viewer, { maskContacts: this.config.chatMaskContacts, revealed });
  }

  private async afterMessage(actor: CompanyActor, thread: ThreadEntity, message: MessageEntity, now: Date, isOffer: boolean, skipNotify = false, previousAt?: Date | null): Promise<void> {
    const facts = threadFacts(thread);
    const stored = toStored(message);
    this.tx.afterCommit(() => this.fanout.publish({ type: 'message', thread: facts, message: stored }));
    if (isOffer) {
      // Earlier open offers are superseded by this counter-offer.
      await this.tx.manager.query("UPDATE chat_messages SET offer_status = 'superseded' WHERE thread_id = $1 AND offer_status = 'open' AND id <> $2", [thread.id, message.id]);
    }
    if (skipNotify) return;
    const previous = previousAt !== undefined ? previousAt : ((await this.messages.latestBefore(thread.id, message.seq))?.createdAt ?? null);
    if (!isOffer && previous && now.getTime() - new Date(previous).getTime() < QUIET_MS) return;
    const other = this.otherSide(actor, thread);
    await this.notifications.notify({
      ...other,
      type: isOffer ? 'offer.received' : 'message.new',
      title: `${isOffer ? 'New offer' : 'New message'}: ${thread.subject}`,
      body: viewMessage(stored, other.app, { maskContacts: this.config.chatMaskContacts, revealed: facts.revealed }).body.slice(0, 200),
      data: { threadId: thread.id, rfqId: thread.rfqId, seq: message.seq },
    });
  }

  private async afterMessageNotify(actor: CompanyActor, thread: ThreadEntity, message: MessageEntity): Promise<void> {
    const other = this.otherSide(actor, thread);
    await this.notifications.notify({
      ...other,
      type: 'message.new',
      title: `New message: ${thread.subject}`,
      body: viewMessage(toStored(message), other.app, { maskContacts: this.config.chatMaskContacts, revealed: thread.contactsRevealedAt !== null }).body.slice(0, 200),
      data: { threadId: thread.id, rfqId: thread.rfqId, seq: message.seq },
    });
  }

  private otherSide(actor: CompanyActor, thread: ThreadEntity): { companyId: string; app: 'buyer' | 'supplier' } {
    return actor.app === 'buyer' ? { companyId: thread.supplierCompanyId, app: 'supplier' } : { companyId: thread.buyerCompanyId, app: 'buyer' };
  }

  private async checkOffer(thread: ThreadEntity, offer: Offer): Promise<void> {
    if (!thread.rfqId) throw new ConflictError('OFFER_NEEDS_RFQ', 'Offers are made in RFQ threads');
    const p = await this.rfqs.participants(thread.rfqId, thread.supplierCompanyId);
    if (!p?.quoteId) throw new ConflictError('NO_QUOTE', 'The supplier has not quoted this RFQ yet; an offer needs a quote to revise');
    if (p.status !== 'open' && p.status !== 'closed') throw new ConflictError('RFQ_NOT_REVISEABLE', `This RFQ is ${p.status}; offers are no longer possible`);
    void offer;
  }

  private async toDto(actor: CompanyActor, t: ThreadEntity): Promise<ThreadDto> {
    const markers = await this.messages.readMarkers(t.id);
    return this.baseDto(t, markers.find((m) => m.userId === actor.userId)?.lastReadSeq ?? 0);
  }

  private baseDto(t: ThreadEntity, readSeq: number): ThreadDto {
    return {
      id: t.id,
      rfqId: t.rfqId,
      listingId: t.listingId,
      subject: t.subject,
      buyerCompanyId: t.buyerCompanyId,
      supplierCompanyId: t.supplierCompanyId,
      lastSeq: t.lastSeq,
      readSeq,
      contactsRevealed: t.contactsRevealedAt !== null,
      createdAt: t.createdAt.toISOString(),
      lastMessageAt: t.lastMessageAt?.toISOString() ?? null,
    };
  }
}
