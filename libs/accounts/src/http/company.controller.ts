import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CompanyActor, Roles } from '@kontor/platform';
import { CompanyService } from '../company.service';
import { AddCompanySideDto, ChangeRoleDto, CompanyDto, MemberDto, UpdateCompanyDto } from '../dto/company.dto';

/** The caller's own company: settings, verification request, members. */
@ApiTags('company')
@ApiBearerAuth()
@Controller('company')
export class CompanyController {
  constructor(private readonly company: CompanyService) {}

  @Get()
  get(@Actor() actor: CompanyActor): Promise<CompanyDto> {
    return this.company.get(actor);
  }

  @Patch()
  @Roles('owner', 'admin')
  update(@Actor() actor: CompanyActor, @Body() body: UpdateCompanyDto): Promise<CompanyDto> {
    return this.company.update(actor, body);
  }

  @Post('sides')
  @Roles('owner')
  @HttpCode(200)
  addSide(@Actor() actor: CompanyActor, @Body() body: AddCompanySideDto): Promise<CompanyDto> {
    return this.company.addSide(actor, body.side);
  }

  @Post('verification-request')
  @Roles('owner', 'admin')
  @HttpCode(200)
  requestVerification(@Actor() actor: CompanyActor): Promise<CompanyDto> {
    return this.company.requestVerification(actor);
  }

  @Get('members')
  members(@Actor() actor: CompanyActor): Promise<MemberDto[]> {
    return this.company.members(actor);
  }

  @Patch('members/:userId')
  @Roles('owner', 'admin')
  changeRole(@Actor() actor: CompanyActor, @Param('userId', ParseUUIDPipe) userId: string, @Body() body: ChangeRoleDto): Promise<MemberDto> {
    return this.company.changeRole(actor, userId, body.role);
  }

  @Delete('members/:userId')
  @Roles('owner', 'admin')
  @HttpCode(204)
  remove(@Actor() actor: CompanyActor, @Param('userId', ParseUUIDPipe) userId: string): Promise<void> {
    return this.company.removeMember(actor, userId);
  }
}
