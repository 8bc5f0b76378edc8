/**
 * The settings a bureau changes in the workbench, as they are stored and as the API takes them: one schema
 * for both, so that what the API accepts is exactly what the store can hold and what the domains read back.
 * Domains parse stored settings with these (a stored value that no longer parses is reported, not replaced);
 * the defaults, with their reasons, stay with the domains that own them.
 */
import { z } from 'zod';
import { INDICATOR_KEYS } from './vocabulary.js';

// ---------------------------------------------------------------- the case workflow

export const caseSettingsSchema = z
  .object({
    /** Days an institution has to appeal an approved decision. */
    appealDays: z.number().int().min(0).max(365),
    /** Days from opening a case to its deadline. */
    deadlineDays: z.number().int().min(1).max(730),
    /** The default handler of each supervision grid (grid id → analyst). */
    gridHandlers: z.record(z.string().max(64), z.string().max(64)).default({}),
  })
  .strict();
export type CaseSettings = z.infer<typeof caseSettingsSchema>;

// ---------------------------------------------------------------- early warning

/** Yellow, orange and red, rising. */
const levels = z
  .tuple([z.number(), z.number(), z.number()])
  .refine(([y, o, r]) => y <= o && o <= r, 'thresholds must rise from yellow to orange to red');
const indicator = z.enum(INDICATOR_KEYS);
const threshold = z.object({ levels, minBase: z.number().min(0) }).strict();

export const practitionerConfigSchema = z
  .object({
    /** Practitioners with fewer prescriptions are not judged. */
    minPrescriptions: z.number().int().min(1),
    /** Judged peers needed for a comparison (the practitioner included). */
    minPeers: z.number().int().min(3),
    /** z thresholds for yellow, orange, red. */
    z: levels,
  })
  .strict();
export type PractitionerConfig = z.infer<typeof practitionerConfigSchema>;

export const warningConfigSchema = z
  .object({
    growth: z.partialRecord(indicator, threshold),
    absolute: z.partialRecord(indicator, threshold),
    history: z
      .object({
        indicators: z.array(indicator),
        z: levels,
        minBase: z.number().min(0),
        months: z.number().int().min(2).max(12),
        confirmZ: z.number().min(0),
      })
      .strict(),
    peer: z.object({ indicators: z.array(indicator), z: levels, minBase: z.number().min(0), minPeers: z.number().int().min(3) }).strict(),
    practitioner: practitionerConfigSchema,
  })
  .strict();
export type WarningConfig = z.infer<typeof warningConfigSchema>;
