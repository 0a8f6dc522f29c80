import { SignedIn, signInOperator, signUpCompany } from '../support/fixtures';
import type { TestPlatform } from '../support/test-platform';
import { categoryId, goodListing, publishListing, verifyCompany } from '../listings/listing-fixtures';

export interface Catalog {
  supplierA: SignedIn;
  supplierB: SignedIn;
  buyer1: SignedIn;
  buyer2: SignedIn;
  operator: SignedIn;
  ids: Record<'hexBolt' | 'gloves' | 'hose' | 'freight' | 'draft' | 'rejected' | 'carriageBolt' | 'paper', string>;
}

/** Polls until `check` passes (the index is fed asynchronously by the outbox worker). */
export async function eventually<T>(probe: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 200));
    last = await probe();
  }
  return last;
}

export const CSV_HEADER = 'sku,title,description,kind,category,unit,moq,currency,price_tiers,lead_time_days,availability,stock_count,pricing_unit,dispatch_country,dispatch_region,attributes,certifications,image_urls';

/**
 * Two verified suppliers with published goods and a service (created by API and by CSV import),
 * one draft and one rejected listing, two buyers; the first buyer gets a 10% price list on the hex bolt.
 */
export async function seedCatalog(platform: TestPlatform): Promise<Catalog> {
  const operator = await signInOperator(platform, ['superadmin']);
  const supplierA = await signUpCompany(platform, 'supplier', { legalName: 'Bavaria Fasteners GmbH', country: 'DE' });
  const supplierB = await signUpCompany(platform, 'supplier', { legalName: 'Praha Supply s.r.o.', country: 'CZ' });
  const buyer1 = await signUpCompany(platform, 'buyer');
  const buyer2 = await signUpCompany(platform, 'buyer');
  await verifyCompany(platform, operator.token, supplierA.companyId);
  await verifyCompany(platform, operator.token, supplierB.companyId);
  const cat = (path: string) => categoryId(platform, supplierA.token, path);
  const hexBolt = await publishListing(platform, supplierA, operator.token, goodListing(await cat('industrial/fasteners/bolts'), {
    sku: 'HB-M8',
    title: 'Hex bolt M8 x 40 stainless steel A2',
    priceTiers: [{ minQuantity: 1, unitPrice: 2500 }, { minQuantity: 1000, unitPrice: 2000 }],
    moq: 100,
    leadTimeDays: 5,
  }));
  const gloves = await publishListing(platform, supplierA, operator.token, goodListing(await cat('industrial/safety/gloves'), {
    sku: 'GL-5',
    title: 'Nitrile work gloves cut level 5',
    description: 'Cut resistant gloves for sheet metal handling.',
    attributes: { size: '9', cut_level: 'D', material: 'nitrile' },
    priceTiers: [{ minQuantity: 1, unitPrice: 300 }, { minQuantity: 100, unitPrice: 250 }],
    moq: 10,
    leadTimeDays: 3,
    dispatchCountry: 'PL',
    certifications: ['EN 388'],
  }));
  const hose = await publishListing(platform, supplierA, operator.token, goodListing(await cat('industrial/hydraulics'), {
    sku: 'HY-12',
    title: 'Hydraulic hose 1/2 inch 250 bar',
    description: 'Two-wire braided hose for mobile hydraulics.',
    attributes: { pressure_bar: '250', connection: '1/2 inch' },
    priceTiers: [{ minQuantity: 1, unitPrice: 1500 }],
    moq: 1,
    leadTimeDays: 14,
    availability: 'made_to_order',
    stockCount: null,
    dispatchCountry: 'IT',
    certifications: ['ISO 9001', 'CE'],
  }));
  const freight = await publishListing(platform, supplierA, operator.token, goodListing(await cat('services/logistics'), {
    sku: 'SV-FR',
    kind: 'service',
    title: 'Pallet freight Germany to Poland',
    description: 'Full truck load and groupage pallet freight.',
    attributes: { mode: 'road', coverage: 'DE-PL' },
    unit: 'shipment',
    pricingUnit: 'project',
    availability: undefined,
    stockCount: undefined,
    priceTiers: [{ minQuantity: 1, unitPrice: 45000 }],
    moq: 1,
    leadTimeDays: 2,
    certifications: [],
  }));
  const draft = (await platform.supplier.post('/listings', goodListing(await cat('industrial/fasteners/bolts'), { title: 'Titanium bolt prototype' }), { token: supplierA.token })).body.id;
  const rejectedRes = await platform.supplier.post('/listings', goodListing(await cat('industrial/fasteners/bolts'), { title: 'Counterfeit bolt replica' }), { token: supplierA.token });
  const rejected = rejectedRes.body.id;
  await platform.supplier.post(`/listings/${rejected}/submit`, {}, { token: supplierA.token });
  await platform.admin.post(`/moderation/listings/${rejected}/reject`, { reason: 'Replica goods are not allowed' }, { token: operator.token });

  const csv = [
    CSV_HEADER,
    'CB-10,Carriage bolt M10 galvanized,Round head carriage bolts,good,industrial/fasteners/bolts,piece,500,EUR,1:40|5000:35,7,in_stock,100000,,CZ,Bohemia,material=steel;thread=M10;finish=galvanized,CE,',
    'PA-80,A4 copy paper 80gsm,Bright white office paper,good,office/paper,ream,5,EUR,1:450|100:400,1,in_stock,2000,,CZ,,format=A4;grammage_gsm=80,FSC,',
    'BAD-1,Mystery item,,good,office/paper,piece,1,XYZ,1:100,1,in_stock,,,CZ,,,,',
  ].join('\n');
  const imported = await platform.supplier.request('POST', '/listings/import?submit=true', csv, { token: supplierB.token, headers: { 'content-type': 'text/csv' } });
  if (imported.status !== 200 || imported.body.created !== 2) throw new Error(`import failed ${imported.status} ${JSON.stringify(imported.body)}`);
  const [carriageBolt, paper] = imported.body.rows.filter((r: { result: string }) => r.result === 'created').map((r: { listingId: string }) => r.listingId);
  const bulk = await platform.admin.post('/moderation/listings/bulk-approve', { listingIds: [carriageBolt, paper] }, { token: operator.token });
  if (bulk.status !== 200) throw new Error(`bulk approve failed ${JSON.stringify(bulk.body)}`);

  const priceList = await platform.supplier.post(
    '/price-lists',
    { buyerCompanyId: buyer1.companyId, name: 'Framework agreement 2026', entries: [{ listingId: hexBolt, discountBasisPoints: 1000 }] },
    { token: supplierA.token },
  );
  if (priceList.status !== 201) throw new Error(`price list failed ${JSON.stringify(priceList.body)}`);
  return { supplierA, supplierB, buyer1, buyer2, operator, ids: { hexBolt, gloves, hose, freight, draft, rejected, carriageBolt, paper } };
}
