import { describe, it, expect } from 'vitest';
import { buildCatalogue, codeFormatOf, CODE_FORMATS, SERVICE_CODE_PREFIXES } from '../../src/synthetic/catalogue.js';
import { CatalogueIndex, type LineContext } from '../../src/synthetic/catalogue-index.js';
import { DISEASE_GROUPS } from '../../src/synthetic/diseases.js';
import { MED_TYPE_OF, type CatalogueItem, type ItemRole, type Setting } from '../../src/synthetic/model.js';

const cat = buildCatalogue();
const idx = new CatalogueIndex(cat);
const items = cat.items;
const at = (i: number) => items[i]!;
const iOf = (it: CatalogueItem) => idx.byCode.get(it.code)!;
const byName = (name: string) => items.find((it) => it.name === name);
const count = (p: (it: CatalogueItem) => boolean) => items.filter(p).length;
const share = (xs: CatalogueItem[], p: (it: CatalogueItem) => boolean) => xs.filter(p).length / xs.length;
const groupOf = new Map(DISEASE_GROUPS.map((g) => [g.key, g]));
const SETTINGS: Setting[] = ['outpatient', 'emergency', 'chronic', 'inpatient', 'pharmacy'];
const western = items.filter((it) => it.listType === 'drug' && it.chargeType === '09');
const patent = items.filter((it) => it.listType === 'drug' && it.chargeType === '11');
const drugs = items.filter((it) => it.listType === 'drug');
const herbal = items.filter((it) => it.listType === 'herbal');
const services = items.filter((it) => it.listType === 'service');
const mats = items.filter((it) => it.listType === 'material');
const restr = (it: CatalogueItem) => idx.restrictions(iOf(it));
const plain = (i: number) => idx.restrictions(i).length === 0;
const noCountLimit = (it: CatalogueItem) => it.maxCntPerDay === undefined && it.maxCntPer7d === undefined;
const onlyRestriction = (it: CatalogueItem, r: string) => {
  const rs = restr(it);
  return rs.length === 1 && rs[0] === r;
};
const injectable = (it: CatalogueItem) => noCountLimit(it) && !idx.inRelation(iOf(it)) && it.chrgitmLv !== '03' && it.role !== 'surgery';
const outAndIn = (it: CatalogueItem) => it.settings.includes('outpatient') && it.settings.includes('inpatient');
const DIAG_ROLES: ItemRole[] = ['exam', 'lab', 'treatment'];
/** (group, setting) pairs of the diagnoses. */
const pairs = DISEASE_GROUPS.flatMap((g) => [...new Set(g.diagnoses.flatMap((d) => d.settings))].map((s) => [g.key, s] as const));

