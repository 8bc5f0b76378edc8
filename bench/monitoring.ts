/**
 * node dist/bench/monitoring.js CITY_DIR [CITY_DIR …] — early-warning detection against the cities' drift labels.
 *
 * Each city is imported and screened (in memory), its indicators and warnings are built with the default
 * thresholds, and the warnings are compared with drift_labels.csv (institutions whose figures jump from a
 * labelled month on):
 * - recall: drifting institutions with an orange or red warning in the month their drift begins;
 * - false alarms: the other institutions with an orange or red warning in any month, and their months;
 * - precision: of the institution-months with an orange or red warning, those of a drifting institution in or
 *   after its drift month (institutions of the background can warn for reasons of their own, such as injected
 *   violations, and count against precision here all the same).
 * Prints a table per city and over all, and one JSON line last.
 */
import { join } from 'node:path';
import { readConfig } from '../src/config/environment.js';
import { importDataset } from '../src/dataset/importer.js';
import { DuckDbEngine } from '../src/db/duckdb.js';
import { quote } from '../src/db/engine.js';
import { buildMonitoring } from '../src/monitoring/service.js';
import { DEFAULT_WARNING_CONFIG } from '../src/monitoring/warnings.js';
import { configureRules } from '../src/screening/config.js';
import { runScreening } from '../src/screening/run.js';

export interface CityDetection {
  city: string;
  institutions: number;
  drifting: number;
  caught: number;
  others: number;
  alarmedOthers: number;
  otherMonths: number;
  alarmedOtherMonths: number;
  alarmedMonths: number;
  truePositiveMonths: number;
  warnings: Record<string, number>;
  byIndicator: Array<{ indicator: string; drifting: number; caught: number }>;
  buildSeconds: number;
}

async function evaluate(dir: string): Promise<CityDetection> {
  const engine = await DuckDbEngine.open(':memory:');
  try {
    await importDataset(engine, dir, { inPlace: true, ...readConfig().dataset });
    await runScreening(engine, configureRules());
    const started = performance.now();
    await buildMonitoring(engine, DEFAULT_WARNING_CONFIG);
    const buildSeconds = (performance.now() - started) / 1000;
    await engine.exec(
      `CREATE TABLE drift AS SELECT * FROM read_csv(${quote(join(dir, 'drift_labels.csv'))}, header = true, all_varchar = true)`,
    );
    const alarm = `alarm AS (SELECT fixmedins_code, month FROM fg_warning GROUP BY fixmedins_code, month HAVING MAX(rank) >= 2)`;
    const active = `active AS (SELECT DISTINCT unit_id AS fixmedins_code, month FROM fg_indicator WHERE unit_type = 'institution' AND indicator = 'visits' AND value > 0)`;
    const other = `fixmedins_code NOT IN (SELECT fixmedins_code FROM drift)`;
    const [r] = await engine.all<Record<string, number>>(`
      WITH ${alarm}, ${active}
      SELECT
        (SELECT COUNT(*) FROM fixmedins) AS institutions,
        (SELECT COUNT(*) FROM drift) AS drifting,
        (SELECT COUNT(*) FROM drift d JOIN alarm a ON a.fixmedins_code = d.fixmedins_code AND a.month = d.month) AS caught,
        (SELECT COUNT(*) FROM fixmedins WHERE ${other}) AS others,
        (SELECT COUNT(DISTINCT fixmedins_code) FROM alarm WHERE ${other}) AS alarmed_others,
        (SELECT COUNT(*) FROM active WHERE ${other}) AS other_months,
        (SELECT COUNT(*) FROM alarm WHERE ${other}) AS alarmed_other_months,
        (SELECT COUNT(*) FROM alarm) AS alarmed_months,
        (SELECT COUNT(*) FROM alarm a JOIN drift d ON d.fixmedins_code = a.fixmedins_code AND a.month >= d.month) AS true_positive_months`);
    const warnings = Object.fromEntries(
      (
        await engine.all<{ k: string; n: number }>(`SELECT basis || ' ' || level AS k, COUNT(*) AS n FROM fg_warning GROUP BY 1 ORDER BY 1`)
      ).map((w) => [w.k, Number(w.n)]),
    );
    const byIndicator = await engine.all<{ indicator: string; drifting: number; caught: number }>(`
      WITH ${alarm}
      SELECT d.indicator, COUNT(*) AS drifting, COUNT(a.fixmedins_code) AS caught FROM drift d
      LEFT JOIN alarm a ON a.fixmedins_code = d.fixmedins_code AND a.month = d.month GROUP BY d.indicator ORDER BY d.indicator`);
    const n = (k: string) => Number(r![k]);
    return {
      city: dir,
      institutions: n('institutions'),
      drifting: n('drifting'),
      caught: n('caught'),
      others: n('others'),
      alarmedOthers: n('alarmed_others'),
      otherMonths: n('other_months'),
      alarmedOtherMonths: n('alarmed_other_months'),
      alarmedMonths: n('alarmed_months'),
      truePositiveMonths: n('true_positive_months'),
      warnings,
      byIndicator: byIndicator.map((b) => ({ indicator: b.indicator, drifting: Number(b.drifting), caught: Number(b.caught) })),
      buildSeconds,
    };
  } finally {
    await engine.close();
  }
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '-');

function report(name: string, c: Omit<CityDetection, 'city' | 'byIndicator' | 'warnings' | 'buildSeconds'>): string[] {
  return [
    `${name}: ${c.institutions} institutions`,
    `  recall     drifting institutions with an orange or red warning in their drift month: ${c.caught} of ${c.drifting} (${pct(c.caught, c.drifting)})`,
    `  false      other institutions with an orange or red warning in any month: ${c.alarmedOthers} of ${c.others} (${pct(c.alarmedOthers, c.others)});` +
      ` their months: ${c.alarmedOtherMonths} of ${c.otherMonths} (${pct(c.alarmedOtherMonths, c.otherMonths)})`,
    `  precision  orange or red institution-months that are a drifting institution's, in or after its drift month: ${c.truePositiveMonths} of ${c.alarmedMonths} (${pct(c.truePositiveMonths, c.alarmedMonths)})`,
  ];
}

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  if (!dirs.length) throw new Error('usage: monitoring CITY_DIR [CITY_DIR …]');
  const cities: CityDetection[] = [];
  for (const dir of dirs) {
    const c = await evaluate(dir);
    cities.push(c);
    console.log(report(dir, c).join('\n'));
    console.log(`  by drift:  ${c.byIndicator.map((b) => `${b.indicator} ${b.caught} of ${b.drifting}`).join('; ')}`);
    console.log(
      `  warnings:  ${Object.entries(c.warnings)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}; indicators and warnings built in ${c.buildSeconds.toFixed(1)} s`,
    );
  }
  const keys = [
    'institutions',
    'drifting',
    'caught',
    'others',
    'alarmedOthers',
    'otherMonths',
    'alarmedOtherMonths',
    'alarmedMonths',
    'truePositiveMonths',
  ] as const;
  const total = Object.fromEntries(keys.map((k) => [k, cities.reduce((s, c) => s + c[k], 0)])) as Record<(typeof keys)[number], number>;
  if (cities.length > 1) console.log(report(`all ${cities.length} cities`, total).join('\n'));
  console.log(
    JSON.stringify({
      cities,
      total,
      recall: total.caught / total.drifting,
      falseAlarmInstitutions: total.alarmedOthers / total.others,
      falseAlarmMonths: total.alarmedOtherMonths / total.otherMonths,
      precisionMonths: total.truePositiveMonths / total.alarmedMonths,
    }),
  );
}

await main();
