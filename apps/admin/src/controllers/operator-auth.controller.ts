import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { OperatorMeDto, OperatorsService, RefreshDto, SessionDto, SignInDto, TwoFactorSignInDto } from '@kontor/accounts';
import { Actor, AuthRateLimit, OperatorActor, Public } from '@kontor/platform';

@ApiTags('auth')
@Controller()
export class OperatorAuthController {
  constructor(private readonly operators: OperatorsService) {}

  @Post('auth/sign-in')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  signIn(@Body() body: SignInDto) {
    return this.operators.signIn(body);
  }

  @Post('auth/sign-in/two-factor')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  signInTwoFactor(@Body() body: TwoFactorSignInDto): Promise<SessionDto> {
    return this.operators.completeTwoFactor(body);
  }

  @Post('auth/refresh')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  refresh(@Body() body: RefreshDto): Promise<SessionDto> {
    return this.operators.refresh(body.refreshToken);
  }

  @Post('auth/sign-out')
  @Public()
  @HttpCode(204)
  signOut(@Body() body: RefreshDto): Promise<void> {
    return this.operators.signOut(body.refreshToken);
  }

  @Get('me')
  @ApiBearerAuth()
  me(@Actor() actor: OperatorActor): Promise<OperatorMeDto> {
    return this.operators.me(actor);
  }
}