describe('catalogue: counts', () => {
  it('has the required number of items per category', () => {
    const svc = (ct: string, role: ItemRole) => count((it) => it.listType === 'service' && it.chargeType === ct && it.role === role);
    expect(items.length).toBeGreaterThanOrEqual(520);
    expect(count((it) => it.listType === 'drug' && it.chargeType === '09' && it.role === 'drug')).toBeGreaterThanOrEqual(200);
    expect(count((it) => it.listType === 'drug' && it.chargeType === '11' && it.role === 'drug')).toBeGreaterThanOrEqual(60);
    expect(count((it) => it.listType === 'herbal' && it.chargeType === '10' && it.role === 'herbal')).toBeGreaterThanOrEqual(60);
    expect(services.length).toBeGreaterThanOrEqual(150);
    expect(svc('01', 'bed')).toBeGreaterThanOrEqual(5);
    expect(svc('02', 'ward_round')).toBeGreaterThanOrEqual(1);
    expect(svc('02', 'consultation')).toBeGreaterThanOrEqual(4);
    expect(svc('12', 'consultation')).toBeGreaterThanOrEqual(2);
    expect(svc('13', 'registration')).toBeGreaterThanOrEqual(3);
    expect(svc('03', 'exam')).toBeGreaterThanOrEqual(35);
    expect(svc('04', 'lab')).toBeGreaterThanOrEqual(50);
    expect(svc('05', 'treatment')).toBeGreaterThanOrEqual(30);
    expect(svc('06', 'surgery')).toBeGreaterThanOrEqual(20);
    expect(svc('07', 'nursing')).toBeGreaterThanOrEqual(5);
    expect(svc('14', 'other')).toBeGreaterThanOrEqual(5);
    expect(count((it) => it.listType === 'material' && it.chargeType === '08' && it.role === 'material')).toBeGreaterThanOrEqual(30);
    expect(count((it) => it.listType === 'non_medical')).toBeGreaterThanOrEqual(10);
  });

  it('keeps list type, charge type and role consistent', () => {
    const allowed = new Set([
      'drug|09|drug',
      'drug|11|drug',
      'herbal|10|herbal',
      'material|08|material',
      'non_medical|14|non_medical',
      'service|01|bed',
      'service|02|ward_round',
      'service|02|consultation',
      'service|12|consultation',
      'service|13|registration',
      'service|03|exam',
      'service|04|lab',
      'service|05|treatment',
      'service|06|surgery',
      'service|07|nursing',
      'service|14|other',
    ]);
    for (const it of items) expect(allowed.has(`${it.listType}|${it.chargeType}|${it.role}`), it.name).toBe(true);
  });

  it('describes non-medical goods as self-paid pharmacy goods', () => {
    for (const it of items.filter((x) => x.listType === 'non_medical')) {
      expect([it.chargeType, it.role, it.chrgitmLv, it.groups], it.name).toEqual(['14', 'non_medical', '03', 'any']);
      expect(it.settings).toEqual(['pharmacy']);
      expect(restr(it)).toEqual([]);
    }
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildCatalogue())).toBe(JSON.stringify(cat));
  });
});

