/**
 * Warnings (预警) from the monthly indicators, in SQL on both engines. Three bases, each with its own thresholds:
 * - **threshold**: an indicator's month-on-month growth at or above its yellow / orange / red thresholds (or, for
 *   rates such as readmission, the value itself), when both months rest on at least `minBase` (visits,
 *   admissions or discharges). Orange and red must also be real moves, not noise: the growth holds without the
 *   month's largest cases (the trimmed value), and the month stands out from the institution's own history
 *   (robust z at least `history.confirmZ`, over at least `history.months` earlier months).
 *   Otherwise the warning stays yellow.
 * - **history**: the month's robust z-score against the institution's own earlier months (median and MAD).
 * - **peer**: the month's robust z-score against the institution's peers that month (same kind and level, at
 *   least `minPeers`).
 * A robust z is (value − median) / (1.4826 × MAD), the MAD floored at a tenth of the median: a few months or
 * peers can agree by chance, and a z over a near-zero spread would turn ordinary noise into an alarm.
 * Each warning names the indicator, its value, what it was compared with (the previous month, the threshold,
 * the own-history median or the peer median) and its level. Comparisons are "at or above", to 1e-9.
 */
import { execAtomically, type SqlEngine } from '../db/engine.js';
import type { WarningConfig } from '../contract/settings.js';
import { DEFAULT_PRACTITIONER_CONFIG } from './practitioners.js';

/** Defaults (documented, with the reasons for each, in docs/monitoring.md). */
export const DEFAULT_WARNING_CONFIG: WarningConfig = {
  growth: {
    fund_paid: { levels: [0.2, 0.35, 0.5], minBase: 300 },
    total_cost: { levels: [0.2, 0.35, 0.5], minBase: 300 },
    admissions: { levels: [0.2, 0.35, 0.5], minBase: 20 },
    cost_per_admission: { levels: [0.15, 0.25, 0.4], minBase: 10 },
    cost_per_visit: { levels: [0.2, 0.35, 0.5], minBase: 300 },
    alos: { levels: [0.2, 0.35, 0.5], minBase: 10 },
  },
  absolute: { readmission_15d: { levels: [0.06, 0.1, 0.15], minBase: 30 } },
  history: {
    indicators: ['fund_paid', 'admissions', 'cost_per_admission', 'cost_per_visit', 'alos', 'drug_share', 'fund_share'],
    z: [4, 6, 8],
    minBase: 30,
    months: 4,
    confirmZ: 3,
  },
  peer: { indicators: ['cost_per_visit', 'cost_per_admission', 'alos', 'drug_share'], z: [3, 4, 5], minBase: 30, minPeers: 5 },
  practitioner: DEFAULT_PRACTITIONER_CONFIG,
};

const MAD_SCALE = 1.4826;
const EPS = 1e-9;
const D = 'DOUBLE PRECISION';
const levelOf = (x: string, [y, o, r]: readonly [number, number, number]) =>
  `CASE WHEN ${x} >= ${r - EPS} THEN 3 WHEN ${x} >= ${o - EPS} THEN 2 WHEN ${x} >= ${y - EPS} THEN 1 ELSE 0 END`;
const robustZ = (value: string, median: string, mad: string) =>
  `(${value} - ${median}) / (${MAD_SCALE} * GREATEST(${mad}, 0.1 * abs(${median})))`;
const inList = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

