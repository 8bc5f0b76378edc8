/**
 * The baseline a TypeScript team would otherwise write: the line-level rules evaluated row by row in
 * JavaScript with json-rules-engine. DuckDB only streams the fee lines; the joins with the catalogue,
 * persons, institutions and visits are JavaScript maps, and each line's facts go through the engine.
 * Seven rules that one line decides on its own are covered: GENDER_RESTRICTED, AGE_RESTRICTED,
 * INST_LEVEL_RESTRICTED, MED_TYPE_RESTRICTED, OVER_PRICE_CAP, NON_COVERED_BILLED, OVER_DAYS_SUPPLY.
 *
 * node dist/bench/baseline-json-rules.js DIR [--limit N]
 * Prints one JSON line: { seconds, lines, linesPerSecond, flagged: { CODE: n }, peakMemoryMb }.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPLY_PARAMS } from '../src/screening/sql.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: baseline-json-rules DIR [--limit N]');
const limitAt = process.argv.indexOf('--limit');
const limit = limitAt > 0 ? Number(process.argv[limitAt + 1]) : 0;

const source = (table: string) => {
  for (const ext of ['parquet', 'csv']) {
    const p = join(dir, `${table}.${ext}`);
    if (existsSync(p)) return ext === 'parquet' ? `read_parquet('${p}')` : `read_csv('${p}', header=true, all_varchar=true)`;
  }
  throw new Error(`no ${table} file in ${dir}`);
};

async function rows(conn: DuckDBConnection, sql: string): Promise<unknown[][]> {
  return (await conn.runAndReadAll(sql)).getRows() as unknown[][];
}

interface Item {
  name: string;
  listType: string;
  chrgitmLv: string;
  gend: string | null;
  ageMin: number | null;
  ageMax: number | null;
  lvMin: number | null;
  medTypes: string[] | null;
  cap3: number | null;
  cap2: number | null;
  cap1: number | null;
  maxDays: number | null;
}

/** The default days-of-supply limits by med_type: the built-in rule's own defaults. */
const DEFAULT_DAYS: Record<string, number> = {
  '13': SUPPLY_PARAMS.days_emergency.default,
  '14': SUPPLY_PARAMS.days_chronic.default,
  '41': SUPPLY_PARAMS.days_pharmacy.default,
};

const RULES: RuleProperties[] = [
  {
    name: 'GENDER_RESTRICTED',
    conditions: {
      all: [
        { fact: 'lmtGend', operator: 'notEqual', value: null },
        { fact: 'gend', operator: 'notEqual', value: { fact: 'lmtGend' } },
      ],
    },
    event: { type: 'GENDER_RESTRICTED' },
  },
  {
    name: 'AGE_RESTRICTED',
    conditions: {
      any: [
        {
          all: [
            { fact: 'ageMin', operator: 'notEqual', value: null },
            { fact: 'age', operator: 'lessThan', value: { fact: 'ageMin' } },
          ],
        },
        {
          all: [
            { fact: 'ageMax', operator: 'notEqual', value: null },
            { fact: 'age', operator: 'greaterThan', value: { fact: 'ageMax' } },
          ],
        },
      ],
    },
    event: { type: 'AGE_RESTRICTED' },
  },
  {
    name: 'INST_LEVEL_RESTRICTED',
    conditions: {
      all: [
        { fact: 'lvMin', operator: 'notEqual', value: null },
        { fact: 'hospLv', operator: 'notEqual', value: null },
        { fact: 'hospLv', operator: 'lessThan', value: { fact: 'lvMin' } },
      ],
    },
    event: { type: 'INST_LEVEL_RESTRICTED' },
  },
  {
    name: 'MED_TYPE_RESTRICTED',
    conditions: {
      all: [
        { fact: 'medTypes', operator: 'notEqual', value: null },
        { fact: 'medTypes', operator: 'doesNotContain', value: { fact: 'medType' } },
      ],
    },
    event: { type: 'MED_TYPE_RESTRICTED' },
  },
  {
    name: 'OVER_PRICE_CAP',
    conditions: {
      all: [
        { fact: 'cap', operator: 'notEqual', value: null },
        { fact: 'pric', operator: 'greaterThan', value: { fact: 'cap' } },
      ],
    },
    event: { type: 'OVER_PRICE_CAP' },
  },
  {
    name: 'NON_COVERED_BILLED',
    conditions: {
      all: [
        {
          any: [
            { fact: 'inCatalogue', operator: 'equal', value: false },
            { fact: 'chrgitmLv', operator: 'equal', value: '03' },
            { fact: 'listType', operator: 'equal', value: 'non_medical' },
          ],
        },
        { fact: 'ownpay', operator: 'lessThan', value: { fact: 'sumamt' } },
      ],
    },
    event: { type: 'NON_COVERED_BILLED' },
  },
  {
    name: 'OVER_DAYS_SUPPLY',
    conditions: {
      all: [
        { fact: 'isDrug', operator: 'equal', value: true },
        { fact: 'supplyLimit', operator: 'notEqual', value: null },
        { fact: 'prdDays', operator: 'notEqual', value: null },
        { fact: 'prdDays', operator: 'greaterThan', value: { fact: 'supplyLimit' } },
      ],
    },
    event: { type: 'OVER_DAYS_SUPPLY' },
  },
];

