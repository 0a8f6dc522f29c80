export { NotificationsModule } from './notifications.module';
export { Notifications, NotifyInput, NOTIFICATIONS_CREATED, NotificationsCreatedEvent } from './notifications.service';
export * from './dto/notification.dto';
/** Feed endpoints shared by the buyer and supplier apps. */
export { NotificationsController } from './http/notifications.controller';

import { NotificationEntity } from './entities/notification.entity';
import { NotificationsBase1795000600000 } from './migrations/1795000600000-notifications-base';

/** Tables owned by notifications. */
export const notificationsEntities = [NotificationEntity];
/** Migrations of the notifications tables. */
export const notificationsMigrations = [NotificationsBase1795000600000];
