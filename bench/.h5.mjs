import { DuckDbEngine } from '../dist/src/db/duckdb.js';
const e = await DuckDbEngine.open(':memory:');
await e.exec(`ATTACH '/tmp/ws10.duckdb' AS ws (READ_ONLY)`); await e.exec('COPY FROM DATABASE ws TO memory'); await e.exec('DETACH ws');
const S = `h.lmt_gend IS NOT NULL OR h.lmt_age_min IS NOT NULL OR h.lmt_age_max IS NOT NULL OR h.lmt_hosp_lv_min IS NOT NULL OR h.lmt_med_types IS NOT NULL OR h.lmt_dise_prefixes IS NOT NULL OR f.pric > CASE WHEN i.hosp_lv = 3 THEN h.pric_uplmt_amt WHEN i.hosp_lv = 2 THEN COALESCE(h.pric_uplmt_amt_lv2, h.pric_uplmt_amt) ELSE COALESCE(h.pric_uplmt_amt_lv1, h.pric_uplmt_amt_lv2, h.pric_uplmt_amt) END OR ((h.med_list_codg IS NULL OR h.chrgitm_lv = '03' OR h.list_type = 'non_medical') AND COALESCE(f.fulamt_ownpay_amt, 0) < f.det_item_fee_sumamt)`;
const qs = {
  full: `CREATE OR REPLACE TEMP TABLE a AS SELECT f.* FROM feedetl f LEFT JOIN hilist h ON h.med_list_codg = f.med_list_codg LEFT JOIN fixmedins i ON i.fixmedins_code = f.fixmedins_code WHERE ${S}`,
  rowids: `CREATE OR REPLACE TEMP TABLE r AS SELECT f.rowid AS rid FROM feedetl f LEFT JOIN hilist h ON h.med_list_codg = f.med_list_codg LEFT JOIN fixmedins i ON i.fixmedins_code = f.fixmedins_code WHERE ${S}`,
  fetch: `CREATE OR REPLACE TEMP TABLE b AS SELECT f.* FROM feedetl f WHERE f.rowid IN (SELECT rid FROM r)`,
  fetchjoin: `CREATE OR REPLACE TEMP TABLE c AS SELECT f.* FROM feedetl f JOIN r ON f.rowid = r.rid`,
};
for (const [k, q] of Object.entries(qs)) { const t = performance.now(); await e.exec(q); console.log(k, ((performance.now() - t) / 1000).toFixed(2)); }
console.log(await e.all('SELECT (SELECT count(*) FROM a) a, (SELECT count(*) FROM b) b, (SELECT count(*) FROM c) c'));
