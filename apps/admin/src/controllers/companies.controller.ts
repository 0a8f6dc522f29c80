import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CompanyListQuery, CompanyModerationService, DecisionReasonDto, OptionalReasonDto } from '@kontor/accounts';
import { Actor, OperatorActor, OperatorRoles } from '@kontor/platform';

@ApiTags('companies')
@ApiBearerAuth()
@Controller('companies')
export class CompaniesController {
  constructor(private readonly moderation: CompanyModerationService) {}

  @Get()
  @OperatorRoles('moderator', 'finance')
  list(@Query() query: CompanyListQuery) {
    return this.moderation.list(query);
  }

  @Get(':id')
  @OperatorRoles('moderator', 'finance')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.moderation.get(id);
  }

  @Post(':id/verify')
  @OperatorRoles('moderator')
  @HttpCode(200)
  verify(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: OptionalReasonDto) {
    return this.moderation.verify(actor, id, body.reason);
  }

  @Post(':id/reject')
  @OperatorRoles('moderator')
  @HttpCode(200)
  reject(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: DecisionReasonDto) {
    return this.moderation.reject(actor, id, body.reason);
  }

  @Post(':id/suspend')
  @OperatorRoles('moderator')
  @HttpCode(200)
  suspend(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: DecisionReasonDto) {
    return this.moderation.suspend(actor, id, body.reason);
  }

  @Post(':id/reactivate')
  @OperatorRoles('moderator')
  @HttpCode(200)
  reactivate(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: OptionalReasonDto) {
    return this.moderation.reactivate(actor, id, body.reason);
  }
}
