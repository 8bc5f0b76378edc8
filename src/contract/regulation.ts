/**
 * The limits the 医疗保障基金使用监督管理条例 (Regulations on the Supervision and Administration of the Use of
 * Medical Security Funds, 2021) sets on a 处理决定, in one place: the API's validation, the decision use case and
 * the web form's ranges all read them from here. Imports nothing, so the browser bundle can import it.
 */
/** A violation of the rules (违规, Art. 38) or fraud (欺诈骗保, Art. 40). */
export const VIOLATION_KINDS = ['violation', 'fraud'] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

/** The fine as a multiple of the loss: 1–2× for a violation (Art. 38), 2–5× for fraud (Art. 40). */
export const FINE_MULTIPLES: Record<ViolationKind, readonly [min: number, max: number]> = { violation: [1, 2], fraud: [2, 5] };
/** The article each kind of fine rests on. */
export const FINE_ARTICLE: Record<ViolationKind, string> = { violation: 'Art. 38', fraud: 'Art. 40' };
/** The highest multiple of any kind (the API refuses more before the kind is looked at). */
export const MAX_FINE_MULTIPLE = Math.max(...Object.values(FINE_MULTIPLES).map(([, max]) => max));

/** Sanctions a decision may impose on the agreement (协议) or on a practitioner. */
export const SANCTION_KINDS = ['suspend_institution', 'suspend_department', 'terminate_institution', 'suspend_practitioner'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

/**
 * What each sanction needs: the range of its length in months (null: a termination has no length), and
 * whether it names a department or a practitioner. Suspending an institution's or a department's agreement
 * lasts 6 to 12 months (Art. 38, 40); a practitioner's qualification 1 to 12.
 */
export const SANCTION_RULES: Record<
  SanctionKind,
  { months: readonly [min: number, max: number] | null; dept: boolean; pracCode: boolean }
> = {
  suspend_institution: { months: [6, 12], dept: false, pracCode: false },
  suspend_department: { months: [6, 12], dept: true, pracCode: false },
  terminate_institution: { months: null, dept: false, pracCode: false },
  suspend_practitioner: { months: [1, 12], dept: false, pracCode: true },
};
/** The longest suspension of any kind, in months. */
export const MAX_SANCTION_MONTHS = Math.max(...Object.values(SANCTION_RULES).map((r) => r.months?.[1] ?? 0));