describe('catalogue: codes, names, prices', () => {
  it('has unique codes and names', () => {
    expect(new Set(items.map((it) => it.code)).size).toBe(items.length);
    expect(new Set(items.map((it) => it.name)).size).toBe(items.length);
  });

  it('follows the code formats', () => {
    for (const it of items) expect(it.code, it.name).toMatch(codeFormatOf(it));
    for (const it of western) expect(it.code.length).toBe(23);
    for (const it of patent) expect(it.code.length).toBe(20);
    for (const it of services) expect(SERVICE_CODE_PREFIXES[it.chargeType], it.name).toContain(it.code.slice(0, 4));
    expect(CODE_FORMATS.westernDrug.test('XA10BAE054A001010100001')).toBe(true);
    expect(CODE_FORMATS.patentMedicine.test('ZA04BAL0367010102296')).toBe(true);
  });

  it('has positive prices, caps where required and lv1 ≤ lv2 ≤ lv3', () => {
    for (const it of items) {
      const i = iOf(it);
      expect(it.price, it.name).toBeGreaterThan(0);
      const [c3, c2, c1] = [idx.capAt(i, 3), idx.capAt(i, 2), idx.capAt(i, 1)];
      if (c3 !== null) expect(c1! <= c2! && c2! <= c3, it.name).toBe(true);
      else expect(it.capLv2 === undefined && it.capLv1 === undefined, it.name).toBe(true);
    }
    for (const it of services) expect(it.capLv3, it.name).toBe(it.price);
    expect(
      share(services, (it) => it.capLv2 !== undefined && it.capLv2 < it.capLv3! && it.capLv1 !== undefined && it.capLv1 < it.capLv2),
    ).toBeGreaterThan(0.8);
    for (const it of services.filter((x) => x.capLv2 !== undefined)) {
      expect(Math.abs(it.capLv2! - it.price * 0.9), it.name).toBeLessThanOrEqual(0.01);
      expect(Math.abs(it.capLv1! - it.price * 0.8), it.name).toBeLessThanOrEqual(0.01);
    }
    const matCapped = share(mats, (it) => it.capLv3 !== undefined);
    expect(matCapped).toBeGreaterThan(0.3);
    expect(matCapped).toBeLessThan(0.7);
    const drugCapped = drugs.filter((it) => it.capLv3 !== undefined);
    expect(drugCapped.length / drugs.length).toBeGreaterThan(0.33);
    expect(drugCapped.length / drugs.length).toBeLessThan(0.5);
    for (const it of drugCapped) expect([it.capLv3, it.capLv2, it.capLv1], it.name).toEqual([it.price, undefined, undefined]);
  });

  it('prices herbs per gram and counts grams', () => {
    for (const it of herbal) {
      expect(it.price >= 0.02 && it.price <= 3, it.name).toBe(true);
      expect(it.cnt[0] >= 1 && it.cnt[1] <= 60 && it.cnt[0] < it.cnt[1], it.name).toBe(true);
      expect(it.supplyDays).toEqual([7]);
      expect(it.drugGroup).toBeUndefined();
    }
  });

  it('splits classes as required', () => {
    expect(share(drugs, (it) => it.chrgitmLv === '01')).toBeGreaterThan(0.33);
    expect(share(drugs, (it) => it.chrgitmLv === '01')).toBeLessThan(0.47);
    expect(share(drugs, (it) => it.chrgitmLv === '02')).toBeGreaterThan(0.48);
    expect(share(drugs, (it) => it.chrgitmLv === '02')).toBeLessThan(0.62);
    expect(share(drugs, (it) => it.chrgitmLv === '03')).toBeGreaterThan(0.03);
    expect(share(drugs, (it) => it.chrgitmLv === '03')).toBeLessThan(0.08);
    expect(share(services, (it) => it.chrgitmLv === '01')).toBeGreaterThan(0.8);
    const c3 = items.filter((it) => it.chrgitmLv === '03' && it.listType !== 'non_medical');
    expect(c3.length).toBeGreaterThanOrEqual(15);
    for (const t of ['drug', 'service', 'material'])
      expect(
        c3.some((it) => it.listType === t),
        t,
      ).toBe(true);
  });

  it('groups drugs and flags prescription drugs', () => {
    for (const it of items) {
      if (it.listType === 'drug') expect(it.drugGroup, it.name).toMatch(/^DG-[a-z0-9-]+$/);
      else expect(it.drugGroup, it.name).toBeUndefined();
    }
    const kindOf = new Map<string, string>();
    for (const it of drugs) {
      const k = kindOf.get(it.drugGroup!);
      if (k) expect(k, it.name).toBe(it.chargeType);
      kindOf.set(it.drugGroup!, it.chargeType);
    }
    expect(share(western, (it) => it.rx === true)).toBeGreaterThan(0.65);
    expect(share(patent, (it) => it.rx === false)).toBeGreaterThan(0.8);
    for (const prefix of ['维生素C片', '布洛芬缓释胶囊', '对乙酰氨基酚片', '感冒灵颗粒']) {
      const it = items.find((x) => x.name.startsWith(prefix));
      expect(it?.rx, prefix).toBe(false);
    }
  });
});

