export { ChatModule } from './chat.module';
export { ChatService } from './chat.service';
export { ChatFanout, FanoutEvent } from './chat-fanout';
export { ChatGatewayBase, CHAT_GATEWAY_OPTIONS } from './gateway/chat-gateway.base';
export { maskContacts, MASK } from './domain/contact-masking';
export { MessageView, HIDDEN_BODY } from './domain/message-view';
export { Offer } from './domain/offer';
export * from './dto/chat.dto';
/** Thread endpoints shared by the buyer and supplier apps. */
export { ThreadsController } from './http/threads.controller';

import { MessageEntity } from './entities/message.entity';
import { ReadMarkerEntity } from './entities/read-marker.entity';
import { ReportEntity } from './entities/report.entity';
import { ThreadEntity } from './entities/thread.entity';
import { ChatBase1795000500000 } from './migrations/1795000500000-chat-base';

/** Tables owned by chat. */
export const chatEntities = [ThreadEntity, MessageEntity, ReadMarkerEntity, ReportEntity];
/** Migrations of the chat tables. */
export const chatMigrations = [ChatBase1795000500000];
