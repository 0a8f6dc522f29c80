export * from './api-error';
export * from './client';
export * from './idempotency';
export * from './session';
