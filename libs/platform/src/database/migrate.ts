import { DataSource } from 'typeorm';
import { dataSourceOptions, SchemaParts } from './data-source-options';

/** Applies pending migrations; returns the names of those it ran. */
export async function runMigrations(url: string, schema: SchemaParts): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url, schema, 2));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
