import { Logger } from '@nestjs/common';
import { MailMessage, MailTransport } from './mail-transport.port';

/** Development transport: logs each mail (links included) and keeps the latest ones readable in-process. */
export class LogMailTransport implements MailTransport {
  private readonly logger = new Logger('Mail');
  readonly sent: MailMessage[] = [];

  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > 500) this.sent.shift();
    this.logger.log(`to=${message.to} subject="${message.subject}"\n${message.text}`);
  }
}
