/**
 * The catalogue of the synthetic city (医保目录 with its 限定支付 knowledge base and item relations), built from
 * the tables in ./catalogue/tables/ (CSV files, read by catalogue/tables.ts, turned into items by
 * catalogue/helpers.ts) and the relations of catalogue/relations.ts. Deterministic: the same items, codes and
 * relations on every call.
 *
 * Code formats (national 医保目录编码 layouts; the made-up parts are derived from the item name):
 * - western drug (西药): 23 characters, `X` + ATC level 4 of the drug (e.g. `A10BA`) + ingredient no.
 *   (letter + 3 digits) + dosage form (`A` + 3 digits) + specification (3 digits) + pack (1 digit) + maker
 *   (5 digits), e.g. `XA10BAE054A001010100001`.
 * - patent Chinese medicine (中成药): 20 characters, `Z` + category (letter + 2 digits + 2 letters) +
 *   prescription no. (letter + 4 digits) + 9 digits, e.g. `ZA04BAL0367010102296`.
 * - herbal piece (中药饮片): `T` + 9 digits.
 * - medical service (医疗服务项目): 15 digits starting `00`: `0011` beds, consultation, ward round, nursing and
 *   registration (registration may also use `0012`), `0021` examinations, `0025` laboratory tests, `0031`
 *   treatments, `0033` operations, `0019` other medical charges.
 * - medical material (医用耗材): `C` + 20 digits.
 * - non-medical goods (非医保商品): `QT` + 10 digits.
 */
import type { Catalogue, CatalogueItem, ChargeType, Relation } from './model.js';
import { goods, herbs, materials, patentMedicines, services, westernDrugs } from './catalogue/helpers.js';
import { BUNDLES, EXCLUSIVE_PAIRS } from './catalogue/relations.js';
import { HERBS, MATERIALS, NON_MEDICAL, PATENT_MEDICINES, readTable, SERVICES, WESTERN_DRUGS } from './catalogue/tables.js';

/** Code format per kind of item (see the module comment). */
export const CODE_FORMATS = {
  westernDrug: /^X[A-Z]\d{2}[A-Z]{2}[A-Z]\d{3}A\d{3}\d{3}\d\d{5}$/,
  patentMedicine: /^Z[A-Z]\d{2}[A-Z]{2}[A-Z]\d{4}\d{9}$/,
  herbal: /^T\d{9}$/,
  service: /^00\d{13}$/,
  material: /^C\d{20}$/,
  nonMedical: /^QT\d{10}$/,
} as const;

/** Service code prefixes by charge type (med_chrgitm_type). */
export const SERVICE_CODE_PREFIXES: Partial<Record<ChargeType, readonly string[]>> = {
  '01': ['0011'],
  '02': ['0011'],
  '07': ['0011'],
  '12': ['0011'],
  '13': ['0011', '0012'],
  '03': ['0021'],
  '04': ['0025'],
  '05': ['0031'],
  '06': ['0033'],
  '14': ['0019'],
};

/** The code format an item must follow. */
export function codeFormatOf(it: CatalogueItem): RegExp {
  switch (it.listType) {
    case 'drug':
      return it.chargeType === '11' ? CODE_FORMATS.patentMedicine : CODE_FORMATS.westernDrug;
    case 'herbal':
      return CODE_FORMATS.herbal;
    case 'service':
      return CODE_FORMATS.service;
    case 'material':
      return CODE_FORMATS.material;
    case 'non_medical':
      return CODE_FORMATS.nonMedical;
  }
}

let cached: Catalogue | null = null;

export function buildCatalogue(): Catalogue {
  if (cached) return cached;
  const items: CatalogueItem[] = [
    ...westernDrugs(readTable(WESTERN_DRUGS)),
    ...patentMedicines(readTable(PATENT_MEDICINES)),
    ...herbs(readTable(HERBS)),
    ...services(readTable(SERVICES)),
    ...materials(readTable(MATERIALS)),
    ...goods(readTable(NON_MEDICAL)),
  ];
  const byName = new Map<string, string>();
  for (const it of items) {
    if (byName.has(it.name)) throw new Error(`duplicate catalogue name: ${it.name}`);
    byName.set(it.name, it.code);
  }
  const code = (name: string): string => {
    const c = byName.get(name);
    if (!c) throw new Error(`relation names an unknown item: ${name}`);
    return c;
  };
  const relations: Relation[] = [];
  for (const [a, b] of EXCLUSIVE_PAIRS) relations.push({ relType: 'exclusive', itemA: code(a), itemB: code(b) });
  for (const [pkg, parts] of BUNDLES) for (const p of parts) relations.push({ relType: 'bundle', itemA: code(pkg), itemB: code(p) });
  cached = { items, relations };
  return cached;
}
