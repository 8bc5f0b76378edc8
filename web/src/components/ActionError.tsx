import { Alert } from 'antd';
import { isApiError } from '../api/client';
import { useI18n } from '../i18n';
import { errorMessage } from './ApiErrorResult';

/** A refused write in words: what kind of refusal (not allowed, conflict, invalid) and the server's own message. */
export function ActionError({ error, testId }: { error: unknown; testId: string }) {
  const { t } = useI18n();
  if (!error) return null;
  const kind = isApiError(error)
    ? error.status === 403
      ? t('actionError.forbidden')
      : error.status === 409
        ? t('actionError.conflict')
        : error.status === 400
          ? t('actionError.invalid')
          : t('common.error')
    : t('common.error');
  const details = isApiError(error) && error.details.length ? ` (${error.details.map((d) => `${d.path}: ${d.message}`).join('; ')})` : '';
  return (
    <Alert
      type="error"
      showIcon
      className="fg-section"
      data-testid={testId}
      data-status={isApiError(error) ? error.status : undefined}
      title={kind}
      description={`${errorMessage(error)}${details}`}
    />
  );
}
