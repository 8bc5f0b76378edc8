/** The rule base (its parameters and enabled state), screening runs and the jobs that carry them. */
import { z } from 'zod';
import type { FindingLevel, JobKind, JobStatus } from '../vocabulary.js';

export interface RuleInfo {
  code: string;
  name: string;
  nameEn: string;
  level: FindingLevel;
  key: string[];
  definition: string;
  enabled: boolean;
  params: Array<{ name: string; value: number; default: number; min: number | null; description: string }>;
  findings: number;
  amount: number;
}
export const ruleUpdateBody = z
  .object({ enabled: z.boolean().optional(), params: z.record(z.string(), z.number().finite()).optional() })
  .strict()
  .refine((b) => b.enabled !== undefined || b.params !== undefined, 'give enabled, params or both: nothing to change');

export interface Job {
  id: string;
  kind: JobKind;
  status: JobStatus;
  /** Steps done of total, and what is being done. */
  progress: { done: number; total: number; step: string };
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  result: { findings?: number; amount?: number; importedRows?: number } | null;
}

export const ruleCodeParams = z.object({ code: z.string().regex(/^[A-Z_]{3,40}$/) });
