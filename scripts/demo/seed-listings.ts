import { CategoriesService, ListingModerationService, ListingsService, PriceListsService } from '@kontor/listings';
import type { DemoContext } from './demo-context';

type Row = [title: string, category: string, unit: string, moq: number, tiers: Array<[number, number]>, lead: number, extra?: Record<string, unknown>];

/** Per supplier (same order as seed-accounts): a small, searchable catalogue. */
const CATALOGUES: Array<{ country: string; currency: string; rows: Row[] }> = [
  {
    country: 'DE',
    currency: 'EUR',
    rows: [
      ['Hex bolt M8 x 40 stainless steel A2 DIN 933', 'industrial/fasteners/bolts', 'piece', 100, [[1, 25], [1000, 20], [10000, 16]], 3, { attributes: { material: 'stainless steel A2', thread: 'M8', length_mm: '40', standard: 'DIN 933' }, certifications: ['ISO 9001'], stockCount: 250000 }],
      ['Hex nut M8 stainless steel A2 DIN 934', 'industrial/fasteners/nuts-washers', 'piece', 100, [[1, 6], [5000, 4]], 3, { attributes: { material: 'stainless steel A2', thread: 'M8', standard: 'DIN 934' }, certifications: ['ISO 9001'], stockCount: 400000 }],
      ['Carriage bolt M10 x 60 galvanized', 'industrial/fasteners/bolts', 'piece', 250, [[1, 38], [2500, 32]], 5, { attributes: { material: 'steel', thread: 'M10', finish: 'hot-dip galvanized' }, certifications: ['CE'] }],
      ['Nitrile work gloves cut level C, size 9', 'industrial/safety/gloves', 'pair', 12, [[1, 290], [120, 240], [1200, 210]], 2, { attributes: { size: '9', cut_level: 'C', material: 'nitrile coated HPPE' }, certifications: ['EN 388', 'CE'], stockCount: 8000 }],
      ['Deep groove ball bearing 6204-2RS', 'industrial/bearings', 'piece', 10, [[1, 310], [100, 260]], 4, { attributes: { bore_mm: '20', outer_diameter_mm: '47', seal: '2RS' }, certifications: ['ISO 9001'] }],
    ],
  },
  {
    country: 'FR',
    currency: 'EUR',
    rows: [
      ['A4 copy paper 80 gsm, bright white, 500 sheets', 'office/paper', 'ream', 5, [[1, 420], [100, 380], [1000, 345]], 2, { attributes: { format: 'A4', grammage_gsm: '80', color: 'white' }, certifications: ['FSC', 'EU Ecolabel'], stockCount: 20000 }],
      ['Ergonomic office chair with mesh back', 'office/furniture', 'piece', 1, [[1, 18900], [10, 16900]], 10, { attributes: { material: 'mesh and steel', color: 'black' }, certifications: ['GS'] }],
      ['Business laptop 14 inch, 16 GB RAM, 512 GB SSD', 'office/it-equipment/computers', 'piece', 1, [[1, 89900], [20, 84900]], 7, { attributes: { cpu: 'Intel Core i5', ram_gb: '16', storage_gb: '512', screen_inch: '14' }, certifications: ['Energy Star', 'TCO Certified'] }],
      ['Hand soap refill 5 L, unscented', 'office/cleaning', 'canister', 4, [[1, 1290], [40, 1090]], 3, { attributes: { volume_l: '5', scent: 'none' }, certifications: ['EU Ecolabel'] }],
    ],
  },
  {
    country: 'EE',
    currency: 'EUR',
    rows: [
      ['Pallet freight Baltics to Germany, groupage', 'services/logistics', 'pallet', 1, [[1, 18500], [10, 16500]], 4, { kind: 'service', pricingUnit: 'project', attributes: { mode: 'road', coverage: 'EE-LV-LT-PL-DE' }, certifications: ['ISO 9001'] }],
      ['Preventive maintenance for CNC machines, on site', 'services/maintenance', 'hour', 4, [[1, 8900]], 5, { kind: 'service', pricingUnit: 'hour', attributes: { coverage: 'Baltics, Finland', response_time_h: '24' }, certifications: ['ISO 9001'] }],
      ['PLC programming (Siemens TIA Portal)', 'services/engineering', 'hour', 8, [[1, 7500], [80, 6900]], 10, { kind: 'service', pricingUnit: 'hour', attributes: { discipline: 'automation', software: 'TIA Portal', languages: 'EN, ET, RU' } }],
    ],
  },
];

/** Publishes the demo catalogue (created, submitted and approved like real listings) and one customer price list. */
export async function seedListings(ctx: DemoContext): Promise<void> {
  const listings = ctx.apps.supplier.get(ListingsService);
  const moderation = ctx.apps.admin.get(ListingModerationService);
  const categories = new Map((await ctx.apps.supplier.get(CategoriesService).list()).map((c) => [c.path, c.id]));
  const created: string[][] = [];
  for (const [i, catalogue] of CATALOGUES.entries()) {
    const supplier = ctx.suppliers[i];
    if (!supplier) break;
    const ids: string[] = [];
    for (const [n, [title, category, unit, moq, tiers, lead, extra]] of catalogue.rows.entries()) {
      const { stockCount, ...rest } = extra ?? {};
      const listing = await listings.create(supplier.actor, {
        sku: `DEMO-${i + 1}-${n + 1}`,
        title,
        description: `${title}. Demo listing of ${supplier.name}.`,
        kind: 'good',
        categoryId: categories.get(category)!,
        unit,
        moq,
        currency: catalogue.currency,
        priceTiers: tiers.map(([minQuantity, unitPrice]) => ({ minQuantity, unitPrice })),
        leadTimeDays: lead,
        availability: stockCount ? 'in_stock' : 'made_to_order',
        stockCount: (stockCount as number | undefined) ?? null,
        dispatchCountry: catalogue.country,
        ...rest,
      });
      await listings.submit(supplier.actor, listing.id);
      await moderation.approve(ctx.operator, listing.id);
      ids.push(listing.id);
    }
    created.push(ids);
  }
  const buyer = ctx.buyers[0];
  if (buyer && created[0]?.length) {
    await ctx.apps.supplier.get(PriceListsService).create(ctx.suppliers[0].actor, {
      buyerCompanyId: buyer.actor.companyId,
      name: 'Framework agreement 2026',
      entries: [{ listingId: created[0][0], discountBasisPoints: 800 }, { listingId: created[0][3], tiers: [{ minQuantity: 1, unitPrice: 230 }] }],
    });
  }
}
