import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiExtraModels, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { APP_KIND, AuthRateLimit, Public } from '@kontor/platform';
import { EmailVerificationConfirmDto, PasswordResetConfirmDto, PasswordResetRequestDto, PasswordResetRequestedDto, SessionRefreshDto } from '../dto/browser-session.dto';
import { RefreshCookie, RefreshCookieInterceptor } from './refresh-cookie';
import { ChallengeDto, SessionDto, SignInDto, SignUpDto, TwoFactorChallengeResponseDto, TwoFactorSetupDto, TwoFactorSignInDto } from '../dto/auth.dto';
import { CompanyApp, SignInResult, UserAuthService } from '../user-auth.service';

/** Sign-up and sign-in of company users; mounted by the buyer and the supplier app. */
@ApiTags('auth')
@ApiExtraModels(SessionDto, TwoFactorChallengeResponseDto)
@Controller('auth')
@UseInterceptors(RefreshCookieInterceptor)
export class CompanyAuthController {
  constructor(
    private readonly auth: UserAuthService,
    private readonly cookie: RefreshCookie,
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
  @ApiOperation({ summary: 'Continues a session: the refresh token from the body, or from the refresh cookie with X-Kontor-CSRF: 1' })
  @ApiHeader({ name: 'X-Kontor-CSRF', required: false, description: 'Must be 1 when the refresh token comes from the cookie' })
  refresh(@Body() body: SessionRefreshDto, @Req() request: { headers: Record<string, string | undefined> }): Promise<SessionDto> {
    return this.auth.refresh(this.app, this.cookie.token(body.refreshToken, request));
  }

  @Post('sign-out')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends the session (its access tokens stop working at once) and clears the refresh cookie' })
  @ApiHeader({ name: 'X-Kontor-CSRF', required: false, description: 'Must be 1 when the refresh token comes from the cookie' })
  async signOut(
    @Body() body: SessionRefreshDto,
    @Req() request: { headers: Record<string, string | undefined> },
    @Res({ passthrough: true }) reply: { header(name: string, value: string): unknown },
  ): Promise<void> {
    await this.auth.signOut(this.app, this.cookie.token(body.refreshToken, request));
    this.cookie.clear(reply);
  }

  @Post('password-reset')
  @Public()
  @AuthRateLimit()
  @HttpCode(202)
  @ApiOperation({ summary: 'Mails a single-use reset link if the address has an account; the answer is the same either way' })
  @ApiAcceptedResponse({ type: PasswordResetRequestedDto })
  requestPasswordReset(@Body() body: PasswordResetRequestDto): Promise<PasswordResetRequestedDto> {
    return this.auth.requestPasswordReset(this.app, body.email);
  }

  @Post('password-reset/confirm')
  @Public()
  @AuthRateLimit()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sets a new password with the token from the reset link; every session of the account ends' })
  @ApiNoContentResponse()
  confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    return this.auth.confirmPasswordReset(body);
  }

  @Post('email-verification/confirm')
  @Public()
  @AuthRateLimit()
  @HttpCode(204)
  @ApiOperation({ summary: 'Confirms the e-mail address with the token from the verification link' })
  @ApiNoContentResponse()
  confirmEmail(@Body() body: EmailVerificationConfirmDto): Promise<void> {
    return this.auth.confirmEmail(body.token);
  }
}
