import { Button, Card, Result } from 'antd';
import type { ReactNode } from 'react';
import { isApiError } from '../api/client';
import type { AsyncState } from '../hooks/useAsync';
import { useI18n } from '../i18n';

export interface ApiErrorResultProps {
  error: unknown;
  /** What to say on 404 (outside the caller's scope reads as not found). */
  notFoundTitle?: string;
  notFoundSub?: string;
  onRetry?: () => void;
  extra?: ReactNode;
  /** A malformed id in the path (400) reads as "not found" too, on pages addressed by an id. */
  invalidIsNotFound?: boolean;
}

/** A failed load as a result page: 404 and 403 in words, anything else with the server's message and a retry. */
export function ApiErrorResult({ error, notFoundTitle, notFoundSub, onRetry, extra, invalidIsNotFound }: ApiErrorResultProps) {
  const { t } = useI18n();
  if (isApiError(error) && (error.status === 404 || (invalidIsNotFound && error.status === 400))) {
    return (
      <div data-testid="not-found">
        <Result status="404" title={notFoundTitle ?? t('common.pageNotFound')} subTitle={notFoundSub} extra={extra} />
      </div>
    );
  }
  if (isApiError(error) && error.status === 403) {
    return (
      <div data-testid="forbidden">
        <Result status="403" title={t('common.forbidden')} subTitle={t('common.forbiddenSub')} extra={extra} />
      </div>
    );
  }
  const message = isApiError(error) && error.code === 'network' ? t('common.networkError') : errorMessage(error);
  return (
    <div data-testid="load-error">
      <Result
        status="error"
        title={t('common.error')}
        subTitle={message}
        extra={[
          onRetry ? (
            <Button key="retry" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          ) : null,
          extra ? <span key="extra">{extra}</span> : null,
        ]}
      />
    </div>
  );
}

/** What a load gives: the content, or the failure in its place while nothing was loaded (the last page stays on a failed reload). */
export function Loaded({ state, children }: { state: Pick<AsyncState<unknown>, 'data' | 'error' | 'reload'>; children: ReactNode }) {
  return state.error && !state.data ? <ApiErrorResult error={state.error} onRetry={state.reload} /> : children;
}

/** A page's record while it is not there: its failure (a 404 or a malformed id reads as not found), else a loading card. */
export function NotLoaded(props: ApiErrorResultProps) {
  return props.error ? <ApiErrorResult invalidIsNotFound {...props} /> : <Card loading />;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
