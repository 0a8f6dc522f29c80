import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ANY_MEMBER, CompanyActor, Idempotent, Roles } from '@kontor/platform';
import { CheckoutResultDto, OrderDetailDto, OrderListQuery, OrderPageDto, OrdersService, OrderSupplierDto, PlaceOrderDto, ReasonDto, ReorderDto, ReorderScheduleDto, ReorderScheduleViewDto, ReordersService } from '@kontor/orders';

@ApiTags('orders')
@ApiBearerAuth()
@Controller()
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly reorders: ReordersService,
  ) {}

  /** Direct purchase of listing lines (one order per supplier), without the cart. */
  @Post('orders')
  @Roles(...ANY_MEMBER)
  @Idempotent(201)
  place(@Actor() actor: CompanyActor, @Body() body: PlaceOrderDto) {
    return this.orders.placeFromListings(actor, body.lines, body, 'direct');
  }

  @Get('orders')
  @ApiOkResponse({ type: OrderPageDto })
  list(@Actor() actor: CompanyActor, @Query() query: OrderListQuery): Promise<OrderPageDto> {
    return this.orders.list(actor, query);
  }

  /** The suppliers this company has ordered from, to filter the order list by. */
  @Get('orders/suppliers')
  @ApiOkResponse({ type: [OrderSupplierDto] })
  suppliers(@Actor() actor: CompanyActor): Promise<OrderSupplierDto[]> {
    return this.orders.suppliersOf(actor);
  }

  @Get('orders/:id')
  @ApiOkResponse({ type: OrderDetailDto })
  get(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<OrderDetailDto> {
    return this.orders.get(actor, id);
  }

  @Post('orders/:id/approve')
  @Roles('approver')
  @HttpCode(200)
  approve(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.orders.approve(actor, id);
  }

  @Post('orders/:id/reject')
  @Roles('approver')
  @HttpCode(200)
  reject(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto) {
    return this.orders.reject(actor, id, body.reason);
  }

  @Post('orders/:id/cancel')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  cancel(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto) {
    return this.orders.cancel(actor, id, body.reason);
  }

  @Post('orders/:id/deliver')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  deliver(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.orders.deliver(actor, id);
  }

  @Post('orders/:id/complete')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  complete(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.orders.complete(actor, id);
  }

  /** Repeats the order at today's prices (a new order through approval and stock checks). */
  @Post('orders/:id/reorder')
  @Roles(...ANY_MEMBER)
  @Idempotent(201)
  @ApiCreatedResponse({ type: CheckoutResultDto })
  reorder(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReorderDto) {
    return this.reorders.reorder(actor, id, body);
  }

  @Post('orders/:id/reorder-schedules')
  @Roles(...ANY_MEMBER)
  @ApiCreatedResponse({ type: ReorderScheduleViewDto })
  scheduleReorder(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReorderScheduleDto): Promise<ReorderScheduleViewDto> {
    return this.reorders.schedule(actor, id, body);
  }

  @Get('reorder-schedules')
  schedules(@Actor() actor: CompanyActor) {
    return this.reorders.list(actor);
  }

  @Post('reorder-schedules/:id/stop')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  stopSchedule(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.reorders.stop(actor, id);
  }

  /** Converts an award's purchase intent into an order (idempotent: the same intent gives the same order). */
  @Post('purchase-intents/:id/order')
  @Roles(...ANY_MEMBER)
  @Idempotent(201)
  convert(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.orders.convertPurchaseIntent(actor, id);
  }
}
