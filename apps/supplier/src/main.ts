import 'reflect-metadata';
import { runStandalone } from '@kontor/platform';
import { supplierApp } from './supplier.module';

void runStandalone(supplierApp);
