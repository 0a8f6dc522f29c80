import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AwardsService, PendingAwardDto } from '@kontor/negotiation';
import { Actor, CompanyActor } from '@kontor/platform';

/** What waits for the company's approvers (orders waiting are GET /orders?status=pending_approval). */
@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly awards: AwardsService) {}

  /** Awards above the approval threshold waiting for an approver, oldest first, each with its comparison. */
  @Get('awards')
  @ApiOkResponse({ type: [PendingAwardDto] })
  pendingAwards(@Actor() actor: CompanyActor): Promise<PendingAwardDto[]> {
    return this.awards.pendingApprovals(actor);
  }
}
