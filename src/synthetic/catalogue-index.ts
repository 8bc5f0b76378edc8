/**
 * The catalogue prepared for drawing: item pools per (disease group, setting, role), the restriction checks
 * exactly as the screening rules read them, price caps by level, and the item relations.
 */
import type { Catalogue, CatalogueItem, ItemRole, Setting } from './model.js';

/** What a restriction is judged against for one fee line. */
export interface LineContext {
  gend: '1' | '2';
  /** Whole years on the fee date. */
  age: number;
  /** Institution level (null: none, e.g. pharmacies). */
  level: number | null;
  medType: string;
  /** All diagnosis codes of the visit (diag rows and the main one). */
  diagnoses: readonly string[];
}

export type Restriction = 'gend' | 'age' | 'level' | 'med_type' | 'indication';

export class CatalogueIndex {
  readonly items: CatalogueItem[];
  readonly byCode = new Map<string, number>();
  /** For each item of an exclusive pair: its partners. */
  readonly exclusive = new Map<number, number[]>();
  /** For a bundle part: its package. */
  readonly bundleOfPart = new Map<number, number>();
  /** For a package: its parts. */
  readonly partsOf = new Map<number, number[]>();
  private readonly pools = new Map<string | null, Map<Setting, Map<ItemRole, number[]>>>();

  constructor(readonly catalogue: Catalogue) {
    this.items = catalogue.items;
    catalogue.items.forEach((it, i) => this.byCode.set(it.code, i));
    for (const r of catalogue.relations) {
      const a = this.byCode.get(r.itemA);
      const b = this.byCode.get(r.itemB);
      if (a === undefined || b === undefined) throw new Error(`relation names an unknown item: ${r.itemA} / ${r.itemB}`);
      if (r.relType === 'exclusive') {
        push(this.exclusive, a, b);
        push(this.exclusive, b, a);
      } else {
        this.bundleOfPart.set(b, a);
        push(this.partsOf, a, b);
      }
    }
  }

  inRelation(i: number): boolean {
    return this.exclusive.has(i) || this.bundleOfPart.has(i) || this.partsOf.has(i);
  }

  /** Items of a role billed in a setting for a disease group (null: any group), including the 'any' items. */
  pool(group: string | null, setting: Setting, role: ItemRole): readonly number[] {
    let bySetting = this.pools.get(group);
    if (!bySetting) this.pools.set(group, (bySetting = new Map()));
    let byRole = bySetting.get(setting);
    if (!byRole) bySetting.set(setting, (byRole = new Map()));
    let p = byRole.get(role);
    if (!p) {
      p = [];
      for (let i = 0; i < this.items.length; i++) {
        const it = this.items[i]!;
        if (it.role !== role || !it.settings.includes(setting)) continue;
        if (group === null || it.groups === 'any' || it.groups.includes(group)) p.push(i);
      }
      byRole.set(role, p);
    }
    return p;
  }

  /** The first restriction of the item the line would break, or null when the line is payable. */
  broken(i: number, ctx: LineContext): Restriction | null {
    const it = this.items[i]!;
    if (it.lmtGend && it.lmtGend !== ctx.gend) return 'gend';
    if ((it.lmtAgeMin !== undefined && ctx.age < it.lmtAgeMin) || (it.lmtAgeMax !== undefined && ctx.age > it.lmtAgeMax)) return 'age';
    if (it.lmtHospLvMin !== undefined && ctx.level !== null && ctx.level < it.lmtHospLvMin) return 'level';
    if (it.lmtMedTypes && !it.lmtMedTypes.includes(ctx.medType)) return 'med_type';
    if (it.lmtDisePrefixes && !matchesIndication(it.lmtDisePrefixes, ctx.diagnoses)) return 'indication';
    return null;
  }

  allowed(i: number, ctx: LineContext): boolean {
    return this.broken(i, ctx) === null;
  }

  /** Restrictions the item has at all. */
  restrictions(i: number): Restriction[] {
    const it = this.items[i]!;
    const out: Restriction[] = [];
    if (it.lmtGend) out.push('gend');
    if (it.lmtAgeMin !== undefined || it.lmtAgeMax !== undefined) out.push('age');
    if (it.lmtHospLvMin !== undefined) out.push('level');
    if (it.lmtMedTypes) out.push('med_type');
    if (it.lmtDisePrefixes) out.push('indication');
    return out;
  }

  /** The price cap at an institution level as OVER_PRICE_CAP reads it (null: no cap). */
  capAt(i: number, level: number | null): number | null {
    const it = this.items[i]!;
    if (level === 3) return it.capLv3 ?? null;
    if (level === 2) return it.capLv2 ?? it.capLv3 ?? null;
    return it.capLv1 ?? it.capLv2 ?? it.capLv3 ?? null;
  }

  isDrugLike(i: number): boolean {
    const t = this.items[i]!.listType;
    return t === 'drug' || t === 'herbal';
  }

  /** Group for DUPLICATE_PRESCRIBING: drug_group, else the item itself. */
  supplyGroup(i: number): string {
    return this.items[i]!.drugGroup ?? this.items[i]!.code;
  }

  hasCountLimit(i: number): boolean {
    const it = this.items[i]!;
    return it.maxCntPerDay !== undefined || it.maxCntPer7d !== undefined;
  }
}

export function matchesIndication(prefixes: readonly string[], diagnoses: readonly string[]): boolean {
  for (const d of diagnoses) {
    const u = d.toUpperCase();
    for (const p of prefixes) if (u.startsWith(p.toUpperCase())) return true;
  }
  return false;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const xs = m.get(k);
  if (xs) {
    if (!xs.includes(v)) xs.push(v);
  } else m.set(k, [v]);
}
