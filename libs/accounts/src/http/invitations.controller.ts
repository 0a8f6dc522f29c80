import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, APP_KIND, AuthRateLimit, CompanyActor, Public, Roles } from '@kontor/platform';
import { SessionDto } from '../dto/auth.dto';
import { AcceptInvitationDto, CreateInvitationDto, InvitationDto } from '../dto/company.dto';
import { InvitationsService } from '../invitations.service';
import type { CompanyApp } from '../user-auth.service';

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    @Inject(APP_KIND) private readonly app: CompanyApp,
  ) {}

  @Post('company/invitations')
  @ApiBearerAuth()
  @Roles('owner', 'admin')
  invite(@Actor() actor: CompanyActor, @Body() body: CreateInvitationDto): Promise<InvitationDto> {
    return this.invitations.invite(actor, body);
  }

  @Get('company/invitations')
  @ApiBearerAuth()
  list(@Actor() actor: CompanyActor): Promise<InvitationDto[]> {
    return this.invitations.listOpen(actor);
  }

  @Delete('company/invitations/:id')
  @ApiBearerAuth()
  @Roles('owner', 'admin')
  @HttpCode(204)
  revoke(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.invitations.revoke(actor, id);
  }

  /** Public: the invitation token is the credential. */
  @Post('invitations/accept')
  @Public()
  @AuthRateLimit()
  accept(@Body() body: AcceptInvitationDto): Promise<SessionDto> {
    return this.invitations.accept(this.app, body);
  }
}
