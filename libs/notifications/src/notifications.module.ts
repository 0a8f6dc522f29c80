import { Global, Module } from '@nestjs/common';
import { CompanyContactsRecipients } from './adapters/company-contacts.recipients';
import { NOTIFICATION_RECIPIENTS } from './notification-recipients.port';
import { Notifications } from './notifications.service';
import { NotificationsRepository } from './notifications.repository';

/** Global so every context (negotiation, chat, orders) can notify without importing each other. */
@Global()
@Module({
  providers: [NotificationsRepository, Notifications, { provide: NOTIFICATION_RECIPIENTS, useClass: CompanyContactsRecipients }],
  exports: [Notifications],
})
export class NotificationsModule {}
