import { Injectable } from '@nestjs/common';
import { CompanyContacts } from '@kontor/accounts';
import { NotificationRecipients } from '../notification-recipients.port';

/** E-mail recipients from the accounts context's member list. */
@Injectable()
export class CompanyContactsRecipients implements NotificationRecipients {
  constructor(private readonly contacts: CompanyContacts) {}

  emailsOf(companyId: string, userIds?: string[]): Promise<string[]> {
    return this.contacts.emailsOf(companyId, userIds);
  }
}
