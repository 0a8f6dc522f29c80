import { Global, Module } from '@nestjs/common';
import { ListingCatalogDirectory } from './adapters/listing-catalog.directory';
import { ChatFanout } from './chat-fanout';
import { ChatService } from './chat.service';
import { MessageAppendQueue } from './message-append-queue';
import { MessagesRepository } from './messages.repository';
import { LISTING_DIRECTORY } from './ports/listing-directory.port';
import { ThreadsRepository } from './threads.repository';

/** Negotiation threads and live chat; the apps add their gateway (a subclass of ChatGatewayBase). */
@Global()
@Module({
  providers: [ThreadsRepository, MessagesRepository, MessageAppendQueue, ChatFanout, ChatService, { provide: LISTING_DIRECTORY, useClass: ListingCatalogDirectory }],
  exports: [ChatService, ChatFanout],
})
export class ChatModule {}
