import { Injectable } from '@nestjs/common';
import { OperatorActor, TransactionRunner } from '@kontor/platform';
import { ListingOutbox } from './listing-outbox';
import { PlatformSettingsRepository } from './platform-settings.repository';

/** Marketplace-wide switches operators may change. */
export interface PlatformSettings {
  /** Whether listings of suppliers not (yet) verified are shown to buyers. */
  allowUnverifiedSuppliers: boolean;
}

const DEFAULTS: PlatformSettings = { allowUnverifiedSuppliers: false };

/** The settings stored as platform_settings rows, defaults for what is not stored. */
export function platformSettingsFrom(rows: Array<{ key: string; value: unknown }>): PlatformSettings {
  const result = { ...DEFAULTS };
  for (const row of rows) {
    if (row.key === 'allowUnverifiedSuppliers' && typeof row.value === 'boolean') result.allowUnverifiedSuppliers = row.value;
  }
  return result;
}

@Injectable()
export class PlatformSettingsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly settings: PlatformSettingsRepository,
    private readonly outbox: ListingOutbox,
  ) {}

  async get(): Promise<PlatformSettings> {
    return platformSettingsFrom(await this.settings.all());
  }

  /** Changes the named settings; a visibility change re-evaluates every listing in search. */
  update(operator: OperatorActor, patch: Partial<PlatformSettings>): Promise<PlatformSettings> {
    return this.tx.run(async () => {
      const before = await this.get();
      if (patch.allowUnverifiedSuppliers !== undefined) await this.settings.put('allowUnverifiedSuppliers', patch.allowUnverifiedSuppliers, operator.userId);
      const after = await this.get();
      if (before.allowUnverifiedSuppliers !== after.allowUnverifiedSuppliers) await this.outbox.everythingChanged();
      return after;
    });
  }
}
