/**
 * The workbench HTTP API's conventions, and the zod pieces every part of it uses.
 *
 * - JSON everywhere; amounts in 元 as numbers with two decimals; dates YYYY-MM-DD; months YYYY-MM; times ISO 8601.
 * - Every list is paged: `page` (1-based) and `pageSize` (≤ 200) in, `{ items, total, page, pageSize }` out.
 * - Errors: HTTP status and `{ error: { code, message, details? } }` (ErrorBody).
 * - Authentication: the httpOnly session cookie `fg_session`; every POST/PUT/DELETE also sends the header
 *   `X-CSRF-Token` with the token returned by login or /api/auth/me.
 * - Scope: every route returns only rows inside the caller's data scope; a row outside it is "not found" (404).
 *
 * The request schemas are for the server's validation (and the OpenAPI document); domains and the web UI import
 * only the types from here (`import type`), and the value lists from ../vocabulary.ts.
 */
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type ErrorCode } from '../vocabulary.js';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Array<{ path: string; message: string }> };
}

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});
export type PageQuery = z.infer<typeof pageQuery>;
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const month = z.string().regex(/^\d{4}-\d{2}$/, 'a month as YYYY-MM');
export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
/** A region filter: an admdvs (行政区划) or its prefix. */
export const region = z.string().regex(/^\d{2,6}$/);
/** A repeated or comma-separated query parameter. */
export const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean));
/** A list of values from a vocabulary: a value outside it is refused, named, never read as some default. */
export function listOf(values: readonly string[]) {
  return list.superRefine((xs, ctx) => {
    for (const x of xs) {
      if (!values.includes(x)) ctx.addIssue({ code: 'custom', message: `unknown value ${JSON.stringify(x)}: one of ${values.join(', ')}` });
    }
  });
}
/** Money in 元, rounded to the fen. */
export const money = z
  .number()
  .finite()
  .min(0)
  .max(1e12)
  .transform((v) => Math.round(v * 100) / 100);
/** Text that must not be empty once trimmed. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const uuidParams = z.object({ id: z.string().uuid() });
