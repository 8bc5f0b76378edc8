import { useState } from 'react';
import { Alert, Button, Space, Timeline, Tooltip, Typography } from 'antd';
import { api } from '../../api/endpoints';
import type { CaseLogEntry, LogVerification } from '../../api/types';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../hooks/useAction';
import { useI18n } from '../../i18n';
import { hasRole, useUser } from '../../lib/auth';
import { shortHash } from '../../lib/cases';

/** 校验日志: walks the whole hash chain on the server; 完整, or the first entry edited or missing. */
function VerifyLog() {
  const { t, fmt } = useI18n();
  const action = useAction();
  const [result, setResult] = useState<LogVerification | null>(null);
  const verify = async () => {
    const r = await action.run(() => api.verifyCaseLog());
    if (r) setResult(r);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} className="fg-section">
      <Button onClick={() => void verify()} loading={action.busy} data-testid="log-verify">
        {t('log.verify')}
      </Button>
      <ActionError error={action.error} testId="log-verify-error" />
      {result ? (
        <Alert
          type={result.ok ? 'success' : 'error'}
          showIcon
          data-testid="log-verify-result"
          data-ok={String(result.ok)}
          title={result.ok ? t('log.intact', { n: fmt.count(result.entries) }) : t('log.broken', { n: result.failedAt ?? '?' })}
          description={result.ok ? t('log.intactSub') : result.reason}
        />
      ) : null}
    </Space>
  );
}

/** 操作日志: the case's entries in the hash-chained log, oldest first: when, who, what, and the entry's hash. */
export function LogTab({ log }: { log: CaseLogEntry[] }) {
  const { fmt, label } = useI18n();
  const user = useUser();
  return (
    <div data-testid="log-tab">
      {hasRole(user, 'admin', 'reviewer') ? <VerifyLog /> : null}
      <Timeline
        data-testid="case-log"
        items={log.map((e) => ({
          key: e.seq,
          content: (
            <div data-testid="log-entry" data-action={e.action} data-entity={e.entity}>
              <Space size={6} wrap>
                <Typography.Text type="secondary" className="fg-num">
                  {fmt.dateTime(e.at)}
                </Typography.Text>
                <Typography.Text strong>{label('caseLog', e.action)}</Typography.Text>
                <Typography.Text type="secondary">{label('logEntity', e.entity)}</Typography.Text>
                <span>· {e.actor}</span>
                <Tooltip title={e.hash}>
                  <Typography.Text code className="fg-num" data-testid="log-hash">
                    #{e.seq} {shortHash(e.hash)}
                  </Typography.Text>
                </Tooltip>
              </Space>
            </div>
          ),
        }))}
      />
    </div>
  );
}
