import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, OperatorActor, OperatorRoles } from '@kontor/platform';
import { CommissionRuleListQuery, CommissionRules, CreateCommissionRuleDto, UpdateCommissionRuleDto } from '@kontor/settlement';

@ApiTags('commission-rules')
@ApiBearerAuth()
@Controller('commission-rules')
export class CommissionRulesController {
  constructor(private readonly rules: CommissionRules) {}

  @Get()
  @OperatorRoles('finance')
  list(@Query() query: CommissionRuleListQuery) {
    return this.rules.list(query);
  }

  @Get(':id')
  @OperatorRoles('finance')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.rules.get(id);
  }

  @Post()
  @OperatorRoles('finance')
  create(@Actor() actor: OperatorActor, @Body() body: CreateCommissionRuleDto) {
    return this.rules.create(actor, body);
  }

  @Patch(':id')
  @OperatorRoles('finance')
  update(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCommissionRuleDto) {
    return this.rules.update(actor, id, body);
  }
}
