import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PlatformSettings, PlatformSettingsService, UpdatePlatformSettingsDto } from '@kontor/listings';
import { Actor, OperatorActor, OperatorRoles } from '@kontor/platform';

@ApiTags('platform-settings')
@ApiBearerAuth()
@Controller('platform-settings')
export class PlatformSettingsController {
  constructor(private readonly settings: PlatformSettingsService) {}

  @Get()
  @OperatorRoles('moderator')
  get(): Promise<PlatformSettings> {
    return this.settings.get();
  }

  /** Only superadmins change marketplace-wide switches. */
  @Patch()
  @OperatorRoles('superadmin')
  update(@Actor() actor: OperatorActor, @Body() body: UpdatePlatformSettingsDto): Promise<PlatformSettings> {
    return this.settings.update(actor, body);
  }
}
