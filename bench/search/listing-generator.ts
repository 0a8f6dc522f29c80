import { randomUUID } from 'node:crypto';

/** Deterministic PRNG (mulberry32) so every run loads the same catalogue. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Family {
  path: string;
  kind: 'good' | 'service';
  nouns: string[];
  qualifiers: string[];
  materials: string[];
  sizes: string[];
  certifications: string[];
  unit: string;
  priceRange: [number, number];
}

export const FAMILIES: Family[] = [
  { path: 'industrial/fasteners/bolts', kind: 'good', nouns: ['hex bolt', 'carriage bolt', 'socket screw', 'wood screw', 'machine screw', 'eye bolt', 'flange bolt', 'threaded rod'], qualifiers: ['DIN 933', 'DIN 912', 'ISO 4017', 'full thread', 'partial thread', 'heavy duty'], materials: ['stainless steel A2', 'stainless steel A4', 'galvanized steel', 'zinc plated steel', 'brass', 'titanium'], sizes: ['M4', 'M5', 'M6', 'M8', 'M10', 'M12', 'M16', 'M20'], certifications: ['ISO 9001', 'CE', 'RoHS'], unit: 'piece', priceRange: [5, 400] },
  { path: 'industrial/fasteners/nuts-washers', kind: 'good', nouns: ['hex nut', 'lock nut', 'flat washer', 'spring washer', 'wing nut', 'cap nut'], qualifiers: ['DIN 934', 'DIN 125', 'nylon insert', 'self locking'], materials: ['stainless steel A2', 'galvanized steel', 'brass', 'nylon'], sizes: ['M4', 'M6', 'M8', 'M10', 'M12'], certifications: ['ISO 9001', 'RoHS'], unit: 'piece', priceRange: [2, 80] },
  { path: 'industrial/tools/power-tools', kind: 'good', nouns: ['cordless drill', 'angle grinder', 'impact driver', 'circular saw', 'rotary hammer', 'jigsaw'], qualifiers: ['brushless', '18V', '230V', 'professional', 'compact'], materials: ['with battery', 'without battery', 'with case'], sizes: ['125 mm', '150 mm', '2 Ah', '5 Ah'], certifications: ['CE', 'GS', 'UKCA'], unit: 'piece', priceRange: [4900, 59900] },
  { path: 'industrial/tools/hand-tools', kind: 'good', nouns: ['torque wrench', 'combination spanner set', 'screwdriver set', 'pliers', 'socket set', 'hammer'], qualifiers: ['insulated VDE', 'chrome vanadium', 'professional', 'ergonomic'], materials: ['steel', 'chrome vanadium steel', 'fibreglass handle'], sizes: ['12 piece', '24 piece', '1/2 inch', '3/8 inch'], certifications: ['GS', 'VDE'], unit: 'set', priceRange: [900, 24900] },
  { path: 'industrial/safety/gloves', kind: 'good', nouns: ['work gloves', 'cut resistant gloves', 'disposable gloves', 'chemical gloves', 'welding gloves'], qualifiers: ['cut level 5', 'cut level C', 'powder free', 'touchscreen', 'winter lined'], materials: ['nitrile', 'latex', 'leather', 'PU coated', 'aramid'], sizes: ['size 8', 'size 9', 'size 10', 'size 11'], certifications: ['EN 388', 'EN 374', 'CE'], unit: 'pair', priceRange: [30, 1500] },
  { path: 'industrial/safety/eyewear', kind: 'good', nouns: ['safety glasses', 'safety goggles', 'face shield', 'welding helmet'], qualifiers: ['anti fog', 'anti scratch', 'UV400', 'auto darkening'], materials: ['polycarbonate', 'clear lens', 'tinted lens'], sizes: ['one size', 'adjustable'], certifications: ['EN 166', 'CE', 'ANSI Z87'], unit: 'piece', priceRange: [150, 9000] },
  { path: 'industrial/hydraulics', kind: 'good', nouns: ['hydraulic hose', 'hydraulic fitting', 'pneumatic cylinder', 'ball valve', 'pressure gauge', 'quick coupling'], qualifiers: ['two wire braided', 'high pressure', 'DN10', 'DN16', 'BSP thread'], materials: ['steel', 'stainless steel', 'brass', 'rubber'], sizes: ['1/4 inch', '3/8 inch', '1/2 inch', '250 bar', '400 bar'], certifications: ['ISO 9001', 'CE', 'ATEX'], unit: 'piece', priceRange: [300, 45000] },
  { path: 'industrial/bearings', kind: 'good', nouns: ['deep groove ball bearing', 'tapered roller bearing', 'pillow block bearing', 'linear bearing', 'needle bearing'], qualifiers: ['sealed 2RS', 'open', 'shielded ZZ', 'high speed'], materials: ['chrome steel', 'stainless steel', 'ceramic'], sizes: ['6204', '6205', '6305', '30206', 'UCP205'], certifications: ['ISO 9001', 'IATF 16949'], unit: 'piece', priceRange: [120, 12000] },
  { path: 'industrial/electrical/cables', kind: 'good', nouns: ['power cable', 'control cable', 'network cable', 'welding cable', 'solar cable'], qualifiers: ['halogen free', 'shielded', 'flexible', 'outdoor', 'Cat6'], materials: ['copper', 'PVC insulated', 'rubber sheathed'], sizes: ['3x1.5 mm2', '5x2.5 mm2', '100 m', '50 m'], certifications: ['VDE', 'CE', 'RoHS', 'UL'], unit: 'meter', priceRange: [40, 2500] },
  { path: 'industrial/electrical/lighting', kind: 'good', nouns: ['LED high bay', 'LED floodlight', 'LED panel', 'emergency light', 'LED tube'], qualifiers: ['dimmable', 'IP65', 'IP66', '5000K', '4000K'], materials: ['aluminium housing', 'polycarbonate'], sizes: ['100 W', '150 W', '200 W', '600x600'], certifications: ['CE', 'RoHS', 'ENEC'], unit: 'piece', priceRange: [1500, 30000] },
  { path: 'industrial/packaging', kind: 'good', nouns: ['corrugated box', 'stretch film', 'pallet wrap', 'bubble wrap', 'packing tape', 'euro pallet'], qualifiers: ['double wall', 'single wall', 'recycled', 'heavy duty'], materials: ['cardboard', 'polyethylene', 'wood', 'kraft paper'], sizes: ['400x300x200', '500 mm', '1200x800'], certifications: ['FSC', 'ISPM 15'], unit: 'piece', priceRange: [20, 2500] },
  { path: 'industrial/raw-materials/metals', kind: 'good', nouns: ['steel sheet', 'aluminium plate', 'stainless steel tube', 'copper bar', 'steel beam'], qualifiers: ['cold rolled', 'hot rolled', 'brushed', 'annealed'], materials: ['S235', 'S355', '304', '316L', '6061'], sizes: ['2 mm', '5 mm', '10 mm', '1000x2000'], certifications: ['EN 10204 3.1', 'ISO 9001'], unit: 'kg', priceRange: [150, 2500] },
  { path: 'office/paper', kind: 'good', nouns: ['copy paper', 'printer paper', 'notebook', 'envelopes', 'sticky notes'], qualifiers: ['bright white', 'recycled', 'premium', 'laser and inkjet'], materials: ['80 gsm', '90 gsm', '100 gsm'], sizes: ['A4', 'A3', 'letter'], certifications: ['FSC', 'PEFC', 'EU Ecolabel'], unit: 'ream', priceRange: [250, 1200] },
  { path: 'office/furniture', kind: 'good', nouns: ['office chair', 'standing desk', 'filing cabinet', 'conference table', 'bookshelf'], qualifiers: ['ergonomic', 'height adjustable', 'lockable', 'mesh back'], materials: ['steel frame', 'oak veneer', 'white laminate'], sizes: ['120x80', '160x80', '3 drawer'], certifications: ['GS', 'FSC'], unit: 'piece', priceRange: [5900, 89000] },
  { path: 'office/it-equipment/computers', kind: 'good', nouns: ['business laptop', 'desktop PC', 'mini PC', 'workstation', 'thin client'], qualifiers: ['16 GB RAM', '32 GB RAM', '512 GB SSD', 'Windows 11 Pro'], materials: ['Intel Core i5', 'Intel Core i7', 'AMD Ryzen 7'], sizes: ['14 inch', '15.6 inch', '13 inch'], certifications: ['Energy Star', 'TCO Certified', 'EPEAT'], unit: 'piece', priceRange: [49900, 249900] },
  { path: 'office/it-equipment/peripherals', kind: 'good', nouns: ['wireless mouse', 'keyboard', 'USB-C dock', 'monitor', 'headset'], qualifiers: ['ergonomic', 'bluetooth', 'noise cancelling', '4K'], materials: ['black', 'grey'], sizes: ['24 inch', '27 inch', 'full size'], certifications: ['CE', 'RoHS', 'TCO Certified'], unit: 'piece', priceRange: [900, 59900] },
  { path: 'office/cleaning', kind: 'good', nouns: ['hand soap', 'disinfectant', 'paper towels', 'floor cleaner', 'trash bags'], qualifiers: ['eco', 'refill', 'unscented', 'industrial strength'], materials: ['5 L', '1 L', '500 ml'], sizes: ['pack of 6', 'pack of 12'], certifications: ['EU Ecolabel', 'Nordic Swan'], unit: 'pack', priceRange: [200, 5000] },
  { path: 'services/logistics', kind: 'service', nouns: ['pallet freight', 'express courier', 'container shipping', 'warehousing', 'customs clearance'], qualifiers: ['next day', 'full truck load', 'groupage', 'temperature controlled'], materials: ['Germany to Poland', 'EU wide', 'Benelux', 'Nordics'], sizes: ['up to 1000 kg', 'per pallet'], certifications: ['ISO 9001', 'AEO', 'TAPA'], unit: 'shipment', priceRange: [5000, 250000] },
  { path: 'services/maintenance', kind: 'service', nouns: ['machine maintenance', 'HVAC servicing', 'forklift repair', 'electrical inspection', 'compressor service'], qualifiers: ['24/7', 'preventive', 'on site', 'certified'], materials: ['industrial plants', 'offices', 'warehouses'], sizes: ['per visit', 'annual contract'], certifications: ['ISO 9001', 'SCC'], unit: 'visit', priceRange: [8000, 150000] },
  { path: 'services/engineering', kind: 'service', nouns: ['CAD design', 'FEM analysis', 'PLC programming', 'product design', 'prototyping'], qualifiers: ['SolidWorks', 'Siemens TIA', 'rapid', 'turnkey'], materials: ['mechanical', 'electrical', 'automation'], sizes: ['per hour', 'per project'], certifications: ['ISO 9001'], unit: 'hour', priceRange: [6000, 15000] },
  { path: 'services/it', kind: 'service', nouns: ['managed IT support', 'cloud migration', 'network installation', 'cybersecurity audit', 'software development'], qualifiers: ['24/7', 'remote', 'on site', 'ISO 27001'], materials: ['SMB', 'enterprise'], sizes: ['per user', 'per day'], certifications: ['ISO 27001', 'SOC 2'], unit: 'day', priceRange: [40000, 150000] },
  { path: 'services/training', kind: 'service', nouns: ['forklift training', 'first aid course', 'welding certification', 'safety training', 'Excel course'], qualifiers: ['on site', 'online', 'certified', 'intensive'], materials: ['English', 'German', 'Polish'], sizes: ['1 day', '3 days'], certifications: ['IOSH', 'DGUV'], unit: 'participant', priceRange: [9000, 90000] },
];

const COUNTRIES = ['DE', 'DE', 'DE', 'PL', 'CZ', 'IT', 'FR', 'NL', 'AT', 'ES', 'SE', 'DK', 'BE', 'HU'];
const CURRENCY_BY_COUNTRY: Record<string, string> = { PL: 'PLN', CZ: 'CZK', SE: 'SEK', DK: 'DKK', HU: 'HUF' };

export interface GeneratedListing {
  id: string;
  supplierCompanyId: string;
  sku: string;
  categoryPath: string;
  content: Record<string, unknown>;
}

/** `count` realistic listings spread over the suppliers (varied titles, attributes, prices, tiers). */
export function* generateListings(count: number, suppliers: string[], categoryIds: Map<string, string>, seed = 42): Generator<GeneratedListing> {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  for (let i = 0; i < count; i++) {
    const f = FAMILIES[Math.floor(rnd() * FAMILIES.length)];
    const noun = pick(f.nouns);
    const qualifier = pick(f.qualifiers);
    const material = pick(f.materials);
    const size = pick(f.sizes);
    const country = pick(COUNTRIES);
    const currency = rnd() < 0.8 ? 'EUR' : CURRENCY_BY_COUNTRY[country] ?? 'EUR';
    const base = Math.round(f.priceRange[0] + rnd() * (f.priceRange[1] - f.priceRange[0]));
    const moq = f.kind === 'service' ? 1 : pick([1, 1, 5, 10, 50, 100, 500]);
    const tiers = [{ minQuantity: 1, unitPrice: base }];
    if (rnd() < 0.7) tiers.push({ minQuantity: moq * 10, unitPrice: Math.max(1, Math.round(base * 0.92)) });
    if (rnd() < 0.4) tiers.push({ minQuantity: moq * 100, unitPrice: Math.max(1, Math.round(base * 0.85)) });
    const certs = f.certifications.filter(() => rnd() < 0.45);
    const title = `${noun[0].toUpperCase()}${noun.slice(1)} ${size} ${material} ${qualifier}`;
    yield {
      id: randomUUID(),
      supplierCompanyId: suppliers[Math.floor(rnd() * suppliers.length)],
      sku: `BN-${i}`,
      categoryPath: f.path,
      content: {
        title,
        description: `${title}. ${pick(['Fast dispatch from our warehouse.', 'Made to order in our own plant.', 'Trusted by industrial customers across Europe.', 'Bulk discounts on request.', 'Full documentation and certificates included.'])} ${qualifier} ${noun} in ${material}, ${size}.`,
        kind: f.kind,
        categoryId: categoryIds.get(f.path),
        attributes: { material, size, variant: qualifier },
        unit: f.unit,
        moq,
        currency,
        priceTiers: tiers,
        leadTimeDays: f.kind === 'service' ? pick([1, 2, 5, 10]) : pick([1, 2, 3, 5, 7, 14, 21, 30]),
        availability: f.kind === 'service' ? 'made_to_order' : rnd() < 0.6 ? 'in_stock' : 'made_to_order',
        pricingUnit: f.kind === 'service' ? pick(['hour', 'day', 'project']) : null,
        dispatchCountry: country,
        dispatchRegion: null,
        imageUrls: [],
        certifications: certs,
      },
    };
  }
}

