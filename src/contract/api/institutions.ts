/** Designated institutions (定点医药机构): the list and an institution's profile. */
import { z } from 'zod';
import { INSTITUTION_SORTS } from '../vocabulary.js';
import { pageQuery, region } from './common.js';

export const institutionsQuery = pageQuery.extend({
  q: z.string().max(64).optional(),
  admdvs: region.optional(),
  kind: z.string().max(32).optional(),
  sort: z.enum(INSTITUTION_SORTS).default('-amount'),
});
export type InstitutionsQuery = z.infer<typeof institutionsQuery>;
export const institutionParams = z.object({ code: z.string().regex(/^[A-Z0-9]{1,32}$/) });
export interface InstitutionRow {
  fixmedinsCode: string;
  name: string;
  type: string;
  level: number | null;
  kind: string | null;
  admdvs: string;
  regionName: string | null;
  gridId: string | null;
  agreementStatus: string | null;
  fundPaid: number;
  settlements: number;
  findings: number;
  amount: number;
}
export interface InstitutionProfile {
  /** statusTo: the last day of a suspension of a set length (a sanction), else null. */
  institution: InstitutionRow & { statusFrom: string | null; statusTo: string | null; practitioners: number };
  monthly: Array<{
    month: string;
    settlements: number;
    admissions: number;
    total: number;
    fundPaid: number;
    findings: number;
    amount: number;
  }>;
  byCode: Array<{ code: string; name: string; nameEn: string; findings: number; amount: number }>;
  /** Decisions on its findings and agreement changes, newest first. */
  history: Array<{ at: string; kind: 'decision' | 'agreement'; text: string; findingId: string | null }>;
}