export function warningSql(c: WarningConfig): string[] {
  const histZ = `CASE WHEN i.hist_n >= ${c.history.months} AND GREATEST(i.hist_mad, 0.1 * abs(i.hist_median)) > 0
    THEN ${robustZ('i.trimmed', 'i.hist_median', 'i.hist_mad')} END`;
  const growth = Object.entries(c.growth).map(([ind, t]) => {
    const change = 'i.value / i.prev_value - 1';
    const trimmedChange = 'i.trimmed / NULLIF(i.prev_trimmed, 0) - 1';
    const raw = levelOf(change, t.levels);
    const robust = levelOf(trimmedChange, t.levels);
    return `
    SELECT i.unit_id, i.month, i.indicator, 'threshold' AS basis, i.value, i.prev_value AS reference, ${change} AS change, ${histZ} AS z,
      CASE WHEN ${raw} >= 2 AND (COALESCE(${robust}, 0) < 2 OR COALESCE(${histZ}, 0) < ${c.history.confirmZ - EPS}) THEN 1
        WHEN ${raw} >= 2 THEN LEAST(${raw}, ${robust}) ELSE ${raw} END AS lvl
    FROM fg_indicator i
    WHERE i.unit_type = 'institution' AND i.indicator = '${ind}' AND i.prev_value > 0 AND i.base >= ${t.minBase} AND i.prev_base >= ${t.minBase}`;
  });
  const absolute = Object.entries(c.absolute).map(
    ([ind, t]) => `
    SELECT i.unit_id, i.month, i.indicator, 'threshold' AS basis, i.value, CAST(${t.levels[0]} AS ${D}) AS reference, CAST(NULL AS ${D}) AS change,
      CAST(NULL AS ${D}) AS z, ${levelOf('i.value', t.levels)} AS lvl
    FROM fg_indicator i WHERE i.unit_type = 'institution' AND i.indicator = '${ind}' AND i.value IS NOT NULL AND i.base >= ${t.minBase}`,
  );
  const history = c.history.indicators.length
    ? [
        `
    SELECT i.unit_id, i.month, i.indicator, 'history' AS basis, i.value, i.hist_median AS reference, CAST(NULL AS ${D}) AS change, ${histZ} AS z,
      ${levelOf(histZ, c.history.z)} AS lvl
    FROM fg_indicator i
    WHERE i.unit_type = 'institution' AND i.indicator IN (${inList(c.history.indicators)}) AND i.base >= ${c.history.minBase} AND i.trimmed IS NOT NULL`,
      ]
    : [];
  const peerZ = robustZ('i.trimmed', 'i.peer_median', 'i.peer_mad');
  const peer = c.peer.indicators.length
    ? [
        `
    SELECT i.unit_id, i.month, i.indicator, 'peer' AS basis, i.value, i.peer_median AS reference, CAST(NULL AS ${D}) AS change, ${peerZ} AS z,
      ${levelOf(peerZ, c.peer.z)} AS lvl
    FROM fg_indicator i
    WHERE i.unit_type = 'institution' AND i.indicator IN (${inList(c.peer.indicators)}) AND i.base >= ${c.peer.minBase}
      AND i.peer_n >= ${c.peer.minPeers} AND GREATEST(i.peer_mad, 0.1 * abs(i.peer_median)) > 0 AND i.trimmed IS NOT NULL`,
      ]
    : [];
  const all = [...growth, ...absolute, ...history, ...peer];
  const none = `SELECT CAST(NULL AS VARCHAR) AS unit_id, CAST(NULL AS VARCHAR) AS month, CAST(NULL AS VARCHAR) AS indicator, CAST(NULL AS VARCHAR) AS basis,
    CAST(NULL AS ${D}) AS value, CAST(NULL AS ${D}) AS reference, CAST(NULL AS ${D}) AS change, CAST(NULL AS ${D}) AS z, 0 AS lvl`;
  return [
    'DROP TABLE IF EXISTS fg_warning',
    `CREATE TABLE fg_warning AS
      SELECT md5(w.unit_id || '|' || w.month || '|' || w.indicator || '|' || w.basis) AS warning_id, w.unit_id AS fixmedins_code, w.month, w.indicator, w.basis,
        w.value, w.reference, w.change, w.z, CASE w.lvl WHEN 3 THEN 'red' WHEN 2 THEN 'orange' ELSE 'yellow' END AS level, w.lvl AS rank
      FROM (${all.length ? all.join('\nUNION ALL\n') : none}) w
      WHERE w.lvl >= 1`,
  ];
}

export async function buildWarnings(engine: SqlEngine, config: WarningConfig = DEFAULT_WARNING_CONFIG): Promise<void> {
  await execAtomically(engine, warningSql(config));
}