function ageOn(day: string, birth: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  return y - by - (m * 100 + d < bm * 100 + bd ? 1 : 0);
}

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

async function main(): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const started = performance.now();

  const items = new Map<string, Item>();
  for (const r of await rows(
    conn,
    `SELECT med_list_codg, name, list_type, chrgitm_lv, lmt_gend, lmt_age_min, lmt_age_max, lmt_hosp_lv_min,
      lmt_med_types, pric_uplmt_amt, pric_uplmt_amt_lv2, pric_uplmt_amt_lv1, max_days FROM ${source('hilist')}`,
  )) {
    items.set(String(r[0]), {
      name: String(r[1]),
      listType: String(r[2]),
      chrgitmLv: String(r[3]),
      gend: str(r[4]),
      ageMin: num(r[5]),
      ageMax: num(r[6]),
      lvMin: num(r[7]),
      medTypes:
        str(r[8])
          ?.split('|')
          .map((s) => s.trim())
          .filter(Boolean) ?? null,
      cap3: num(r[9]),
      cap2: num(r[10]),
      cap1: num(r[11]),
      maxDays: num(r[12]),
    });
  }
  const persons = new Map<string, { gend: string; brdy: string }>();
  for (const r of await rows(conn, `SELECT psn_no, gend, CAST(brdy AS VARCHAR) FROM ${source('psn')}`))
    persons.set(String(r[0]), { gend: String(r[1]), brdy: String(r[2]) });
  const levels = new Map<string, number | null>();
  for (const r of await rows(conn, `SELECT fixmedins_code, hosp_lv FROM ${source('fixmedins')}`)) levels.set(String(r[0]), num(r[1]));
  const visitType = new Map<string, string>();
  for (const r of await rows(conn, `SELECT mdtrt_id, MIN(med_type) FROM ${source('setl')} GROUP BY mdtrt_id`))
    visitType.set(String(r[0]), String(r[1]));

  const engine = new Engine(RULES, { allowUndefinedFacts: true });
  const flagged: Record<string, number> = Object.fromEntries(RULES.map((r) => [String(r.name), 0]));
  let lines = 0;
  const result = await conn.stream(`SELECT psn_no, fixmedins_code, mdtrt_id, med_list_codg, CAST(CAST(fee_ocur_time AS DATE) AS VARCHAR),
      CAST(pric AS DOUBLE), CAST(det_item_fee_sumamt AS DOUBLE), CAST(COALESCE(fulamt_ownpay_amt, 0) AS DOUBLE), prd_days, med_chrgitm_type
    FROM ${source('feedetl')}${limit > 0 ? ` LIMIT ${limit}` : ''}`);
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    for (const r of chunk.getRows() as unknown[][]) {
      const item = items.get(String(r[3]));
      const person = persons.get(String(r[0]));
      const hospLv = levels.get(String(r[1])) ?? null;
      const medType = visitType.get(String(r[2])) ?? null;
      const day = String(r[4]);
      const isDrug = item ? item.listType === 'drug' || item.listType === 'herbal' : ['09', '10', '11'].includes(String(r[9]));
      const cap = !item ? null : hospLv === 3 ? item.cap3 : hospLv === 2 ? (item.cap2 ?? item.cap3) : (item.cap1 ?? item.cap2 ?? item.cap3);
      const supplyLimit =
        medType === null || medType === '21' ? null : (item?.maxDays ?? DEFAULT_DAYS[medType] ?? SUPPLY_PARAMS.days_outpatient.default);
      const facts = {
        gend: person?.gend ?? null,
        age: person ? ageOn(day, person.brdy) : null,
        hospLv,
        medType,
        lmtGend: item?.gend ?? null,
        ageMin: item?.ageMin ?? null,
        ageMax: item?.ageMax ?? null,
        lvMin: item?.lvMin ?? null,
        medTypes: medType === null ? null : (item?.medTypes ?? null),
        cap,
        pric: r[5] as number,
        inCatalogue: item !== undefined,
        chrgitmLv: item?.chrgitmLv ?? null,
        listType: item?.listType ?? null,
        ownpay: r[7] as number,
        sumamt: r[6] as number,
        isDrug,
        supplyLimit,
        prdDays: num(r[8]),
      };
      const { events } = await engine.run(facts);
      for (const e of events) flagged[e.type] = (flagged[e.type] ?? 0) + 1;
      lines++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({ seconds, lines, linesPerSecond: lines / seconds, flagged, peakMemoryMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

await main();
