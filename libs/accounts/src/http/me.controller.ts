import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, ANY_MEMBER, CompanyActor, Roles } from '@kontor/platform';
import { AccountService } from '../account.service';
import { TotpCodeDto, TwoFactorSetupDto } from '../dto/auth.dto';
import { MeDto } from '../dto/me.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly account: AccountService) {}

  @Get()
  me(@Actor() actor: CompanyActor): Promise<MeDto> {
    return this.account.me(actor);
  }

  @Post('two-factor/setup')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  setup(@Actor() actor: CompanyActor): Promise<TwoFactorSetupDto> {
    return this.account.beginTwoFactorSetup(actor);
  }

  @Post('two-factor/enable')
  @Roles(...ANY_MEMBER)
  @HttpCode(204)
  enable(@Actor() actor: CompanyActor, @Body() body: TotpCodeDto): Promise<void> {
    return this.account.enableTwoFactor(actor, body.code);
  }

  @Post('two-factor/disable')
  @Roles(...ANY_MEMBER)
  @HttpCode(204)
  disable(@Actor() actor: CompanyActor, @Body() body: TotpCodeDto): Promise<void> {
    return this.account.disableTwoFactor(actor, body.code);
  }
}
