import { Inject } from '@nestjs/common';
import { WebSocketGateway } from '@nestjs/websockets';
import { CHAT_GATEWAY_OPTIONS, ChatFanout, ChatGatewayBase, ChatService } from '@kontor/chat';
import { AuthGuard, KONTOR_CONFIG, KontorConfig } from '@kontor/platform';

/** Live negotiation chat for the buyer app, on the app's own HTTP server (socket.io at /socket.io). */
@WebSocketGateway(CHAT_GATEWAY_OPTIONS)
export class BuyerChatGateway extends ChatGatewayBase {
  constructor(chat: ChatService, fanout: ChatFanout, auth: AuthGuard, @Inject(KONTOR_CONFIG) config: KontorConfig) {
    super(chat, fanout, auth, config);
  }
}
