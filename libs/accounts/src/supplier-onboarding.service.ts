import { Injectable } from '@nestjs/common';
import { CompanyRegistration } from './company-registration.service';
import { SessionDto, SignUpDto } from './dto/auth.dto';

/**
 * Signs up an (unverified) supplier company for someone a buyer invited by e-mail. The caller
 * (negotiation) owns the invitation token and runs this inside its own transaction, so the
 * invitation is consumed exactly when the company exists.
 */
@Injectable()
export class SupplierOnboarding {
  constructor(private readonly registration: CompanyRegistration) {}

  /** Creates the supplier company and its owner (the invited e-mail) and signs the owner in on the supplier app. */
  async signUpInvitedSupplier(invitedEmail: string, input: Omit<SignUpDto, 'email'>): Promise<{ companyId: string; userId: string; session: SessionDto }> {
    return this.registration.register(
      'supplier',
      { ...input, email: invitedEmail },
      'email: an account with this e-mail already exists; sign in and ask the buyer to invite your company',
    );
  }
}
