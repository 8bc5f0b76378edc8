/**
 * Practitioner outliers (大处方): per ordering practitioner (bilg_dr_codg) and institution over the whole
 * period, on outpatient and pharmacy visits (an inpatient's daily medication orders are not prescriptions),
 * cost per prescription and drugs per prescription (drug and herbal lines with a rxno), and the share
 * of their lines whose item carries a payment restriction (限定支付), against peers of the same institution kind
 * and department: robust z-scores (median and MAD, the MAD floored at a tenth of the median, and at two
 * percentage points for the share). SQL for both engines.
 */
import { execAtomically, type Dialect, type SqlEngine } from '../db/engine.js';
import type { PractitionerConfig } from '../contract/settings.js';

export const DEFAULT_PRACTITIONER_CONFIG: PractitionerConfig = { minPrescriptions: 30, minPeers: 5, z: [3, 4, 5] };

const MAD = 1.4826;
/** The smallest spread a share is judged against: peers that all prescribe no restricted item have a MAD of 0. */
const SHARE_SPREAD = 0.02;

export function practitionerSql(d: Dialect, c: PractitionerConfig): string[] {
  const drug = `(h.list_type IN ('drug', 'herbal') OR (h.med_list_codg IS NULL AND f.med_chrgitm_type IN ('09', '10', '11')))`;
  const restricted = `(h.lmt_gend IS NOT NULL OR h.lmt_age_min IS NOT NULL OR h.lmt_age_max IS NOT NULL OR h.lmt_hosp_lv_min IS NOT NULL
    OR h.lmt_med_types IS NOT NULL OR h.lmt_dise_prefixes IS NOT NULL)`;
  const z = (v: string, m: string, mad: string, least = 0) => {
    const spread = `GREATEST(${mad}, 0.1 * abs(${m}), ${least})`;
    return `CASE WHEN ${spread} > 0 THEN (${v} - ${m}) / (${MAD} * ${spread}) END`;
  };
  return [
    'DROP TABLE IF EXISTS fg_practitioner_stat',
    `CREATE TABLE fg_practitioner_stat AS
      WITH lines AS (
        SELECT f.bilg_dr_codg AS prac, f.fixmedins_code, f.bilg_dept_codg AS dept, f.rxno, f.det_item_fee_sumamt AS amt,
          CASE WHEN ${drug} THEN 1 ELSE 0 END AS is_drug, CASE WHEN ${restricted} THEN 1 ELSE 0 END AS is_restricted
        FROM feedetl f JOIN mdtrt m ON m.mdtrt_id = f.mdtrt_id LEFT JOIN hilist h ON h.med_list_codg = f.med_list_codg
        WHERE f.bilg_dr_codg IS NOT NULL AND m.med_type <> '21'
      ), per AS (
        SELECT l.prac, l.fixmedins_code, MIN(l.dept) AS dept,
          COUNT(DISTINCT CASE WHEN l.is_drug = 1 THEN l.rxno END) AS prescriptions,
          CAST(SUM(CASE WHEN l.is_drug = 1 AND l.rxno IS NOT NULL THEN l.amt ELSE 0 END) AS DOUBLE PRECISION) AS drug_amount,
          CAST(SUM(CASE WHEN l.is_drug = 1 AND l.rxno IS NOT NULL THEN 1 ELSE 0 END) AS DOUBLE PRECISION) AS drug_lines,
          CAST(SUM(l.is_restricted) AS DOUBLE PRECISION) / COUNT(*) AS restricted_share
        FROM lines l GROUP BY l.prac, l.fixmedins_code
      ), judged AS (
        SELECT p.*, COALESCE(i.inst_kind, 'other') || '|' || COALESCE(p.dept, '-') AS peer_group,
          p.drug_amount / p.prescriptions AS cost_per_rx, p.drug_lines / p.prescriptions AS drugs_per_rx
        FROM per p LEFT JOIN fixmedins i ON i.fixmedins_code = p.fixmedins_code
        WHERE p.prescriptions >= ${c.minPrescriptions}
      ), med AS (
        SELECT peer_group, COUNT(*) AS peers, ${d.median('cost_per_rx')} AS m_cost, ${d.median('drugs_per_rx')} AS m_drugs, ${d.median('restricted_share')} AS m_restricted
        FROM judged GROUP BY peer_group
      ), mad AS (
        SELECT j.peer_group, ${d.median('abs(j.cost_per_rx - m.m_cost)')} AS d_cost, ${d.median('abs(j.drugs_per_rx - m.m_drugs)')} AS d_drugs,
          ${d.median('abs(j.restricted_share - m.m_restricted)')} AS d_restricted
        FROM judged j JOIN med m ON m.peer_group = j.peer_group GROUP BY j.peer_group
      ), scored AS (
        SELECT j.prac, j.fixmedins_code, j.dept, j.peer_group, j.prescriptions, j.cost_per_rx, j.drugs_per_rx, j.restricted_share, m.peers,
          m.m_cost, m.m_drugs, m.m_restricted,
          CASE WHEN m.peers >= ${c.minPeers} THEN ${z('j.cost_per_rx', 'm.m_cost', 'x.d_cost')} END AS z_cost,
          CASE WHEN m.peers >= ${c.minPeers} THEN ${z('j.drugs_per_rx', 'm.m_drugs', 'x.d_drugs')} END AS z_drugs,
          CASE WHEN m.peers >= ${c.minPeers} THEN ${z('j.restricted_share', 'm.m_restricted', 'x.d_restricted', SHARE_SPREAD)} END AS z_restricted
        FROM judged j JOIN med m ON m.peer_group = j.peer_group JOIN mad x ON x.peer_group = j.peer_group
      )
      SELECT s.*, GREATEST(COALESCE(s.z_cost, -1e9), COALESCE(s.z_drugs, -1e9), COALESCE(s.z_restricted, -1e9)) AS z_max
      FROM scored s`,
  ];
}

export async function buildPractitionerStats(engine: SqlEngine, config: PractitionerConfig = DEFAULT_PRACTITIONER_CONFIG): Promise<void> {
  await execAtomically(engine, practitionerSql(engine.dialect, config));
}

export function practitionerLevel(
  z: number | null,
  [y, o, r]: readonly [number, number, number] = DEFAULT_PRACTITIONER_CONFIG.z,
): 'yellow' | 'orange' | 'red' | null {
  if (z === null || z < y - 1e-9) return null;
  return z >= r - 1e-9 ? 'red' : z >= o - 1e-9 ? 'orange' : 'yellow';
}
