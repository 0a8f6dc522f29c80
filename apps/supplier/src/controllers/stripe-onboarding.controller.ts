import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CompanyActor, Roles } from '@kontor/platform';
import { StripeOnboarding } from '@kontor/settlement';

/** Stripe Connect onboarding: the connected account that receives card-paid payouts. */
@ApiTags('stripe')
@ApiBearerAuth()
@Controller('stripe')
export class StripeOnboardingController {
  constructor(private readonly onboarding: StripeOnboarding) {}

  @Get('account')
  status(@Actor() actor: CompanyActor) {
    return this.onboarding.status(actor);
  }

  @Post('onboarding')
  @Roles('owner', 'admin')
  start(@Actor() actor: CompanyActor) {
    return this.onboarding.start(actor);
  }
}
