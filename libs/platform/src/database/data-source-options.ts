import { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Constructor = Function;

/** The schema a data source works with: every context's entities and migrations (see @kontor/schema). */
export interface SchemaParts {
  entities: MixedList<Constructor | string | EntitySchema>;
  migrations: Constructor[];
}

/** TypeORM options shared by the apps, the CLI, the launcher and the tests; the schema only ever changes by migrations. */
export function dataSourceOptions(url: string, schema: SchemaParts, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: poolSize, connectionTimeoutMillis: 20_000 },
  };
}