describe('catalogue: groups, settings, quantities', () => {
  it('names existing disease groups only', () => {
    for (const it of items)
      if (it.groups !== 'any') {
        expect(it.groups.length, it.name).toBeGreaterThan(0);
        for (const g of it.groups) expect(groupOf.has(g), `${it.name}: ${g}`).toBe(true);
      }
  });

  it('uses settings by role', () => {
    const only = (roles: ItemRole[], allowed: Setting[]) => {
      for (const it of items.filter((x) => roles.includes(x.role))) for (const s of it.settings) expect(allowed, it.name).toContain(s);
    };
    for (const it of items) {
      expect(it.settings.length, it.name).toBeGreaterThan(0);
      expect(new Set(it.settings).size).toBe(it.settings.length);
      for (const s of it.settings) expect(SETTINGS).toContain(s);
    }
    only(['bed', 'nursing', 'ward_round', 'surgery'], ['inpatient']);
    only(['registration'], ['outpatient', 'emergency']);
    only(['consultation'], ['outpatient', 'emergency', 'chronic']);
    only(['non_medical'], ['pharmacy']);
    // Chronic drugs are refilled at pharmacies too: not narcotics (N02A), infusions given at the clinic (no
    // outpatient setting), nor drugs that need a diagnosis or a med type.
    const clinicOnly = (it: CatalogueItem) => it.name.split(' ')[0]!.includes('注射') && !it.settings.includes('outpatient');
    for (const it of drugs.filter((x) => x.settings.includes('chronic') && !x.lmtDisePrefixes && !x.lmtMedTypes)) {
      if (!it.code.startsWith('XN02A') && !clinicOnly(it)) expect(it.settings, it.name).toContain('pharmacy');
    }
    for (const it of drugs.filter((x) => x.rx === false)) expect(it.settings, it.name).toContain('pharmacy');
    const injections = drugs.filter((it) => it.name.split(' ')[0]!.includes('注射'));
    for (const it of injections) expect(it.settings, it.name).toContain('inpatient');
    expect(share(injections, (it) => it.settings.includes('outpatient'))).toBeLessThan(0.35);
    for (const name of ['医用外科口罩(10只)', '血糖试纸(50支)', '医用弹力绷带']) expect(byName(name)?.settings, name).toContain('pharmacy');
    expect(count((it) => it.listType === 'material' && it.settings.includes('pharmacy'))).toBeGreaterThanOrEqual(5);
  });

  it('has sensible quantities and supplies', () => {
    for (const it of items) {
      expect(Number.isInteger(it.cnt[0]) && Number.isInteger(it.cnt[1]) && it.cnt[0] >= 1 && it.cnt[0] <= it.cnt[1], it.name).toBe(true);
      if (it.maxCntPerDay !== undefined) expect(it.cnt[1], it.name).toBeLessThanOrEqual(it.maxCntPerDay);
      const drugLike = it.listType === 'drug' || it.listType === 'herbal';
      const outside = it.settings.some((s) => s !== 'inpatient');
      if (drugLike && outside) {
        expect(it.supplyDays?.length, it.name).toBeGreaterThan(0);
        if (it.maxDays !== undefined) for (const d of it.supplyDays!) expect(d, it.name).toBeLessThanOrEqual(it.maxDays);
        if (it.listType === 'drug' && it.settings.includes('chronic')) expect(it.supplyDays, it.name).toContain(28);
        if (it.listType === 'drug' && !it.settings.includes('chronic')) for (const d of it.supplyDays!) expect([1, 3, 5, 7]).toContain(d);
      } else expect(it.supplyDays, it.name).toBeUndefined();
      if (it.maxDays !== undefined) expect(it.listType, it.name).toBe('drug');
    }
    expect(share(services, (it) => it.cnt[0] === 1 && it.cnt[1] === 1)).toBeGreaterThan(0.9);
    expect(count((it) => it.listType === 'drug' && it.maxDays !== undefined)).toBeGreaterThanOrEqual(10);
  });

  it('limits daily and weekly counts', () => {
    for (const it of items.filter((x) => ['bed', 'nursing', 'ward_round', 'consultation', 'registration'].includes(x.role))) {
      expect(it.maxCntPerDay, it.name).toBe(1);
    }
    expect(count((it) => it.role === 'exam' && it.maxCntPerDay === 1)).toBeGreaterThan(0);
    expect(count((it) => it.role === 'lab' && it.maxCntPerDay === 1)).toBeGreaterThan(0);
    expect(count((it) => it.role === 'treatment' && it.maxCntPerDay === 2)).toBeGreaterThan(0);
    for (const it of items.filter((x) => x.maxCntPer7d !== undefined)) {
      expect([it.role, it.cnt, it.maxCntPerDay], it.name).toEqual(['treatment', [1, 1], 1]);
    }
    const weekly = items.filter(
      (it) =>
        it.maxCntPer7d !== undefined &&
        it.maxCntPer7d < 7 &&
        it.settings.includes('inpatient') &&
        restr(it).length === 0 &&
        !idx.inRelation(iOf(it)),
    );
    expect(weekly.length).toBeGreaterThanOrEqual(5);
  });
});

