/** The monthly indicators by key: one list for the SQL, the API contract and the UI (no dependencies, so the UI can import it). */
export const INDICATORS = [
  'visits',
  'admissions',
  'discharges',
  'fund_paid',
  'total_cost',
  'cost_per_visit',
  'cost_per_admission',
  'alos',
  'fund_share',
  'drug_share',
  'readmission_15d',
  'findings',
  'amount_at_risk',
] as const;
export type Indicator = (typeof INDICATORS)[number];
