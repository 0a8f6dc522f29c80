import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AwardDto, AwardRfqDto, AwardsService, ReasonDto } from '@kontor/negotiation';
import { Actor, ANY_MEMBER, CompanyActor, Idempotent, Roles } from '@kontor/platform';

/** Awarding an RFQ (whole or split), and approving awards above the company's threshold. */
@ApiTags('awards')
@ApiBearerAuth()
@Controller('rfqs/:rfqId/awards')
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  @Post()
  @Roles(...ANY_MEMBER)
  @Idempotent(201)
  @ApiCreatedResponse({ type: AwardDto, description: 'Completed, or pending_approval above the approval threshold' })
  award(@Actor() actor: CompanyActor, @Param('rfqId', ParseUUIDPipe) rfqId: string, @Body() body: AwardRfqDto): Promise<AwardDto> {
    return this.awards.award(actor, rfqId, body);
  }

  @Get()
  @ApiOkResponse({ type: [AwardDto] })
  list(@Actor() actor: CompanyActor, @Param('rfqId', ParseUUIDPipe) rfqId: string): Promise<AwardDto[]> {
    return this.awards.list(actor, rfqId);
  }

  @Post(':awardId/approve')
  @Roles('approver')
  @Idempotent(200)
  @ApiOkResponse({ type: AwardDto, description: '403 FOUR_EYES_REQUIRED when the requester approves their own award under the four-eyes rule' })
  approve(@Actor() actor: CompanyActor, @Param('rfqId', ParseUUIDPipe) rfqId: string, @Param('awardId', ParseUUIDPipe) awardId: string): Promise<AwardDto> {
    return this.awards.approve(actor, rfqId, awardId);
  }

  @Post(':awardId/reject')
  @Roles('approver')
  @Idempotent(200)
  @ApiOkResponse({ type: AwardDto })
  reject(@Actor() actor: CompanyActor, @Param('rfqId', ParseUUIDPipe) rfqId: string, @Param('awardId', ParseUUIDPipe) awardId: string, @Body() body: ReasonDto): Promise<AwardDto> {
    return this.awards.reject(actor, rfqId, awardId, body.reason);
  }
}
