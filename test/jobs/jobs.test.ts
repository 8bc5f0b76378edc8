/** The jobs' queue: jobs and exclusive work run one at a time, in order; exclusive work started by queued work runs inside it. */
import { describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/jobs/jobs.js';

describe("the jobs' queue", () => {
  it('runs exclusive work after the running job, and inside work already in the queue', async () => {
    const jobs = new JobRunner();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const job = jobs.start('import', async () => {
      order.push('job start');
      await gate;
      order.push(await jobs.exclusive(async () => 'nested inside the job'));
      return null;
    });
    const after = jobs.exclusive(async () => {
      order.push('exclusive after the job');
      return 1;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(['job start']);
    release();
    expect(await after).toBe(1);
    expect(job.status).toBe('done');
    expect(order).toEqual(['job start', 'nested inside the job', 'exclusive after the job']);
  });
});
