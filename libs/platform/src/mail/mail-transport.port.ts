/** An e-mail the platform sends (invitations, notifications). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Port for outgoing mail: SMTP when SMTP_URL is set, otherwise the log transport. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
