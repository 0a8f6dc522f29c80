import { Inject, Injectable, Logger } from '@nestjs/common';
import { CompanyActor, DomainEvents, MAIL_TRANSPORT, MailTransport, NotFoundError, TransactionRunner, toPage } from '@kontor/platform';
import { NotificationDto, NotificationFeedDto, NotificationQuery } from './dto/notification.dto';
import { NotificationEntity } from './entities/notification.entity';
import { NotificationsRepository } from './notifications.repository';
import { NOTIFICATION_RECIPIENTS, NotificationRecipients } from './notification-recipients.port';

export interface NotifyInput {
  companyId: string;
  app: 'buyer' | 'supplier';
  /** Only these users of the company; every member when absent. */
  userIds?: string[];
  type: string;
  title: string;
  body?: string;
  data?: object;
  /** Also send an e-mail to the addressed users (through MAIL_TRANSPORT, after commit). */
  email?: boolean;
}

/** Emitted after commit with the created feed entries; the socket gateways push them live. */
export const NOTIFICATIONS_CREATED = 'notifications.created';

export interface NotificationsCreatedEvent {
  notifications: Array<NotificationDto & { companyId: string; app: 'buyer' | 'supplier'; userId: string | null }>;
}

export function toNotificationDto(n: NotificationEntity, read = false): NotificationDto {
  return { id: n.id, type: n.type, title: n.title, body: n.body, data: n.data, read, createdAt: n.createdAt.toISOString() };
}

/** The in-app feed per user (live over the socket, listed over HTTP) and its e-mail copies. */
@Injectable()
export class Notifications {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: NotificationsRepository,
    private readonly events: DomainEvents,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(NOTIFICATION_RECIPIENTS) private readonly recipients: NotificationRecipients,
  ) {}

  /** Writes feed rows in the current transaction; they are pushed live (and mailed) after commit. */
  async notify(input: NotifyInput | NotifyInput[]): Promise<void> {
    const inputs = Array.isArray(input) ? input : [input];
    if (inputs.length === 0) return;
    await this.tx.run(async () => {
      const rows: Array<Partial<NotificationEntity>> = inputs.flatMap((i) =>
        (i.userIds?.length ? i.userIds : [null]).map((userId) => ({ companyId: i.companyId, app: i.app, userId, type: i.type, title: i.title.slice(0, 300), body: i.body?.slice(0, 2000) ?? null, data: i.data ?? {} })),
      );
      const saved = await this.repo.insertMany(rows);
      this.events.publish<NotificationsCreatedEvent>(NOTIFICATIONS_CREATED, {
        notifications: saved.map((n) => ({ ...toNotificationDto(n), companyId: n.companyId, app: n.app, userId: n.userId })),
      });
      for (const i of inputs.filter((x) => x.email)) {
        this.tx.afterCommit(async () => {
          const addresses = await this.recipients.emailsOf(i.companyId, i.userIds);
          for (const to of addresses) {
            await this.mail.send({ to, subject: `[Kontor] ${i.title}`, text: `${i.title}\n\n${i.body ?? ''}\n\nOpen Kontor to see the details.` }).catch((e) => this.logger.warn(`mail to ${to} failed: ${e}`));
          }
        });
      }
    });
  }

  async feed(actor: CompanyActor, query: NotificationQuery): Promise<NotificationFeedDto> {
    const { rows, total, unread } = await this.repo.feed(actor, query);
    return { ...toPage(rows.map((r) => toNotificationDto(r, r.read)), total, query), unread };
  }

  async markRead(actor: CompanyActor, id: string): Promise<{ unread: number }> {
    if (!(await this.repo.markRead(actor, id))) throw new NotFoundError('NOTIFICATION_NOT_FOUND', 'Notification not found');
    return { unread: (await this.repo.feed(actor, { page: 1, limit: 1 })).unread };
  }

  async markAllRead(actor: CompanyActor): Promise<{ marked: number; unread: number }> {
    return { marked: await this.repo.markAllRead(actor), unread: 0 };
  }
}
