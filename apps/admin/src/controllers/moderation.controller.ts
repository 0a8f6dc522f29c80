import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BulkApproveDto, ListingModerationService, ModerationLogQuery, RejectListingDto } from '@kontor/listings';
import { Actor, OperatorActor, OperatorRoles, PageQuery } from '@kontor/platform';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation')
export class ModerationController {
  constructor(private readonly moderation: ListingModerationService) {}

  /** Submitted listings, oldest first, with the diff against the last approved version. */
  @Get('listings')
  @OperatorRoles('moderator')
  queue(@Query() query: PageQuery) {
    return this.moderation.queue(query);
  }

  @Get('listings/:id')
  @OperatorRoles('moderator')
  item(@Param('id', ParseUUIDPipe) id: string) {
    return this.moderation.item(id);
  }

  @Post('listings/bulk-approve')
  @OperatorRoles('moderator')
  @HttpCode(200)
  bulkApprove(@Actor() actor: OperatorActor, @Body() body: BulkApproveDto) {
    return this.moderation.bulkApprove(actor, body.listingIds);
  }

  @Post('listings/:id/approve')
  @OperatorRoles('moderator')
  @HttpCode(200)
  approve(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.moderation.approve(actor, id);
  }

  @Post('listings/:id/reject')
  @OperatorRoles('moderator')
  @HttpCode(200)
  reject(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: RejectListingDto) {
    return this.moderation.reject(actor, id, body.reason);
  }

  /** Every moderation decision: operator, time, reason. */
  @Get('audit')
  @OperatorRoles('moderator')
  audit(@Query() query: ModerationLogQuery) {
    return this.moderation.auditLog(query);
  }
}
