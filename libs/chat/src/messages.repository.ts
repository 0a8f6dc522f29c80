import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { MessageEntity } from './entities/message.entity';
import { ReadMarkerEntity } from './entities/read-marker.entity';
import { ReportEntity } from './entities/report.entity';

/** A plain text message to append (its thread membership already checked). */
export interface TextAppend {
  threadId: string;
  senderUserId: string;
  senderSide: string;
  body: string;
  maskedBody: string | null;
  clientId: string | null;
}

/** A stored text message with the thread facts its sender needs afterwards. */
export interface Appended {
  message: MessageEntity;
  revealedAt: Date | null;
  /** When the thread's previous message was sent (null: this is its first). */
  previousAt: Date | null;
}

@Injectable()
export class MessagesRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(MessageEntity);
  }

  insert(message: Partial<MessageEntity>): Promise<MessageEntity> {
    return this.repo.save(this.repo.create(message));
  }

  /**
   * Appends many text messages (any threads, several per thread) in ONE statement, the group
   * commit of MessageAppendQueue: locks the threads in id order (so concurrent batches of other
   * instances cannot deadlock), takes a run of sequence numbers per thread in input order and
   * inserts every row. The result is aligned with the input: null where the client id was already
   * stored (a retried send) or the thread is gone. A client id repeated within one batch is the
   * caller's to avoid (it would fail the whole statement on the unique index).
   */
  async appendTexts(items: TextAppend[], origin: string, at: Date): Promise<Array<Appended | null>> {
    const rows: Array<Record<string, any>> = await this.tx.manager.query(
      `WITH input AS (
              SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
                WITH ORDINALITY AS i(thread_id, sender_user_id, sender_side, body, masked_body, client_id, ord)),
            fresh AS (
              SELECT i.*, row_number() OVER (PARTITION BY i.thread_id ORDER BY i.ord) AS rn FROM input i
               WHERE i.client_id IS NULL
                  OR NOT EXISTS (SELECT 1 FROM chat_messages m WHERE m.thread_id = i.thread_id AND m.sender_user_id = i.sender_user_id AND m.client_id = i.client_id)),
            counts AS (SELECT thread_id, count(*)::int AS n FROM fresh GROUP BY thread_id),
            locked AS (
              SELECT th.id, th.last_seq, th.last_message_at FROM chat_threads th
               WHERE th.id IN (SELECT thread_id FROM counts) ORDER BY th.id FOR UPDATE),
            t AS (
              UPDATE chat_threads th SET last_seq = l.last_seq + c.n, last_message_at = $8
                FROM locked l JOIN counts c ON c.thread_id = l.id
               WHERE th.id = l.id
              RETURNING th.id, l.last_seq AS base, l.last_message_at AS prev, th.contacts_revealed_at),
            m AS (
              INSERT INTO chat_messages (thread_id, seq, sender_user_id, sender_side, kind, body, masked_body, client_id, origin)
              SELECT f.thread_id, t.base + f.rn, f.sender_user_id, f.sender_side, 'text', f.body, f.masked_body, f.client_id, $7
                FROM fresh f JOIN t ON t.id = f.thread_id
               ORDER BY f.ord
              RETURNING id, gid, thread_id, seq, created_at)
       SELECT f.ord, m.id, m.gid, m.seq, m.created_at, t.base, t.prev, t.contacts_revealed_at
         FROM m JOIN t ON t.id = m.thread_id JOIN fresh f ON f.thread_id = m.thread_id AND t.base + f.rn = m.seq`,
      [
        items.map((i) => i.threadId),
        items.map((i) => i.senderUserId),
        items.map((i) => i.senderSide),
        items.map((i) => i.body),
        items.map((i) => i.maskedBody),
        items.map((i) => i.clientId),
        origin,
        at,
      ],
    );
    const out = new Array<Appended | null>(items.length).fill(null);
    for (const r of rows) {
      const i = items[Number(r.ord) - 1];
      out[Number(r.ord) - 1] = {
        message: this.textMessage(i, origin, { id: r.id, gid: Number(r.gid), seq: r.seq, createdAt: r.created_at }),
        revealedAt: r.contacts_revealed_at,
        // A later message of the same thread in this batch follows the earlier one immediately.
        previousAt: r.seq === r.base + 1 ? r.prev : at,
      };
    }
    return out;
  }

  /**
   * A plain object of the entity's shape: TypeORM's `create`, and even the entity class's
   * constructor (which defines each decorated field), are a visible cost at thousands of messages a second.
   */
  private textMessage(m: TextAppend, origin: string, stored: { id: string; gid: number; seq: number; createdAt: Date }): MessageEntity {
    return {
      id: stored.id,
      gid: stored.gid,
      seq: stored.seq,
      createdAt: stored.createdAt,
      threadId: m.threadId,
      senderUserId: m.senderUserId,
      senderSide: m.senderSide as MessageEntity['senderSide'],
      kind: 'text' as const,
      body: m.body,
      maskedBody: m.maskedBody,
      clientId: m.clientId,
      offer: null,
      offerStatus: null,
      offerRevision: null,
      hiddenAt: null,
      hiddenReason: null,
      hiddenBy: null,
      origin,
    };
  }

  entity(fields: Partial<MessageEntity>): MessageEntity {
    return this.repo.create(fields);
  }

  /** A plain INSERT ... RETURNING (no entity round trips) for the hot path of sending. */
  async insertFast(m: Omit<Partial<MessageEntity>, 'offer'> & { offer: object | null }): Promise<MessageEntity> {
    const [row]: Array<Record<string, any>> = await this.tx.manager.query(
      `INSERT INTO chat_messages (thread_id, seq, sender_user_id, sender_side, kind, body, masked_body, client_id, offer, offer_status, origin)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id, gid, created_at`,
      [m.threadId, m.seq, m.senderUserId, m.senderSide, m.kind, m.body, m.maskedBody ?? null, m.clientId ?? null, m.offer === null ? null : JSON.stringify(m.offer), m.offerStatus ?? null, m.origin ?? null],
    );
    return this.repo.create({ ...(m as Partial<MessageEntity>), id: row.id, gid: Number(row.gid), createdAt: row.created_at, offerRevision: null, hiddenAt: null, hiddenReason: null, hiddenBy: null });
  }

  save(message: MessageEntity): Promise<MessageEntity> {
    return this.repo.save(message);
  }

  findInThread(threadId: string, id: string): Promise<MessageEntity | null> {
    return this.repo.findOneBy({ threadId, id });
  }

  findById(id: string): Promise<MessageEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** The message a client already sent with this id (a retried send). */
  findByClientId(threadId: string, senderUserId: string, clientId: string): Promise<MessageEntity | null> {
    return this.repo.findOneBy({ threadId, senderUserId, clientId });
  }

  /** Messages after a sequence number, in order. */
  after(threadId: string, afterSeq: number, limit: number): Promise<MessageEntity[]> {
    return this.repo.createQueryBuilder('m').where('m.thread_id = :threadId AND m.seq > :afterSeq', { threadId, afterSeq }).orderBy('m.seq', 'ASC').limit(limit).getMany();
  }

  latestBefore(threadId: string, seq: number): Promise<MessageEntity | null> {
    return this.repo.createQueryBuilder('m').where('m.thread_id = :threadId AND m.seq < :seq', { threadId, seq }).orderBy('m.seq', 'DESC').limit(1).getOne();
  }

  offers(threadId: string): Promise<MessageEntity[]> {
    return this.repo.createQueryBuilder('m').where("m.thread_id = :threadId AND m.kind IN ('offer', 'offer_accepted')", { threadId }).orderBy('m.seq', 'ASC').getMany();
  }

  /** Marks the open offers of a thread superseded (a counter-offer replaces them). */
  async supersedeOpenOffers(threadId: string): Promise<void> {
    await this.repo.createQueryBuilder().update().set({ offerStatus: 'superseded' }).where("thread_id = :threadId AND offer_status = 'open'", { threadId }).execute();
  }

  /** Locks an offer message so two accepts cannot both win. */
  findForUpdate(threadId: string, id: string): Promise<MessageEntity | null> {
    return this.repo.createQueryBuilder('m').setLock('pessimistic_write').where('m.thread_id = :threadId AND m.id = :id', { threadId, id }).getOne();
  }

  /**
   * Messages of all processes since a global cursor (the embedded fan-out's poll), in gid order.
   * Rows written by `ownOrigin` come back as their gid only (`message` null): the poller needs
   * them to move its cursor but has delivered them already, and at chat rates parsing them again
   * would cost every instance more than the rest of its poll. The values are inlined as literals
   * so the poll is a simple-protocol query: the embedded PGlite server serves every connection
   * from one session and copes badly with extended-protocol messages of a background poller
   * interleaving with request traffic.
   */
  async sinceGid(gid: number, limit: number, ownOrigin: string): Promise<Array<{ gid: number; message: MessageEntity | null }>> {
    if (!/^[0-9a-f-]{36}$/i.test(ownOrigin)) throw new Error('origin must be a uuid');
    const rows: Array<{ gid: string; row: string | null }> = await this.tx.manager.query(
      `SELECT m.gid, CASE WHEN m.origin IS DISTINCT FROM '${ownOrigin}' THEN row_to_json(m)::text END AS row
         FROM chat_messages m WHERE m.gid > ${Math.trunc(Number(gid))} ORDER BY m.gid LIMIT ${Math.trunc(Number(limit))}`,
    );
    return rows.map(({ gid: g, row }) => {
      if (row === null) return { gid: Number(g), message: null };
      const r = JSON.parse(row) as Record<string, any>;
      const date = (v: string | null) => (v === null ? null : new Date(v));
      const message: MessageEntity = {
        id: r.id,
        gid: Number(r.gid),
        threadId: r.thread_id,
        seq: r.seq,
        senderUserId: r.sender_user_id,
        senderSide: r.sender_side,
        kind: r.kind,
        body: r.body,
        maskedBody: r.masked_body,
        clientId: r.client_id,
        offer: r.offer,
        offerStatus: r.offer_status,
        offerRevision: r.offer_revision,
        hiddenAt: date(r.hidden_at),
        hiddenReason: r.hidden_reason,
        hiddenBy: r.hidden_by,
        origin: r.origin,
        createdAt: date(r.created_at)!,
      };
      return { gid: Number(g), message };
    });
  }

  async maxGid(): Promise<number> {
    const [row]: Array<{ max: string | null }> = await this.tx.manager.query('SELECT max(gid) AS max FROM chat_messages');
    return Number(row.max ?? 0);
  }

  async markRead(threadId: string, userId: string, seq: number): Promise<number> {
    const rows: Array<{ last_read_seq: number }> = await this.tx.manager.query(
      `INSERT INTO chat_read_markers (thread_id, user_id, last_read_seq) VALUES ($1, $2, $3)
       ON CONFLICT (thread_id, user_id) DO UPDATE SET last_read_seq = GREATEST(chat_read_markers.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
       RETURNING last_read_seq`,
      [threadId, userId, seq],
    );
    return rows[0].last_read_seq;
  }

  readMarkers(threadId: string): Promise<ReadMarkerEntity[]> {
    return this.tx.manager.getRepository(ReadMarkerEntity).findBy({ threadId });
  }

  async insertReport(report: Partial<ReportEntity>): Promise<ReportEntity> {
    const repo = this.tx.manager.getRepository(ReportEntity);
    await repo.createQueryBuilder().insert().values(report).orIgnore().execute();
    return (await repo.findOneBy({ messageId: report.messageId, reporterUserId: report.reporterUserId }))!;
  }

  reportsOfThread(threadId: string): Promise<ReportEntity[]> {
    return this.tx.manager.getRepository(ReportEntity).find({ where: { threadId }, order: { createdAt: 'ASC' } });
  }

  async resolveReports(messageId: string, at: Date): Promise<void> {
    await this.tx.manager.getRepository(ReportEntity).createQueryBuilder().update().set({ resolvedAt: at }).where('message_id = :messageId AND resolved_at IS NULL', { messageId }).execute();
  }
}
