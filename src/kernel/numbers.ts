/** Numbers as the stores return them (text for NUMERIC, bigint-like counts, NULL for empty sums) and money to the fen. */

/** Rounds an amount in 元 to the fen. */
export const round2 = (v: number): number => Math.round(v * 100) / 100;

/** A stored number as a number; an absent one (a NULL sum) as 0. */
export const toNumber = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** A stored number as a number, or null when absent. */
export const numberOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A stored amount in 元, to the fen; an absent one as 0. */
export const money = (v: unknown): number => round2(toNumber(v));

/** A stored figure to two decimals, or null when absent. */
export const round2OrNull = (v: unknown): number | null => (v === null || v === undefined ? null : round2(Number(v)));
