import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { APP_KIND, AuthRateLimit, Public } from '@kontor/platform';
import { ChallengeDto, RefreshDto, SessionDto, SignInDto, SignUpDto, TwoFactorChallengeResponseDto, TwoFactorSetupDto, TwoFactorSignInDto } from '../dto/auth.dto';
import { CompanyApp, SignInResult, UserAuthService } from '../user-auth.service';

/** Sign-up and sign-in of company users; mounted by the buyer and the supplier app. */
@ApiTags('auth')
@ApiExtraModels(SessionDto, TwoFactorChallengeResponseDto)
@Controller('auth')
export class CompanyAuthController {
  constructor(
    private readonly auth: UserAuthService,
    @Inject(APP_KIND) private readonly app: CompanyApp,
  ) {}

  @Post('sign-up')
  @Public()
  @AuthRateLimit()
  signUp(@Body() body: SignUpDto): Promise<SessionDto> {
    return this.auth.signUp(this.app, body);
  }

  @Post('sign-in')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(SessionDto) }, { $ref: getSchemaPath(TwoFactorChallengeResponseDto) }] } })
  signIn(@Body() body: SignInDto): Promise<SignInResult> {
    return this.auth.signIn(this.app, body);
  }

  @Post('sign-in/two-factor')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  signInTwoFactor(@Body() body: TwoFactorSignInDto): Promise<SessionDto> {
    return this.auth.completeTwoFactor(this.app, body);
  }

  @Post('sign-in/two-factor-setup')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  beginRequiredSetup(@Body() body: ChallengeDto): Promise<TwoFactorSetupDto> {
    return this.auth.beginRequiredSetup(this.app, body);
  }

  @Post('sign-in/two-factor-setup/confirm')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  confirmRequiredSetup(@Body() body: TwoFactorSignInDto): Promise<SessionDto> {
    return this.auth.confirmRequiredSetup(this.app, body);
  }

  @Post('refresh')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  refresh(@Body() body: RefreshDto): Promise<SessionDto> {
    return this.auth.refresh(this.app, body.refreshToken);
  }

  @Post('sign-out')
  @Public()
  @HttpCode(204)
  signOut(@Body() body: RefreshDto): Promise<void> {
    return this.auth.signOut(this.app, body.refreshToken);
  }
}
