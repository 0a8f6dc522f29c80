import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { PlatformSettingEntity } from './entities/platform-setting.entity';

@Injectable()
export class PlatformSettingsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(PlatformSettingEntity);
  }

  all(): Promise<PlatformSettingEntity[]> {
    return this.repo.find();
  }

  async put(key: string, value: unknown, updatedBy: string): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO platform_settings (key, value, updated_by, updated_at) VALUES ($1, $2::jsonb, $3, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [key, JSON.stringify(value), updatedBy],
    );
  }
}
