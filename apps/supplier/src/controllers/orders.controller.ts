import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CompanyActor, Roles } from '@kontor/platform';
import { OrderListQuery, OrdersService, ReasonDto, ShipOrderDto } from '@kontor/orders';

/** The supplier's side of orders: each line shows the commission rule, the fee and the expected payout date. */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  list(@Actor() actor: CompanyActor, @Query() query: OrderListQuery) {
    return this.orders.list(actor, query);
  }

  @Get(':id')
  get(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.orders.get(actor, id);
  }

  @Post(':id/confirm')
  @Roles('owner', 'admin', 'member')
  @HttpCode(200)
  confirm(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.orders.confirm(actor, id);
  }

  @Post(':id/decline')
  @Roles('owner', 'admin', 'member')
  @HttpCode(200)
  decline(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto) {
    return this.orders.decline(actor, id, body.reason);
  }

  @Post(':id/ship')
  @Roles('owner', 'admin', 'member')
  @HttpCode(200)
  ship(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ShipOrderDto) {
    return this.orders.ship(actor, id, body.carrier, body.trackingNumber);
  }

  @Post(':id/deliver')
  @Roles('owner', 'admin', 'member')
  @HttpCode(200)
  deliver(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.orders.deliver(actor, id);
  }
}
