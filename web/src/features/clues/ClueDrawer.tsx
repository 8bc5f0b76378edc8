import { Descriptions, Divider, Drawer, Space, Tag, Typography } from 'antd';
import { api } from '../../api/endpoints';
import type { Clue } from '../../api/types';
import { ApiErrorResult } from '../../components/ApiErrorResult';
import { AttachmentList, UploadButton } from '../../components/Attachments';
import { ClueSourceTag, ClueStatusTag } from '../../components/CaseTags';
import { Money } from '../../components/Money';
import { useAsync } from '../../hooks/useAsync';
import { DASH, useI18n } from '../../i18n';
import { useMeta } from '../../lib/meta';
import { Link } from '../../lib/router';

function Persons({ persons }: { persons: Clue['persons'] }) {
  const { t } = useI18n();
  if (!persons.length) return <>{DASH}</>;
  return (
    <Space size={[4, 4]} wrap data-testid="clue-persons">
      {persons.map((p, i) => (
        <Tag key={i}>
          {t(`person.${p.kind}`)}：{[p.name, p.id].filter(Boolean).join(' · ')}
        </Tag>
      ))}
    </Space>
  );
}

/** One clue: where it came from, whom it names, its amount and findings, its evidence files (download, upload). */
function ClueDetail({ id, canUpload }: { id: string; canUpload: boolean }) {
  const { t, fmt } = useI18n();
  const { meta } = useMeta();
  const { data, error, reload } = useAsync((signal) => api.clue(id, signal), [id]);
  if (error && !data) return <ApiErrorResult error={error} onRetry={reload} />;
  if (!data || data.id !== id) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  const c = data;
  return (
    <div data-testid="clue-drawer" data-clue-id={c.id}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'id',
            label: t('clues.id'),
            children: (
              <Typography.Text copyable className="fg-num">
                {c.id}
              </Typography.Text>
            ),
          },
          {
            key: 'source',
            label: t('clues.source'),
            children: (
              <Space>
                <ClueSourceTag source={c.source} />
                {c.sourceId ? <span className="fg-num">{c.sourceId}</span> : null}
              </Space>
            ),
          },
          {
            key: 'status',
            label: t('clues.status'),
            children: (
              <Space>
                <ClueStatusTag status={c.status} />
                {c.caseId ? <Link to={`/cases/${c.caseId}`}>{c.caseNo}</Link> : null}
              </Space>
            ),
          },
          ...(c.dismissReason ? [{ key: 'reason', label: t('clues.dismissReason'), children: c.dismissReason }] : []),
          {
            key: 'inst',
            label: t('clues.institution'),
            children: (
              <Link to={`/institutions/${encodeURIComponent(c.fixmedinsCode)}`}>{`${c.institutionName ?? ''} (${c.fixmedinsCode})`}</Link>
            ),
          },
          {
            key: 'region',
            label: t('finding.region'),
            children: c.admdvs ? `${meta?.regions.find((r) => r.admdvs === c.admdvs)?.name ?? ''} ${c.admdvs}`.trim() : DASH,
          },
          { key: 'grid', label: t('finding.grid'), children: c.gridId ?? DASH },
          { key: 'summary', label: t('clues.summary'), children: c.summary },
          { key: 'note', label: t('clues.form.note'), children: c.note ? <span style={{ whiteSpace: 'pre-wrap' }}>{c.note}</span> : DASH },
          { key: 'persons', label: t('clues.form.persons'), children: <Persons persons={c.persons} /> },
          { key: 'findings', label: t('clues.findings'), children: <span data-testid="clue-findings">{fmt.count(c.findings)}</span> },
          {
            key: 'amount',
            label: t('clues.amount'),
            children: (
              <span data-testid="clue-amount">
                <Money value={c.amount} strong />
              </span>
            ),
          },
          { key: 'created', label: t('clues.createdAt'), children: `${c.createdBy} · ${fmt.dateTime(c.createdAt)}` },
        ]}
      />
      <Divider titlePlacement="start">{t('files.title')}</Divider>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <AttachmentList files={c.attachments} testId="clue-files" />
        {canUpload ? <UploadButton upload={(f) => api.uploadClueFile(c.id, f)} onDone={reload} testId="clue-upload" /> : null}
      </Space>
    </div>
  );
}

export function ClueDrawer({ id, canUpload, onClose }: { id: string | null; canUpload: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer open={id !== null} onClose={onClose} title={t('clues.detailTitle')} size={560}>
      {id ? <ClueDetail id={id} canUpload={canUpload} /> : null}
    </Drawer>
  );
}
