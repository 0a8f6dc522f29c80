import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, ANY_MEMBER, CompanyActor, Idempotent, Roles } from '@kontor/platform';
import { CartService, CheckoutDto, CheckoutResultDto } from '@kontor/orders';

@ApiTags('checkout')
@ApiBearerAuth()
@Controller('checkout')
export class CheckoutController {
  constructor(private readonly cart: CartService) {}

  /** Turns the cart into one purchase order per supplier, priced by the server, stock reserved. */
  @Post()
  @Roles(...ANY_MEMBER)
  @Idempotent(201)
  checkout(@Actor() actor: CompanyActor, @Body() body: CheckoutDto): Promise<CheckoutResultDto> {
    return this.cart.checkout(actor, body);
  }
}
