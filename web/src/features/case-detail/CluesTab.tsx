import { useState, type HTMLAttributes } from 'react';
import { App as AntApp, Button, Select, Space, Table, Typography } from 'antd';
import { api } from '../../api/endpoints';
import type { CaseDetail, Clue } from '../../api/types';
import { ActionError } from '../../components/ActionError';
import { ClueSourceTag } from '../../components/CaseTags';
import { Money } from '../../components/Money';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { DASH, useI18n } from '../../i18n';

/** 添加线索: the institution's other open clues, chosen and added to the case. */
function AddClues({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t, fmt } = useI18n();
  const { message } = AntApp.useApp();
  const code = detail.case.fixmedinsCode;
  const open = useAsync((signal) => api.clues({ status: 'open', institution: code, pageSize: 200 }, signal), [code, detail.clues.length]);
  const [chosen, setChosen] = useState<string[]>([]);
  const action = useAction();

  const add = async () => {
    const done = await action.run(() => api.addCaseClues(detail.case.id, chosen));
    if (!done) return;
    void message.success(t('caseClues.added', { n: chosen.length }));
    setChosen([]);
    onDone();
  };

  return (
    <div className="fg-section" data-testid="case-add-clues-form">
      <Space.Compact style={{ width: '100%', maxWidth: 760 }}>
        <Select
          mode="multiple"
          value={chosen}
          onChange={setChosen}
          loading={open.loading}
          placeholder={t('caseClues.choose')}
          notFoundContent={t('caseClues.noneOpen')}
          data-testid="case-add-clues-select"
          style={{ flex: 1, minWidth: 0 }}
          options={(open.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${t(`clues.source.${c.source}`)} · ${c.summary} · ${fmt.money(c.amount)}`,
          }))}
        />
        <Button type="primary" disabled={!chosen.length} loading={action.busy} onClick={() => void add()} data-testid="case-add-clues">
          {t('caseClues.add')}
        </Button>
      </Space.Compact>
      <ActionError error={action.error} testId="case-add-clues-error" />
    </div>
  );
}

/** 线索: the clues the case was opened on or given since. */
export function CluesTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t, fmt } = useI18n();
  return (
    <div data-testid="case-clues">
      {detail.allowed.includes('add_clues') ? <AddClues detail={detail} onDone={onChanged} /> : null}
      <Table<Clue>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.clues}
        scroll={{ x: 900 }}
        onRow={(c) => ({ 'data-testid': 'case-clue', 'data-source': c.source }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'id', title: t('clues.id'), width: 100, render: (_, c) => <Typography.Text code>{c.id.slice(0, 8)}</Typography.Text> },
          {
            key: 'source',
            title: t('clues.source'),
            width: 150,
            render: (_, c) => (
              <Space size={4}>
                <ClueSourceTag source={c.source} />
                {c.source === 'finding' || c.source === 'warning' ? null : c.sourceId}
              </Space>
            ),
          },
          { key: 'summary', title: t('clues.summary'), render: (_, c) => c.summary },
          {
            key: 'findings',
            title: t('clues.findings'),
            width: 80,
            align: 'right',
            render: (_, c) => (c.findings ? fmt.count(c.findings) : DASH),
          },
          { key: 'amount', title: t('clues.amount'), width: 130, align: 'right', render: (_, c) => <Money value={c.amount} /> },
          { key: 'created', title: t('clues.createdAt'), width: 150, render: (_, c) => `${c.createdBy} · ${fmt.date(c.createdAt)}` },
        ]}
      />
    </div>
  );
}
