import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relevanceListings } from './relevance-catalogue';

/**
 * Writes relevance-set.json: each query with the listings (by SKU) that must come first, judged
 * from what the buyer meant (`intent`: the words spelt right, a SKU or a category), never from an
 * engine's answer. Grade 2: the title holds every meant word (or it is the SKU); grade 1: the
 * attributes or the category make up the rest. Run after changing the queries or the generator:
 * `node -r @swc-node/register test/search/relevance/build-relevance-set.ts`.
 */
type Kind = 'word' | 'plural' | 'typo' | 'multi-word' | 'attribute' | 'sku' | 'synonym' | 'category' | 'prefix';
interface QuerySpec {
  q: string;
  kind: Kind;
  /** Words as the buyer meant them; each alternative list is OR-ed (synonyms), the lists AND-ed. */
  intent?: Array<string | string[]>;
  sku?: string;
  category?: string;
}

const QUERIES: QuerySpec[] = [
  // Single words.
  { q: 'bearing', kind: 'word', intent: ['bearing'] },
  { q: 'washer', kind: 'word', intent: ['washer'] },
  { q: 'cable', kind: 'word', intent: ['cable'] },
  { q: 'laptop', kind: 'word', intent: ['laptop'] },
  { q: 'pliers', kind: 'word', intent: ['pliers'] },
  { q: 'grinder', kind: 'word', intent: ['grinder'] },
  { q: 'goggles', kind: 'word', intent: ['goggles'] },
  { q: 'disinfectant', kind: 'word', intent: ['disinfectant'] },
  // Plurals and singulars.
  { q: 'bolts', kind: 'plural', intent: ['bolt'] },
  { q: 'glove', kind: 'plural', intent: ['gloves'] },
  { q: 'bearings', kind: 'plural', intent: ['bearing'] },
  { q: 'cables', kind: 'plural', intent: ['cable'] },
  { q: 'screws', kind: 'plural', intent: ['screw'] },
  { q: 'nuts', kind: 'plural', intent: ['nut'] },
  { q: 'envelope', kind: 'plural', intent: ['envelopes'] },
  { q: 'drills', kind: 'plural', intent: ['drill'] },
  // Typos: a letter missing, doubled, swapped, wrong.
  { q: 'blots', kind: 'typo', intent: ['bolt'] },
  { q: 'bering', kind: 'typo', intent: ['bearing'] },
  { q: 'hydraulik hose', kind: 'typo', intent: ['hydraulic', 'hose'] },
  { q: 'galvanised', kind: 'typo', intent: ['galvanized'] },
  { q: 'stainles steel tube', kind: 'typo', intent: ['stainless', 'steel', 'tube'] },
  { q: 'nitirle gloves', kind: 'typo', intent: ['nitrile', 'gloves'] },
  { q: 'cordles drill', kind: 'typo', intent: ['cordless', 'drill'] },
  { q: 'angel grinder', kind: 'typo', intent: ['angle', 'grinder'] },
  { q: 'torqe wrench', kind: 'typo', intent: ['torque', 'wrench'] },
  { q: 'presure gauge', kind: 'typo', intent: ['pressure', 'gauge'] },
  { q: 'floodlihgt', kind: 'typo', intent: ['floodlight'] },
  { q: 'warehousnig', kind: 'typo', intent: ['warehousing'] },
  { q: 'hex blt', kind: 'typo', intent: ['hex', 'bolt'] },
  { q: 'keybaord', kind: 'typo', intent: ['keyboard'] },
  { q: 'polycarbonat', kind: 'typo', intent: ['polycarbonate'] },
  { q: 'scredriver set', kind: 'typo', intent: ['screwdriver', 'set'] },
  // Several words.
  { q: 'hex bolt stainless', kind: 'multi-word', intent: ['hex', 'bolt', 'stainless'] },
  { q: 'deep groove ball bearing', kind: 'multi-word', intent: ['deep', 'groove', 'ball', 'bearing'] },
  { q: 'nitrile work gloves', kind: 'multi-word', intent: ['nitrile', 'work', 'gloves'] },
  { q: 'copy paper a4', kind: 'multi-word', intent: ['copy', 'paper', 'a4'] },
  { q: 'led high bay', kind: 'multi-word', intent: ['led', 'high', 'bay'] },
  { q: 'pallet freight groupage', kind: 'multi-word', intent: ['pallet', 'freight', 'groupage'] },
  { q: 'office chair mesh back', kind: 'multi-word', intent: ['office', 'chair', 'mesh'] },
  { q: 'cut resistant gloves leather', kind: 'multi-word', intent: ['cut', 'resistant', 'gloves', 'leather'] },
  { q: 'hydraulic hose two wire braided', kind: 'multi-word', intent: ['hydraulic', 'hose', 'two', 'wire', 'braided'] },
  { q: 'standing desk height adjustable', kind: 'multi-word', intent: ['standing', 'desk', 'height', 'adjustable'] },
  { q: 'forklift training', kind: 'multi-word', intent: ['forklift', 'training'] },
  // Attribute words and codes.
  { q: 'm8', kind: 'attribute', intent: ['m8'] },
  { q: 'hex nut m10', kind: 'attribute', intent: ['hex', 'nut', 'm10'] },
  { q: 'bearing 6204', kind: 'attribute', intent: ['bearing', '6204'] },
  { q: 'ip65 floodlight', kind: 'attribute', intent: ['ip65', 'floodlight'] },
  { q: 'cat6 cable', kind: 'attribute', intent: ['cat6', 'cable'] },
  { q: '18v drill', kind: 'attribute', intent: ['18v', 'drill'] },
  { q: 'din 933', kind: 'attribute', intent: ['din', '933'] },
  { q: 'brass m12', kind: 'attribute', intent: ['brass', 'm12'] },
  { q: '316l', kind: 'attribute', intent: ['316l'] },
  // SKU lookups.
  { q: 'BN-17', kind: 'sku', sku: 'BN-17' },
  { q: 'BN-250', kind: 'sku', sku: 'BN-250' },
  { q: 'bn 401', kind: 'sku', sku: 'BN-401' },
  { q: 'BN-1499', kind: 'sku', sku: 'BN-1499' },
  // Operators' synonyms (RELEVANCE_SYNONYMS).
  { q: 'inox bolt', kind: 'synonym', intent: [['inox', 'stainless'], 'bolt'] },
  { q: 'inox tube', kind: 'synonym', intent: [['inox', 'stainless'], 'tube'] },
  { q: 'torque spanner', kind: 'synonym', intent: ['torque', ['spanner', 'wrench']] },
  { q: 'mini computer', kind: 'synonym', intent: ['mini', ['computer', 'pc']] },
  // Categories.
  { q: 'gloves', kind: 'category', category: 'industrial/safety/gloves', intent: ['gloves'] },
  { q: 'screw', kind: 'category', category: 'industrial/fasteners/bolts', intent: ['screw'] },
  { q: 'logistics', kind: 'category', category: 'services/logistics' },
  { q: 'lighting', kind: 'category', category: 'industrial/electrical/lighting' },
  { q: 'packaging', kind: 'category', category: 'industrial/packaging' },
  // The word still being typed.
  { q: 'hydra', kind: 'prefix', intent: ['hydraulic'] },
  { q: 'torque wre', kind: 'prefix', intent: ['torque', 'wrench'] },
  { q: 'disinf', kind: 'prefix', intent: ['disinfectant'] },
];

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const stem = (w: string) => (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w) ? w.slice(0, -1) : w);
const has = (text: string[], word: string) => text.some((t) => t === word || stem(t) === stem(word));
const holds = (text: string[], intent: Array<string | string[]>) => intent.every((part) => (Array.isArray(part) ? part : [part]).some((alt) => alt.split(' ').every((w) => has(text, w))));

