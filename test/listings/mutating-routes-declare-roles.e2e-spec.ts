import { describe, it } from 'node:test';
import { expect } from 'expect';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { OPERATOR_ROLES_KEY, ROLES_KEY } from '@kontor/platform';
import { ListingsController } from '../../apps/supplier/src/controllers/listings.controller';
import { PriceListsController } from '../../apps/supplier/src/controllers/price-lists.controller';
import { ModerationController } from '../../apps/admin/src/controllers/moderation.controller';
import { CategoriesController } from '../../apps/admin/src/controllers/categories.controller';
import { PlatformSettingsController } from '../../apps/admin/src/controllers/platform-settings.controller';

function mutatingHandlers(controller: { prototype: object }): Array<{ name: string; handler: object }> {
  const proto = controller.prototype as unknown as Record<string, object>;
  return Object.getOwnPropertyNames(proto)
    .filter((name) => name !== 'constructor' && Reflect.getMetadata(PATH_METADATA, proto[name]) !== undefined)
    .filter((name) => Reflect.getMetadata(METHOD_METADATA, proto[name]) !== RequestMethod.GET)
    .map((name) => ({ name, handler: proto[name] }));
}

describe('listings routes declare who may mutate', () => {
  for (const controller of [ListingsController, PriceListsController]) {
    it(`every mutating route of supplier ${controller.name} declares @Roles`, () => {
      const handlers = mutatingHandlers(controller);
      expect(handlers.length).toBeGreaterThan(0);
      for (const { name, handler } of handlers) expect({ name, roles: Reflect.getMetadata(ROLES_KEY, handler) }).toEqual({ name, roles: expect.any(Array) });
    });
  }
  for (const controller of [ModerationController, CategoriesController, PlatformSettingsController]) {
    it(`every route of admin ${controller.name} declares @OperatorRoles`, () => {
      const proto = controller.prototype as unknown as Record<string, object>;
      const names = Object.getOwnPropertyNames(proto).filter((n) => n !== 'constructor');
      for (const name of names) expect({ name, roles: Reflect.getMetadata(OPERATOR_ROLES_KEY, proto[name]) }).toEqual({ name, roles: expect.any(Array) });
    });
  }
});
