import { describe, it } from 'node:test';
import { expect } from 'expect';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { adminApp } from '../../apps/admin/src/admin.module';
import { buyerApp } from '../../apps/buyer/src/buyer.module';
import { supplierApp } from '../../apps/supplier/src/supplier.module';
import { OPERATOR_ROLES_KEY, PUBLIC_KEY, ROLES_KEY } from '@kontor/platform';

type Route = { app: string; controller: string; handler: string; method: RequestMethod; metadata: (key: string) => unknown };

function routes(): Route[] {
  const found: Route[] = [];
  for (const definition of [buyerApp, supplierApp, adminApp]) {
    for (const controller of (definition.module({}).controllers ?? []) as Array<new (...args: never[]) => object>) {
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name as keyof object] as unknown as object;
        if (name === 'constructor' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        found.push({
          app: definition.app,
          controller: controller.name,
          handler: name,
          method: Reflect.getMetadata(METHOD_METADATA, handler),
          metadata: (key) => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller),
        });
      }
    }
  }
  return found;
}

describe('route access declarations', () => {
  it('finds the routes of all three apps', () => {
    expect(routes().length).toBeGreaterThan(20);
  });

  it('declares roles on every mutating company route (or marks it public)', () => {
    const missing = routes()
      .filter((r) => r.app !== 'admin' && r.method !== RequestMethod.GET)
      .filter((r) => !r.metadata(PUBLIC_KEY) && !r.metadata(ROLES_KEY))
      .map((r) => `${r.app} ${r.controller}.${r.handler}`);
    expect(missing).toEqual([]);
  });

  it('declares operator roles on every mutating admin route (or marks it public)', () => {
    const missing = routes()
      .filter((r) => r.app === 'admin' && r.method !== RequestMethod.GET)
      .filter((r) => !r.metadata(PUBLIC_KEY) && !r.metadata(OPERATOR_ROLES_KEY))
      .map((r) => `${r.controller}.${r.handler}`);
    expect(missing).toEqual([]);
  });
});
