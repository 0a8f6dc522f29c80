import 'reflect-metadata';
import { runStandalone } from '@kontor/platform';
import { adminApp } from './admin.module';

void runStandalone(adminApp);
