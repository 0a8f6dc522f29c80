import { Inject, Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { AuthGuard, CompanyActor, KONTOR_CONFIG, KontorConfig, TooManyRequestsError, toErrorBody, UnauthenticatedError, ValidationError } from '@kontor/platform';
import { ChatFanout, FanoutEvent, ThreadFacts } from '../chat-fanout';
import { ChatService, threadFacts } from '../chat.service';
import { viewMessage } from '../domain/message-view';

interface ThreadState {
  /** Highest sequence number delivered to this socket: later duplicates are dropped, gaps backfilled. */
  delivered: number;
  /** Deliveries and catch-ups run one after another on this chain; `queued` of them have not finished. */
  chain: Promise<void>;
  queued: number;
  /** The thread as last seen (at join, then from each event): its membership was checked at join. */
  facts: ThreadFacts;
}

interface SocketData {
  actor: CompanyActor;
  threads: Map<string, ThreadState>;
}

type ChatSocket = Socket & { data: SocketData };

const BACKFILL_PAGE = 500;

/** socket.io options both apps' gateways use: JWT in the handshake, small frames. */
export const CHAT_GATEWAY_OPTIONS = { cors: { origin: true }, maxHttpBufferSize: 64 * 1024, pingInterval: 20_000, pingTimeout: 20_000 };

/**
 * The negotiation chat over socket.io, shared by the buyer and supplier apps (each app has a thin
 * subclass). Clients connect with `auth: { token }` (the app's access token), `thread:join` a
 * thread with the last sequence they saw, `message:send` (acknowledged with `{ seq, id }` once
 * stored), `thread:read`, `typing` and `offer:accept`. Every failure becomes an `error` event with
 * the platform's error body (and an `{ error }` acknowledgement); nothing a client sends can crash it.
 */
export abstract class ChatGatewayBase implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  protected readonly logger = new Logger('ChatGateway');
  protected server!: Server;
  private readonly joined = new Map<string, Set<ChatSocket>>();
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    protected readonly chat: ChatService,
    protected readonly fanout: ChatFanout,
    protected readonly auth: AuthGuard,
    @Inject(KONTOR_CONFIG) protected readonly config: KontorConfig,
  ) {}

  async afterInit(server: Server): Promise<void> {
    this.server = server;
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      this.auth
        .authenticate(typeof token === 'string' ? `Bearer ${token}` : undefined)
        .then((actor) => {
          if (actor.kind !== 'user') throw new UnauthenticatedError('INVALID_TOKEN', 'A company user token is required');
          (socket as ChatSocket).data = { actor, threads: new Map() };
          next();
        })
        .catch((error) => {
          const err = new Error(toErrorBody(error).message) as Error & { data: unknown };
          err.data = toErrorBody(error);
          next(err);
        });
    });
    await this.fanout.attach(server, (event) => this.deliver(event));
  }

  /**
   * Every packet must carry an object payload; anything else is answered here, before any handler
   * runs. The events are then dispatched straight from the socket: authentication happened once at
   * the handshake and each handler validates its own payload, so Nest's per-event pipeline (guards,
   * interceptors, observables) would only add cost to every message.
   */
  handleConnection(socket: ChatSocket): void {
    socket.use((packet, next) => {
      const [, payload] = packet;
      if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) return next();
      const body = toErrorBody(ValidationError.field('payload', 'must be an object'));
      socket.emit('error', body);
      const ack = packet[packet.length - 1];
      if (typeof ack === 'function') ack({ error: body });
    });
    const handlers: Record<string, (socket: ChatSocket, payload: unknown) => Promise<unknown>> = {
      'thread:join': (s, p) => this.join(s, p),
      'thread:leave': (s, p) => this.leave(s, p),
      'message:send': (s, p) => this.send(s, p),
      'thread:read': (s, p) => this.read(s, p),
      typing: (s, p) => this.typing(s, p),
      'offer:accept': (s, p) => this.acceptOffer(s, p),
    };
    for (const [event, handler] of Object.entries(handlers)) {
      socket.on(event, (...args: unknown[]) => {
        // As socket.io passes them: the payload first, the acknowledgement callback (if any) last.
        const ack = args[args.length - 1];
        void this.safely(socket, () => handler(socket, args[0])).then((result) => {
          if (typeof ack === 'function') ack(result);
        });
      });
    }
  }

  handleDisconnect(socket: ChatSocket): void {
    for (const threadId of socket.data?.threads?.keys() ?? []) this.joined.get(threadId)?.delete(socket);
  }

  protected async join(socket: ChatSocket, payload: unknown): Promise<unknown> {
    const { threadId, lastSeq } = (payload ?? {}) as { threadId?: unknown; lastSeq?: unknown };
    if (lastSeq !== undefined && (typeof lastSeq !== 'number' || !Number.isInteger(lastSeq) || lastSeq < 0)) throw ValidationError.field('lastSeq', 'must be a non-negative integer');
    const thread = await this.chat.threadFor(socket.data.actor, threadId);
    const existing = socket.data.threads.get(thread.id);
    const state: ThreadState = existing ?? { delivered: thread.lastSeq, chain: Promise.resolve(), queued: 0, facts: threadFacts(thread) };
    state.facts = threadFacts(thread);
    if (!existing) {
      socket.data.threads.set(thread.id, state);
      if (!this.joined.has(thread.id)) this.joined.set(thread.id, new Set());
      this.joined.get(thread.id)!.add(socket);
    }
    if (lastSeq !== undefined) {
      state.queued++;
      state.chain = state.chain
        .then(async () => {
          state.delivered = Math.min(state.delivered, lastSeq as number);
          await this.backfill(socket, state);
        })
        .catch((e: unknown) => this.logger.warn(`catch-up of ${socket.id} failed: ${e}`))
        .finally(() => state.queued--);
    }
    return { ok: true, threadId: thread.id, lastSeq: thread.lastSeq };
  }

  protected async leave(socket: ChatSocket, payload: unknown): Promise<unknown> {
    const threadId = (payload as { threadId?: unknown })?.threadId;
    if (typeof threadId === 'string') {
      socket.data.threads.delete(threadId);
      this.joined.get(threadId)?.delete(socket);
    }
    return { ok: true };
  }

  protected async send(socket: ChatSocket, payload: unknown): Promise<unknown> {
    this.takeToken(socket.data.actor.userId);
    const p = (payload ?? {}) as { threadId?: unknown; body?: unknown; clientId?: unknown; offer?: unknown };
    const message = await this.chat.send(socket.data.actor, p.threadId, { body: p.body, clientId: p.clientId, offer: p.offer });
    return { seq: message.seq, id: message.id };
  }

  protected async read(socket: ChatSocket, payload: unknown): Promise<unknown> {
    const p = (payload ?? {}) as { threadId?: unknown; seq?: unknown };
    return this.chat.markRead(socket.data.actor, p.threadId, p.seq);
  }

  protected async typing(socket: ChatSocket, payload: unknown): Promise<unknown> {
    this.takeToken(socket.data.actor.userId, 0.2);
    const p = (payload ?? {}) as { threadId?: unknown; typing?: unknown };
    await this.chat.typing(socket.data.actor, p.threadId, p.typing);
    return { ok: true };
  }

  protected async acceptOffer(socket: ChatSocket, payload: unknown): Promise<unknown> {
    this.takeToken(socket.data.actor.userId);
    const p = (payload ?? {}) as { threadId?: unknown; messageId?: unknown };
    const message = await this.chat.acceptOffer(socket.data.actor, p.threadId, p.messageId);
    return { seq: message.seq, id: message.id, revision: message.offerRevision };
  }

  /** Runs a handler; any failure becomes an `error` event plus an `{ error }` acknowledgement. */
  private async safely<T>(socket: ChatSocket, work: () => Promise<T>): Promise<T | { error: unknown }> {
    try {
      if (!socket.data?.actor) throw new UnauthenticatedError();
      return await work();
    } catch (error) {
      const body = toErrorBody(error);
      if (body.statusCode >= 500) this.logger.error((error as Error)?.stack ?? String(error));
      socket.emit('error', body);
      return { error: body };
    }
  }

  /** Per-user token bucket (per process): CHAT_RATE_LIMIT_PER_MINUTE, bursts up to a tenth of it. */
  private takeToken(userId: string, cost = 1): void {
    const perMs = this.config.chatRateLimitPerMinute / 60_000;
    const capacity = Math.max(10, this.config.chatRateLimitPerMinute / 10);
    const now = Date.now();
    const b = this.buckets.get(userId) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + (now - b.at) * perMs);
    b.at = now;
    if (b.tokens < cost) {
      this.buckets.set(userId, b);
      throw new TooManyRequestsError('RATE_LIMITED', 'Too many messages; slow down');
    }
    b.tokens -= cost;
    this.buckets.set(userId, b);
    if (this.buckets.size > 50_000) this.buckets.clear();
  }

  private async backfill(socket: ChatSocket, state: ThreadState): Promise<void> {
    for (;;) {
      const missed = await this.chat.messagesSince(state.facts, socket.data.actor.app, state.delivered, BACKFILL_PAGE);
      for (const m of missed) {
        if (m.seq <= state.delivered) continue;
        socket.emit('message', m);
        state.delivered = m.seq;
      }
      if (missed.length < BACKFILL_PAGE) return;
    }
  }

  private deliver(event: FanoutEvent): void {
    if (event.type === 'notification') {
      for (const socket of this.server.sockets.sockets.values() as IterableIterator<ChatSocket>) {
        const a = socket.data?.actor;
        if (a && a.companyId === event.companyId && a.app === event.app && (!event.userId || event.userId === a.userId)) socket.emit('notification', event.notification);
      }
      return;
    }
    const sockets = this.joined.get(event.thread.id);
    if (!sockets?.size) return;
    for (const socket of sockets) {
      const side = socket.data.actor.app;
      const state = socket.data.threads.get(event.thread.id);
      if (!state) continue;
      state.facts = event.thread;
      switch (event.type) {
        case 'message': {
          const m = event.message;
          // The common case, the next message with nothing queued for this socket: sent at once.
          if (state.queued === 0 && m.seq <= state.delivered + 1) {
            if (m.seq <= state.delivered) break;
            socket.emit('message', viewMessage(m, side, { maskContacts: this.config.chatMaskContacts, revealed: event.thread.revealed }));
            state.delivered = m.seq;
            break;
          }
          state.queued++;
          state.chain = state.chain
            .then(async () => {
              if (m.seq <= state.delivered) return;
              if (m.seq > state.delivered + 1) await this.backfill(socket, state);
              if (m.seq <= state.delivered) return;
              socket.emit('message', viewMessage(m, side, { maskContacts: this.config.chatMaskContacts, revealed: event.thread.revealed }));
              state.delivered = m.seq;
            })
            .catch((e: unknown) => this.logger.warn(`delivery to ${socket.id} failed: ${e}`))
            .finally(() => state.queued--);
          break;
        }
        case 'typing':
          if (socket.data.actor.userId !== event.userId) socket.emit('typing', { threadId: event.thread.id, userId: event.userId, side: event.side, typing: event.typing });
          break;
        case 'read':
          socket.emit('read', { threadId: event.thread.id, userId: event.userId, side: event.side, seq: event.seq });
          break;
        case 'offer':
          socket.emit('offer:updated', { threadId: event.thread.id, messageId: event.messageId, offerStatus: event.offerStatus, offerRevision: event.offerRevision });
          break;
        case 'revealed':
          socket.emit('thread:revealed', { threadId: event.thread.id });
          break;
        case 'hidden':
          socket.emit('message:hidden', { threadId: event.thread.id, messageId: event.messageId, seq: event.seq });
          break;
      }
    }
  }
}