function judge(spec: QuerySpec): Record<string, number> {
  const grades: Record<string, number> = {};
  for (const l of relevanceListings()) {
    const content = l.content as { title: string; attributes: Record<string, string> };
    const title = words(content.title);
    const all = [...title, ...words(Object.values(content.attributes).join(' '))];
    let grade = 0;
    if (spec.sku) grade = l.sku === spec.sku ? 2 : 0;
    else if (spec.category) {
      if (l.categoryPath === spec.category || l.categoryPath.startsWith(`${spec.category}/`)) grade = spec.intent && holds(title, spec.intent) ? 2 : 1;
    } else if (spec.intent) grade = holds(title, spec.intent) ? 2 : holds(all, spec.intent) ? 1 : 0;
    if (grade > 0) grades[l.sku] = grade;
  }
  return grades;
}

const set = QUERIES.map((spec) => ({ q: spec.q, kind: spec.kind, relevant: judge(spec) }));
const empty = set.filter((s) => Object.keys(s.relevant).length === 0);
if (empty.length) throw new Error(`queries without a relevant listing: ${empty.map((s) => s.q).join(', ')}`);
writeFileSync(join(__dirname, 'relevance-set.json'), `${JSON.stringify(set, null, 1)}\n`);
for (const s of set) console.log(`${s.kind.padEnd(10)} ${s.q.padEnd(36)} ${Object.keys(s.relevant).length} relevant`);
console.log(`${set.length} queries`);
