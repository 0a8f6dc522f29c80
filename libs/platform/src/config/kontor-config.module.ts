import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { KontorConfig, loadConfig } from './kontor-config';

/** Injection token for the parsed KontorConfig. */
export const KONTOR_CONFIG = Symbol('KONTOR_CONFIG');

@Global()
@Module({})
export class KontorConfigModule {
  /** Parses the environment (plus overrides, used by tests and the launcher) once for the app. */
  static forRoot(overrides: Record<string, string | undefined> = {}): DynamicModule {
    const config: KontorConfig = loadConfig({ ...process.env, ...overrides });
    return {
      module: KontorConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ kontor: config })] })],
      providers: [{ provide: KONTOR_CONFIG, useValue: config }],
      exports: [KONTOR_CONFIG],
    };
  }
}
