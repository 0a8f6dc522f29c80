import { createTransport, Transporter } from 'nodemailer';
import { MailMessage, MailTransport } from './mail-transport.port';

/** Sends mail through the SMTP server named by SMTP_URL. */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transporter = createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transporter.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }
}
