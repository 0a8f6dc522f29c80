import { Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, ANY_MEMBER, CompanyActor, Idempotent, Roles } from '@kontor/platform';
import { Payments, PaymentView } from '@kontor/settlement';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('orders/:id')
export class PaymentsController {
  constructor(private readonly payments: Payments) {}

  /** Pays (or retries paying) the order; the result says succeeded, requires_action (with instructions or a client secret) or failed. */
  @Post('payments')
  @Roles(...ANY_MEMBER)
  @Idempotent(200)
  pay(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<PaymentView> {
    return this.payments.pay(actor, id);
  }

  @Get('payment')
  payment(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<PaymentView> {
    return this.payments.paymentOf(actor, id);
  }
}
