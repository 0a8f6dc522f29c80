import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import { KONTOR_CONFIG, KontorConfig, TransactionRunner } from '@kontor/platform';
import { StoredMessage } from './domain/message-view';
import { MessageEntity } from './entities/message.entity';
import { MessagesRepository } from './messages.repository';
import { ThreadsRepository } from './threads.repository';

/** The facts about a thread a gateway needs to deliver an event to the right sockets. */
export interface ThreadFacts {
  id: string;
  buyerCompanyId: string;
  supplierCompanyId: string;
  revealed: boolean;
}

export type FanoutEvent =
  | { type: 'message'; thread: ThreadFacts; message: StoredMessage }
  | { type: 'offer'; thread: ThreadFacts; messageId: string; offerStatus: string; offerRevision: number | null }
  | { type: 'read'; thread: ThreadFacts; userId: string; side: string; seq: number }
  | { type: 'typing'; thread: ThreadFacts; userId: string; side: string; typing: boolean }
  | { type: 'revealed'; thread: ThreadFacts }
  | { type: 'hidden'; thread: ThreadFacts; messageId: string; seq: number }
  | { type: 'notification'; companyId: string; app: 'buyer' | 'supplier'; userId: string | null; notification: object };

/** This process; rows it wrote itself were already delivered in-process and are skipped by its poller. */
export const PROCESS_ORIGIN = randomUUID();
/** All app instances of this process (npm start runs buyer, supplier and admin in one process). */
const processBus = new EventEmitter().setMaxListeners(0);
const REDIS_EVENT = 'kontor:chat-fanout';
/** Plain Redis channel for instances without a socket server (the admin app): gateways subscribe to it. */
const REDIS_CHANNEL = 'kontor:chat-fanout:published';
const GAP_PATIENCE_MS = 2000;

export function toStored(m: MessageEntity): StoredMessage {
  return {
    id: m.id,
    threadId: m.threadId,
    seq: m.seq,
    senderUserId: m.senderUserId,
    senderSide: m.senderSide,
    kind: m.kind,
    body: m.body,
    maskedBody: m.maskedBody,
    offer: m.offer,
    offerStatus: m.offerStatus,
    offerRevision: m.offerRevision,
    hidden: m.hiddenAt !== null,
    createdAt: m.createdAt.toISOString(),
  };
}

/**
 * Delivers chat events to every gateway that has interested sockets, in any process.
 *
 * - With REDIS_URL: socket.io's Redis adapter; an event is delivered to this instance's sockets
 *   directly and to every other instance (buyer and supplier apps, any number of processes)
 *   with `serverSideEmit`.
 * - Without Redis (embedded PGlite has no LISTEN/NOTIFY): instances of the same process share an
 *   in-process bus; other processes are reached by polling the messages table by its global
 *   `gid` cursor (and the small `chat_signals` table for typing/read/offer/notification events)
 *   every CHAT_POLL_INTERVAL_MS. Rows a process wrote itself are skipped by its own poller.
 *
 * Either way a socket receives each message once and in order: the gateway keeps the last
 * sequence it delivered per socket and thread, drops duplicates and backfills gaps from the database.
 */
@Injectable()
export class ChatFanout implements OnModuleDestroy {
  private readonly logger = new Logger('ChatFanout');
  private io: Server | null = null;
  private sink: ((event: FanoutEvent) => void) | null = null;
  private busListener: ((event: FanoutEvent) => void) | null = null;
  private redisClients: Array<{ quit(): Promise<unknown> }> = [];
  private timer: NodeJS.Timeout | null = null;
  /** The poll in progress (one at a time; shutdown waits for it before the database closes). */
  private polling: Promise<void> | null = null;
  private messageCursor = -1;
  private signalCursor = -1;
  private readonly seenGids = new Set<number>();
  private readonly gapSince = new Map<number, number>();
  private readonly threadCache = new Map<string, ThreadFacts>();
  private lastPrune = 0;

  constructor(
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
    private readonly tx: TransactionRunner,
    private readonly messages: MessagesRepository,
    private readonly threads: ThreadsRepository,
  ) {}

  get mode(): 'redis' | 'embedded' {
    return this.config.redisUrl ? 'redis' : 'embedded';
  }

  /** Called by a gateway once its socket.io server exists: wires cross-instance delivery into `sink`. */
  async attach(io: Server, sink: (event: FanoutEvent) => void): Promise<void> {
    this.io = io;
    this.sink = sink;
    if (this.config.redisUrl) {
      const pub = createClient({ url: this.config.redisUrl });
      const sub = pub.duplicate();
      pub.on('error', (e) => this.logger.error(`redis: ${e}`));
      sub.on('error', (e) => this.logger.error(`redis: ${e}`));
      await Promise.all([pub.connect(), sub.connect()]);
      this.redisClients = [pub, sub];
      io.adapter(createAdapter(pub, sub));
      io.on(REDIS_EVENT, (event: FanoutEvent) => this.deliverLocal(event));
      await sub.subscribe(REDIS_CHANNEL, (raw) => this.deliverLocal(JSON.parse(raw) as FanoutEvent));
      return;
    }
    this.busListener = (event) => this.deliverLocal(event);
    processBus.on('event', this.busListener);
    this.messageCursor = await this.messages.maxGid();
    this.signalCursor = await this.maxSignalId();
    this.timer = setInterval(() => void this.poll(), this.config.chatPollIntervalMs);
    this.timer.unref();
  }

