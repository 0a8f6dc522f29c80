import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SupplierInvitesService, SupplierInviteSignUpDto } from '@kontor/negotiation';
import { AuthRateLimit, Public } from '@kontor/platform';

/** A supplier invited by e-mail to an RFQ signs up its company with the single-use link. */
@ApiTags('rfq-inbox')
@Controller('rfq-invitations')
export class RfqInboxInvitationsController {
  constructor(private readonly invites: SupplierInvitesService) {}

  @Post('accept')
  @Public()
  @AuthRateLimit()
  accept(@Body() body: SupplierInviteSignUpDto) {
    return this.invites.accept(body);
  }
}