/** The fixed query mix: single words, phrases, typos, prefixes, filters, facets/browse, sorts. */
export const QUERY_MIX: string[] = [
  'q=bolt',
  'q=gloves',
  'q=cable',
  'q=bearing',
  'q=laptop',
  'q=freight',
  'q=hex%20bolt%20stainless',
  'q=nitrile%20work%20gloves',
  'q=copy%20paper%20A4',
  'q=hydraulic%20hose%20250%20bar',
  'q=hydraulik',
  'q=stainles%20steel',
  'q=galvanised',
  'q=bering',
  'q=hydra',
  'q=carri',
  'q=lapt',
  'q=disinf',
  'q=bolt&category=industrial/fasteners',
  'q=gloves&certification=EN%20388',
  'q=cable&maxPrice=500&currency=EUR',
  'q=bearing&country=DE&maxLeadTime=7',
  'kind=service&country=PL',
  'category=office/it-equipment&verifiedOnly=true',
  'category=services/logistics&sort=price_asc',
  'q=screw&sort=price_asc&quantity=1000',
  'q=led&maxMoq=10',
  'category=industrial/safety&page=2',
];

/** Keystrokes of buyers typing (each prefix as the UI would send it), for GET /search/suggest. */
export const SUGGEST_MIX: string[] = ['b', 'bo', 'bol', 'hex b', 'hex bolt m', 'g', 'gl', 'glov', 'nitrile w', 'hyd', 'hydraulic h', 'ca', 'cab', 'l', 'lap', 'fre', 'st', 'stainless s', 'm8', 'dis', 'co', 'copy p', 'saf', 'led'];