  /** Publishes an event to all interested sockets everywhere; call after the data is committed. */
  publish(event: FanoutEvent): void {
    if (this.config.redisUrl) {
      if (this.io) {
        this.deliverLocal(event);
        this.io.serverSideEmit(REDIS_EVENT, event);
      } else {
        // An app without sockets (admin: an operator hides a message) still reaches every gateway.
        void this.publisher()
          .then((client) => client.publish(REDIS_CHANNEL, JSON.stringify(event)))
          .catch((e) => this.logger.warn(`event not published: ${e}`));
      }
      return;
    }
    processBus.emit('event', event);
    // Messages reach other processes through their own table; everything else through chat_signals.
    if (event.type !== 'message') {
      this.tx.manager.query('INSERT INTO chat_signals (origin, payload) VALUES ($1, $2)', [PROCESS_ORIGIN, JSON.stringify(event)]).catch((e) => this.logger.warn(`signal not stored: ${e}`));
    }
  }

  private redisPublisher: Promise<{ publish(channel: string, message: string): Promise<unknown> }> | null = null;

  private publisher(): Promise<{ publish(channel: string, message: string): Promise<unknown> }> {
    this.redisPublisher ??= (async () => {
      const client = createClient({ url: this.config.redisUrl! });
      client.on('error', (e) => this.logger.error(`redis: ${e}`));
      await client.connect();
      this.redisClients.push(client);
      return client;
    })();
    return this.redisPublisher;
  }

  private deliverLocal(event: FanoutEvent): void {
    if (event.type === 'revealed' || event.type === 'message') this.threadCache.set(event.thread.id, event.thread);
    try {
      this.sink?.(event);
    } catch (error) {
      this.logger.error(`delivery failed: ${(error as Error).stack ?? error}`);
    }
  }

  private poll(): Promise<void> {
    this.polling ??= this.pollOnce().finally(() => (this.polling = null));
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    try {
      await this.pollMessages();
      await this.pollSignals();
      if (Date.now() - this.lastPrune > 60_000) {
        this.lastPrune = Date.now();
        // Signals are ephemeral (typing, read receipts, pushes): a minute is plenty for every poller.
        await this.tx.manager.query("DELETE FROM chat_signals WHERE created_at < now() - interval '5 minutes'");
      }
    } catch (error) {
      this.logger.warn(`poll failed: ${error}`);
    }
  }

  private async pollMessages(): Promise<void> {
    const rows = await this.messages.sinceGid(this.messageCursor, 1000, PROCESS_ORIGIN);
    const now = Date.now();
    for (const { gid, message: m } of rows) {
      if (this.seenGids.has(gid)) continue;
      this.seenGids.add(gid);
      if (!m) continue; // this process's own: delivered in-process already
      const thread = await this.threadFacts(m.threadId);
      if (thread) this.deliverLocal({ type: 'message', thread, message: toStored(m) });
    }
    // Sequence values are taken at insert but become visible at commit, so a lower gid can appear
    // after a higher one: the cursor only passes a missing gid once it has been missing a while.
    const top = rows.length ? rows[rows.length - 1].gid : this.messageCursor;
    let cursor = this.messageCursor;
    while (cursor < top) {
      const next = cursor + 1;
      if (this.seenGids.has(next)) {
        this.seenGids.delete(next);
        this.gapSince.delete(next);
        cursor = next;
        continue;
      }
      const since = this.gapSince.get(next) ?? now;
      this.gapSince.set(next, since);
      if (now - since < GAP_PATIENCE_MS) break;
      this.gapSince.delete(next);
      cursor = next;
    }
    this.messageCursor = cursor;
  }

  private async pollSignals(): Promise<void> {
    const rows: Array<{ id: string; origin: string; payload: FanoutEvent }> = await this.tx.manager.query(`SELECT id, origin, payload FROM chat_signals WHERE id > ${Math.trunc(this.signalCursor)} ORDER BY id LIMIT 1000`);
    for (const row of rows) {
      this.signalCursor = Number(row.id);
      if (row.origin !== PROCESS_ORIGIN) this.deliverLocal(row.payload);
    }
  }

  private async maxSignalId(): Promise<number> {
    const [row]: Array<{ max: string | null }> = await this.tx.manager.query('SELECT max(id) AS max FROM chat_signals');
    return Number(row.max ?? 0);
  }

  private async threadFacts(id: string): Promise<ThreadFacts | null> {
    const cached = this.threadCache.get(id);
    if (cached) return cached;
    const t = await this.threads.findById(id);
    if (!t) return null;
    const facts = { id: t.id, buyerCompanyId: t.buyerCompanyId, supplierCompanyId: t.supplierCompanyId, revealed: t.contactsRevealedAt !== null };
    if (this.threadCache.size > 10_000) this.threadCache.clear();
    this.threadCache.set(id, facts);
    return facts;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.polling;
    if (this.busListener) processBus.off('event', this.busListener);
    for (const c of this.redisClients) await c.quit().catch(() => undefined);
  }
}
