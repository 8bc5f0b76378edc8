/** Reference data (rules, regions, grids, the period covered) and the overview dashboard. */
import { z } from 'zod';
import type { FindingLevel, FindingStatus } from '../vocabulary.js';
import { month } from './common.js';

export interface Meta {
  rules: Array<{ code: string; name: string; nameEn: string; level: FindingLevel }>;
  /** Regions (districts and counties) inside the caller's scope. */
  regions: Array<{ admdvs: string; name: string }>;
  grids: Array<{ gridId: string; admdvs: string }>;
  statuses: FindingStatus[];
  /** First and last month with settlements. */
  period: { from: string | null; to: string | null };
  /** When the findings were last screened. */
  screenedAt: string | null;
}

export const overviewQuery = z.object({ from: month.optional(), to: month.optional() });
export type OverviewQuery = z.infer<typeof overviewQuery>;
export interface Overview {
  fundPaid: number;
  settlements: number;
  findings: number;
  amountAtRisk: number;
  byCode: Array<{ code: string; name: string; nameEn: string; level: string; findings: number; amount: number }>;
  byLevel: Array<{ level: string; findings: number; amount: number }>;
  topInstitutions: Array<{ fixmedinsCode: string; name: string; admdvs: string; findings: number; amount: number }>;
  monthly: Array<{ month: string; fundPaid: number; findings: number; amount: number }>;
  byRegion: Array<{ admdvs: string; name: string; fundPaid: number; findings: number; amount: number }>;
  byGrid: Array<{ gridId: string; admdvs: string; findings: number; amount: number }>;
}
