import { Injectable, Logger } from '@nestjs/common';
import { isUniqueViolation } from '@kontor/platform';
import { PROCESS_ORIGIN } from './chat-fanout';
import { Appended, MessagesRepository, TextAppend } from './messages.repository';

/** More rows than this wait for the next statement (keeps one statement's parameters and lock set bounded). */
const MAX_BATCH = 500;

interface Waiting {
  item: TextAppend;
  at: Date;
  resolve(result: Appended | null): void;
  reject(error: unknown): void;
}

/**
 * Group commit of plain text messages: while one append statement is in flight, messages that
 * arrive queue up and are then written together by ONE statement (one round trip, one commit,
 * one WAL flush for all of them). Each caller's promise settles only once its row is committed,
 * so "persisted before acknowledged" holds; with one statement in flight at a time, messages are
 * stored in the order they arrived, so a sender's messages keep their order within a thread.
 *
 * Must be called outside any transaction (the statement is its own transaction).
 */
@Injectable()
export class MessageAppendQueue {
  private readonly logger = new Logger('MessageAppendQueue');
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly messages: MessagesRepository) {}

  /** Stores a text message; null when its client id was already used in the thread (a retried send) or the thread is gone. */
  append(item: TextAppend, at: Date): Promise<Appended | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, at, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length) await this.write(this.waiting.splice(0, MAX_BATCH));
    } finally {
      this.writing = false;
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    // A client id sent twice within one batch (a fast retry) would fail the whole statement on the
    // unique index: the repeat waits for the first and then reports "already stored".
    const first = new Map<string, Waiting>();
    const repeats: Array<{ repeat: Waiting; of: Waiting }> = [];
    const rows: Waiting[] = [];
    for (const w of batch) {
      const key = w.item.clientId === null ? null : `${w.item.threadId}\u0000${w.item.senderUserId}\u0000${w.item.clientId}`;
      const earlier = key === null ? undefined : first.get(key);
      if (earlier) {
        repeats.push({ repeat: w, of: earlier });
        continue;
      }
      if (key !== null) first.set(key, w);
      rows.push(w);
    }
    const at = rows.reduce((latest, w) => (w.at > latest ? w.at : latest), rows[0].at);
    try {
      const stored = await this.messages.appendTexts(
        rows.map((w) => w.item),
        PROCESS_ORIGIN,
        at,
      );
      rows.forEach((w, i) => w.resolve(stored[i]));
      for (const { repeat } of repeats) repeat.resolve(null);
    } catch (error) {
      // Another process stored one of these client ids between our check and our insert (or the
      // batch failed otherwise): write each one alone so only the message at fault fails.
      if (!isUniqueViolation(error)) this.logger.warn(`group append of ${rows.length} failed, retrying one by one: ${error}`);
      for (const w of [...rows, ...repeats.map((r) => r.repeat)]) {
        try {
          const [one] = await this.messages.appendTexts([w.item], PROCESS_ORIGIN, w.at);
          w.resolve(one);
        } catch (e) {
          if (w.item.clientId !== null && isUniqueViolation(e, 'uq_chat_messages_client')) w.resolve(null);
          else w.reject(e);
        }
      }
    }
  }
}