describe('catalogue: restrictions', () => {
  it('restricts sex-specific items to the groups of that sex', () => {
    for (const it of items.filter((x) => x.lmtGend)) {
      expect(it.groups, it.name).toEqual([it.lmtGend === '2' ? 'gynecology_obstetrics' : 'urology_male']);
      for (const g of it.groups as string[]) expect(groupOf.get(g)!.gend, it.name).toBe(it.lmtGend);
    }
    expect(count((it) => it.lmtGend === '2')).toBeGreaterThanOrEqual(8);
    expect(count((it) => it.lmtGend === '1')).toBeGreaterThanOrEqual(5);
    const pool = (g: '1' | '2') =>
      services.filter(
        (it) => it.lmtGend === g && DIAG_ROLES.includes(it.role) && onlyRestriction(it, 'gend') && injectable(it) && outAndIn(it),
      );
    expect(pool('2').length).toBeGreaterThanOrEqual(3);
    expect(pool('1').length).toBeGreaterThanOrEqual(2);
  });

  it('restricts ages to children (≤ 14) and adults (≥ 18)', () => {
    for (const it of items.filter((x) => x.lmtAgeMax !== undefined)) {
      expect(it.lmtAgeMax, it.name).toBe(14);
      expect(it.lmtAgeMin ?? 0, it.name).toBe(0);
      expect(it.groups, it.name).toEqual(['pediatrics']);
    }
    for (const it of items.filter((x) => x.lmtAgeMin !== undefined && x.lmtAgeMax === undefined)) expect(it.lmtAgeMin, it.name).toBe(18);
    const kids = items.filter((it) => it.lmtAgeMax === 14);
    expect(kids.length).toBeGreaterThanOrEqual(8);
    expect(kids.some((it) => it.listType === 'drug') && kids.some((it) => it.listType === 'service')).toBe(true);
    expect(count((it) => it.lmtAgeMin === 18)).toBeGreaterThanOrEqual(4);
    expect(services.filter((it) => onlyRestriction(it, 'age') && injectable(it) && outAndIn(it)).length).toBeGreaterThanOrEqual(2);
  });

  it('restricts institution levels', () => {
    const lv = items.filter((it) => it.lmtHospLvMin !== undefined);
    expect(lv.length).toBeGreaterThanOrEqual(10);
    for (const it of lv) expect([2, 3], it.name).toContain(it.lmtHospLvMin);
    expect(lv.some((it) => it.listType === 'drug')).toBe(true);
    expect(
      services.filter((it) => it.role === 'exam' && onlyRestriction(it, 'level') && injectable(it) && outAndIn(it)).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('restricts med types coherently with settings', () => {
    const mt = items.filter((it) => it.lmtMedTypes);
    expect(mt.length).toBeGreaterThanOrEqual(15);
    for (const it of mt) {
      for (const m of it.lmtMedTypes!) expect(Object.values(MED_TYPE_OF), it.name).toContain(m);
      expect(
        it.settings.some((s) => it.lmtMedTypes!.includes(MED_TYPE_OF[s])),
        it.name,
      ).toBe(true);
    }
    expect(mt.some((it) => it.lmtMedTypes!.join('|') === '14|21')).toBe(true);
    expect(mt.some((it) => it.lmtMedTypes!.join('|') === '11|14')).toBe(true);
    for (const it of items.filter((x) => x.role === 'surgery')) expect(it.lmtMedTypes, it.name).toEqual(['21']);
    const onlyInpatient = items.filter(
      (it) => it.lmtMedTypes?.join('|') === '21' && onlyRestriction(it, 'med_type') && injectable(it) && it.listType !== 'non_medical',
    );
    expect(onlyInpatient.length).toBeGreaterThanOrEqual(3);
  });

  it('restricts indications to diagnoses of the item groups', () => {
    const dise = items.filter((it) => it.lmtDisePrefixes);
    expect(dise.length).toBeGreaterThanOrEqual(20);
    expect(share(dise, (it) => it.listType === 'drug')).toBeGreaterThan(0.8);
    for (const it of dise) {
      expect(it.groups, it.name).not.toBe('any');
      expect(it.settings, it.name).not.toContain('pharmacy');
      const codes = (it.groups as string[]).flatMap((g) => groupOf.get(g)!.diagnoses.map((d) => d.code));
      for (const p of it.lmtDisePrefixes!) {
        expect(p, it.name).toMatch(/^[A-Z]\d{2}$/);
        expect(
          codes.some((c) => c.startsWith(p)),
          `${it.name}: ${p}`,
        ).toBe(true);
      }
    }
  });

  it('leaves non-medical goods and relation items unrestricted', () => {
    for (const it of items.filter((x) => x.listType === 'non_medical' || idx.inRelation(iOf(x)))) expect(restr(it), it.name).toEqual([]);
  });
});

describe('catalogue: pools the generator draws from', () => {
  it('has at least 3 plain drugs (no restriction besides maxDays) per group and setting', () => {
    for (const [g, s] of pairs) {
      expect(idx.pool(g, s, 'drug').filter(plain).length, `${g} ${s}`).toBeGreaterThanOrEqual(3);
    }
    const pharmacyGroups = new Set(
      drugs.filter((it) => it.settings.includes('pharmacy') && it.groups !== 'any').flatMap((it) => it.groups as string[]),
    );
    for (const g of pharmacyGroups) expect(idx.pool(g, 'pharmacy', 'drug').filter(plain).length, g).toBeGreaterThanOrEqual(3);
    expect(idx.pool(null, 'pharmacy', 'drug').filter(plain).length).toBeGreaterThanOrEqual(3);
  });

  it('has plain items for every role a visit asks for', () => {
    const perGroup: Record<Setting, ItemRole[]> = {
      outpatient: ['lab', 'exam', 'treatment', 'material', 'drug'],
      emergency: ['lab', 'exam', 'treatment', 'material', 'drug'],
      chronic: ['lab', 'drug'],
      inpatient: ['lab', 'exam', 'treatment', 'material', 'drug'],
      pharmacy: ['drug'],
    };
    for (const [g, s] of pairs)
      for (const role of perGroup[s]) {
        expect(idx.pool(g, s, role).filter(plain).length, `${g} ${s} ${role}`).toBeGreaterThan(0);
      }
    const shared: Array<[Setting, ItemRole]> = [
      ['outpatient', 'registration'],
      ['emergency', 'registration'],
      ['outpatient', 'consultation'],
      ['emergency', 'consultation'],
      ['chronic', 'consultation'],
      ['inpatient', 'bed'],
      ['inpatient', 'nursing'],
      ['inpatient', 'ward_round'],
      ['pharmacy', 'drug'],
      ['pharmacy', 'material'],
      ['pharmacy', 'non_medical'],
    ];
    for (const [s, role] of shared) expect(idx.pool(null, s, role).filter(plain).length, `${s} ${role}`).toBeGreaterThan(0);
    for (const s of ['outpatient', 'chronic'] as Setting[])
      for (const ct of ['02', '12']) {
        expect(
          idx.pool(null, s, 'consultation').some((i) => plain(i) && at(i).chargeType === ct),
          `${s} ${ct}`,
        ).toBe(true);
      }
  });

  it('offers an operation allowed at a level-2 hospital for every surgical diagnosis', () => {
    for (const g of DISEASE_GROUPS)
      for (const d of g.diagnoses.filter((x) => x.surgical)) {
        const ctx: LineContext = {
          gend: g.gend ?? '1',
          age: Math.max(g.ageMin, Math.min(g.ageMax, 50)),
          level: 2,
          medType: '21',
          diagnoses: [d.code],
        };
        expect(
          idx.pool(g.key, 'inpatient', 'surgery').some((i) => idx.allowed(i, ctx)),
          `${g.key} ${d.code}`,
        ).toBe(true);
      }
  });

  it('gives chronic groups at least 3 plain monthly-refill drugs', () => {
    const chronic = DISEASE_GROUPS.filter((g) => g.chronic);
    expect(chronic.length).toBeGreaterThan(0);
    for (const g of chronic) {
      const refills = idx.pool(g.key, 'chronic', 'drug').filter((i) => plain(i) && at(i).supplyDays?.includes(28));
      expect(refills.length, g.key).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('catalogue: relations', () => {
  const exclusive = cat.relations.filter((r) => r.relType === 'exclusive');
  const bundles = new Map<string, string[]>();
  for (const r of cat.relations.filter((x) => x.relType === 'bundle')) bundles.set(r.itemA, [...(bundles.get(r.itemA) ?? []), r.itemB]);
  const item = (code: string) => at(idx.byCode.get(code)!);

  it('has enough pairs and bundles', () => {
    expect(exclusive.length).toBeGreaterThanOrEqual(6);
    expect(bundles.size).toBeGreaterThanOrEqual(5);
    for (const [pkg, parts] of bundles) {
      expect(parts.length, item(pkg).name).toBeGreaterThanOrEqual(3);
      expect(parts.length, item(pkg).name).toBeLessThanOrEqual(5);
    }
  });

  it('puts an item in one relation at most', () => {
    const seen = new Map<string, number>();
    for (const r of exclusive) for (const c of [r.itemA, r.itemB]) seen.set(c, (seen.get(c) ?? 0) + 1);
    for (const [pkg, parts] of bundles) for (const c of [pkg, ...parts]) seen.set(c, (seen.get(c) ?? 0) + 1);
    for (const [c, n] of seen) expect(n, item(c).name).toBe(1);
  });

  it('relates plain services only', () => {
    for (const r of cat.relations)
      for (const c of [r.itemA, r.itemB]) {
        const it = item(c);
        expect([it.listType, it.chrgitmLv, it.maxCntPer7d], it.name).toEqual(['service', '01', undefined]);
        expect(restr(it), it.name).toEqual([]);
        if (it.maxCntPerDay !== undefined) {
          expect(it.maxCntPerDay, it.name).toBeGreaterThanOrEqual(1);
          expect(it.cnt, it.name).toEqual([1, 1]);
        }
      }
  });

  it('pairs items billed together', () => {
    for (const r of exclusive) {
      const [a, b] = [item(r.itemA), item(r.itemB)];
      expect(
        a.settings.some((s) => b.settings.includes(s)),
        `${a.name}/${b.name}`,
      ).toBe(true);
      const shared = a.groups === 'any' || b.groups === 'any' || a.groups.some((g) => (b.groups as string[]).includes(g));
      expect(shared, `${a.name}/${b.name}`).toBe(true);
    }
  });

  it('prices packages below any two of their parts at every level', () => {
    for (const [pkg, parts] of bundles) {
      const p = item(pkg);
      for (const c of parts) {
        expect(item(c).groups, item(c).name).toEqual(p.groups);
        expect(item(c).settings, item(c).name).toEqual(p.settings);
      }
      for (const level of [3, 2, 1]) {
        const cap = idx.capAt(idx.byCode.get(pkg)!, level);
        const partCaps = parts.map((c) => idx.capAt(idx.byCode.get(c)!, level)).sort((x, y) => x! - y!);
        expect(cap, p.name).not.toBeNull();
        expect(
          partCaps.every((x) => x !== null),
          p.name,
        ).toBe(true);
        expect(cap!, `${p.name} level ${level}`).toBeLessThan(partCaps[0]! + partCaps[1]!);
      }
    }
  });
});

describe('disease groups', () => {
  it('uses ICD-10 医保版 diagnosis codes, each in one group', () => {
    const codes = DISEASE_GROUPS.flatMap((g) => g.diagnoses.map((d) => d.code));
    for (const c of codes) expect(c).toMatch(/^[A-Z]\d{2}\.[0-9x]\d{2}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(DISEASE_GROUPS.map((g) => g.key)).size).toBe(DISEASE_GROUPS.length);
  });
});
