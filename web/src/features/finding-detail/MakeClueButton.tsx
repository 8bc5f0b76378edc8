import { useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { isApiError } from '../../api/client';
import { api } from '../../api/endpoints';
import type { FindingRow } from '../../api/types';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../hooks/useAction';
import { useI18n } from '../../i18n';
import { cluesFilterToParams } from '../../lib/query';
import { Link } from '../../lib/router';

/** 转为线索: a confirmed finding becomes a clue in the ledger (once: a finding already in a clue is said so). */
export function MakeClueButton({ finding }: { finding: FindingRow }) {
  const { t } = useI18n();
  const action = useAction();
  const [madeId, setMadeId] = useState<string | null>(null);
  const ledger = `/clues?${cluesFilterToParams({ institution: finding.fixmedinsCode ?? undefined }).toString()}`;
  const conflict = isApiError(action.error) && action.error.status === 409;

  const make = async () => {
    const clue = await action.run(() => api.createClue({ source: 'finding', findingIds: [finding.id] }));
    if (clue) setMadeId(clue.id);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="finding-clue">
      <Button onClick={() => void make()} loading={action.busy} disabled={!!madeId} data-testid="finding-make-clue">
        {t('warnings.makeClue')}
      </Button>
      {madeId ? (
        <Alert
          type="success"
          showIcon
          data-testid="finding-clue-made"
          data-clue-id={madeId}
          title={
            <Space wrap>
              <span>{t('warnings.clueCreated', { id: madeId.slice(0, 8) })}</span>
              <Link to={ledger} data-testid="finding-clue-link">
                {t('finding.toLedger')}
              </Link>
            </Space>
          }
        />
      ) : null}
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          data-testid="finding-clue-exists"
          title={
            <Space wrap>
              <span>{t('finding.clueExists')}</span>
              <Link to={ledger} data-testid="finding-clue-link">
                {t('finding.toLedger')}
              </Link>
            </Space>
          }
        />
      ) : (
        <ActionError error={action.error} testId="finding-clue-error" />
      )}
    </Space>
  );
}
