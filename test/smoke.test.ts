import { describe, expect, it } from 'vitest';
import { baseWorld, line, visit } from './support/fixture.js';
import { screenOn } from './support/screen.js';

describe('smoke', () => {
  for (const engine of ['duckdb', 'postgres'] as const) {
    it(`runs every rule on ${engine}`, async () => {
      const w = baseWorld();
      w.hilist.push({ med_list_codg: 'GYN', name: '妇科检查', list_type: 'service', chrgitm_lv: '01', lmt_gend: '2' });
      w.setl.push(visit({ mdtrt_id: 'V1' }));
      w.feedetl.push(line({ mdtrt_id: 'V1', med_list_codg: 'GYN', med_chrgitm_type: '03', feedetl_sn: 'X1' }));
      const r = await screenOn(engine, w);
      console.log(r.outcomes.map((o) => `${o.code} ${o.status} ${o.findings} ${o.reason ?? ''}`).join('\n'));
      console.log(r.findings);
      expect(r.findings.filter((f) => f.rule_code === 'GENDER_RESTRICTED').map((f) => f.feedetl_sn)).toEqual(['X1']);
    });
  }
});
