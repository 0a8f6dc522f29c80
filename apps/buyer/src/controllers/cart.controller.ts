import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, ANY_MEMBER, CompanyActor, Roles } from '@kontor/platform';
import { CartItemDto, CartService } from '@kontor/orders';

@ApiTags('cart')
@ApiBearerAuth()
@Controller('cart')
export class CartController {
  constructor(private readonly cart: CartService) {}

  @Get()
  view(@Actor() actor: CompanyActor) {
    return this.cart.view(actor);
  }

  @Put('items/:listingId')
  @Roles(...ANY_MEMBER)
  setItem(@Actor() actor: CompanyActor, @Param('listingId', ParseUUIDPipe) listingId: string, @Body() body: CartItemDto) {
    return this.cart.setItem(actor, listingId, body.quantity);
  }

  @Delete('items/:listingId')
  @Roles(...ANY_MEMBER)
  removeItem(@Actor() actor: CompanyActor, @Param('listingId', ParseUUIDPipe) listingId: string) {
    return this.cart.removeItem(actor, listingId);
  }

  @Delete()
  @Roles(...ANY_MEMBER)
  @HttpCode(204)
  clear(@Actor() actor: CompanyActor) {
    return this.cart.clear(actor);
  }
}
