/** Long work (screening, imports) runs as a job: started by one request, followed by polling its progress. */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Job } from '../contract/api/rules.js';
import { withoutServerPaths } from '../kernel/paths.js';

export type Progress = (done: number, total: number, step: string) => void;

export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  /** Who started each job (a username), for deciding who may follow it; not part of the job's answer. */
  private readonly owners = new Map<string, string>();
  private running: Promise<unknown> = Promise.resolve();
  /** Set while work of the queue runs: what that work starts through exclusive() runs inside it, not after it. */
  private readonly inQueue = new AsyncLocalStorage<true>();

  get(id: string): Job | null {
    return this.jobs.get(id) ?? null;
  }

  /** The username that started a job (null: the system, or no such job). */
  ownerOf(id: string): string | null {
    return this.owners.get(id) ?? null;
  }

  /** Starts a job for `owner` (a username; null for the system); jobs run one after another (they write the same workspace). */
  start(kind: Job['kind'], work: (progress: Progress) => Promise<Job['result']>, owner: string | null = null): Job {
    const job: Job = {
      id: randomUUID(),
      kind,
      status: 'running',
      progress: { done: 0, total: 1, step: 'queued' },
      startedAt: new Date().toISOString(),
      finishedAt: null,
      error: null,
      result: null,
    };
    this.jobs.set(job.id, job);
    if (owner) this.owners.set(job.id, owner);
    const run = this.running
      .catch(() => {})
      .then(() =>
        this.inQueue.run(true, async () => {
          try {
            job.result = await work((done, total, step) => {
              job.progress = { done, total, step };
            });
            job.status = 'done';
            job.progress = { done: job.progress.total, total: job.progress.total, step: 'done' };
          } catch (e) {
            job.status = 'failed';
            job.error = withoutServerPaths((e as Error).message);
          } finally {
            job.finishedAt = new Date().toISOString();
          }
        }),
      );
    this.running = run;
    return job;
  }

  /**
   * Runs `work` in the jobs' queue, after any running job and before the next, and returns its result: short
   * writes to the workspace (sanctions, recomputed warnings) that must not meet an import half-way. Called
   * from work already in the queue (an import re-applying sanctions), it runs at once: waiting would be for itself.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.inQueue.getStore()) return work();
    const run = this.running.catch(() => {}).then(() => this.inQueue.run(true, work));
    this.running = run.catch(() => {});
    return run;
  }

  /** Resolves when every job started so far has finished (for tests and shutdown). */
  idle(): Promise<unknown> {
    return this.running.catch(() => {});
  }
}
