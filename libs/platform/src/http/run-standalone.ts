import { ConfigError, loadConfig } from '../config/kontor-config';
import { AppDefinition } from './app-definition';
import { createHttpApp } from './create-http-app';

/** Starts one app alone in this process (production-style), on its configured port. */
export async function runStandalone(definition: AppDefinition): Promise<void> {
  try {
    const config = loadConfig(process.env);
    if (!config.databaseUrl) throw new ConfigError('Invalid configuration: DATABASE_URL is required to start one app alone (npm start runs the embedded database)');
    const app = await createHttpApp(definition, { shutdownHooks: true });
    await app.listen({ port: config.ports[definition.app], host: config.host });
    console.log(`Kontor ${definition.app} app listening on ${await app.getUrl()} (docs at /docs)`);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
