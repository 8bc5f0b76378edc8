import { useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Progress, Space, Typography } from 'antd';
import { api } from '../api/endpoints';
import { isAbort } from '../api/client';
import type { Job } from '../api/types';
import { useI18n } from '../i18n';
import { errorMessage } from './ApiErrorResult';

const POLL_MS = 500;

/**
 * Follows a job: starts from the Job the POST returned and asks GET /jobs/:id every 500 ms while it runs.
 * `onFinish` is called once, with the final job (done or failed).
 */
export function useJob(initial: Job | null, onFinish: (job: Job) => void): { job: Job | null; error: unknown } {
  const [job, setJob] = useState<Job | null>(initial);
  const [error, setError] = useState<unknown>(undefined);
  const finishRef = useRef(onFinish);
  finishRef.current = onFinish;

  useEffect(() => {
    setJob(initial);
    setError(undefined);
    if (!initial) return;
    if (initial.status !== 'running') {
      finishRef.current(initial);
      return;
    }
    const ac = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      api.job(initial.id, ac.signal).then(
        (j) => {
          if (ac.signal.aborted) return;
          setJob(j);
          if (j.status === 'running') timer = setTimeout(poll, POLL_MS);
          else finishRef.current(j);
        },
        (e: unknown) => {
          if (ac.signal.aborted || isAbort(e)) return;
          setError(e);
        },
      );
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      ac.abort();
      if (timer) clearTimeout(timer);
    };
  }, [initial]);

  return { job, error };
}

/**
 * A job the page starts and follows: `start` sends its request (`starting` meanwhile; a refusal is said in a
 * message), then the job is polled until it ends; `onDone` once it finished well. `forget` drops it.
 */
export function useStartJob(onDone: (job: Job) => void) {
  const { message } = AntApp.useApp();
  const [started, setStarted] = useState<Job | null>(null);
  const [starting, setStarting] = useState(false);
  const { job, error } = useJob(started, (j) => {
    if (j.status === 'done') onDone(j);
  });
  const start = async (request: () => Promise<Job>) => {
    setStarting(true);
    try {
      setStarted(await request());
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };
  return { job, error, starting, running: job?.status === 'running', start, forget: () => setStarted(null) };
}

/** A job's progress bar: steps done of total and the current step. */
export function JobProgress({ job, error }: { job: Job; error?: unknown }) {
  const { t } = useI18n();
  const { done, total, step } = job.progress;
  const percent = job.status === 'done' ? 100 : total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0;
  const status = job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active';
  return (
    <div data-testid="job-progress" data-status={job.status}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Progress percent={percent} status={status} aria-label={step} />
        <Typography.Text type="secondary">
          {job.status === 'running' ? t('job.step', { step: step || t('job.running') }) : job.status === 'done' ? t('job.done') : null}
          {total > 0 && job.status === 'running' ? ` (${done}/${total})` : null}
        </Typography.Text>
        {job.status === 'failed' ? <Alert type="error" showIcon title={t('job.failed', { error: job.error ?? '' })} /> : null}
        {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      </Space>
    </div>
  );
}
