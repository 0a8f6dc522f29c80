/** Who gets the e-mail copy of a notification: the addresses of a company's users. */
export interface NotificationRecipients {
  emailsOf(companyId: string, userIds?: string[]): Promise<string[]>;
}

export const NOTIFICATION_RECIPIENTS = Symbol('NOTIFICATION_RECIPIENTS');
