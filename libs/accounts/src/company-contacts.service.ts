import { Injectable } from '@nestjs/common';
import { MembershipsRepository } from './memberships.repository';
import { UsersRepository } from './users.repository';

/** Who works for a company, for notifications: user ids and e-mail addresses of its members. */
@Injectable()
export class CompanyContacts {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly users: UsersRepository,
  ) {}

  async members(companyId: string): Promise<Array<{ userId: string; role: string }>> {
    return (await this.memberships.listForCompany(companyId)).map((m) => ({ userId: m.userId, role: m.role }));
  }

  /** E-mail addresses of the company's members (only the given users when userIds is set). */
  async emailsOf(companyId: string, userIds?: string[]): Promise<string[]> {
    const memberIds = (await this.memberships.listForCompany(companyId)).map((m) => m.userId).filter((id) => !userIds || userIds.includes(id));
    return (await this.users.findByIds(memberIds)).map((u) => u.email);
  }
}
