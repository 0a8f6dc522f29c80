import 'reflect-metadata';
import { runStandalone } from '@kontor/platform';
import { buyerApp } from './buyer.module';

void runStandalone(buyerApp);
