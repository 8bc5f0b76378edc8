import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, InputNumber, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { api } from '../../api/endpoints';
import type { RuleInfo } from '../../api/types';
import { errorMessage, Loaded } from '../../components/ApiErrorResult';
import { JobProgress, useStartJob } from '../../components/JobProgress';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { LevelTag } from '../../components/Tags';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../i18n';
import { useUser } from '../../lib/auth';
import { useMeta } from '../../lib/meta';
import { findingsHref } from '../../lib/query';
import { Link } from '../../lib/router';

interface Draft {
  enabled?: boolean;
  params: Record<string, number>;
}

function changes(rule: RuleInfo, d: Draft | undefined): { enabled?: boolean; params?: Record<string, number> } | null {
  if (!d) return null;
  const out: { enabled?: boolean; params?: Record<string, number> } = {};
  if (d.enabled !== undefined && d.enabled !== rule.enabled) out.enabled = d.enabled;
  const params: Record<string, number> = {};
  for (const p of rule.params) {
    const v = d.params[p.name];
    if (v !== undefined && v !== p.value) params[p.name] = v;
  }
  if (Object.keys(params).length) out.params = params;
  return Object.keys(out).length ? out : null;
}

/** 规则库: enable rules and set their parameters (admin), then re-run the screening with a progress bar. */
export default function RulesPage() {
  const { t, fmt, ruleName } = useI18n();
  const user = useUser();
  const admin = user.role === 'admin';
  const { message } = AntApp.useApp();
  const meta = useMeta();
  const list = useAsync((signal) => api.rules(signal), []);
  const { data, loading, reload } = list;
  const [saved, setSaved] = useState<Record<string, RuleInfo>>({});
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const screening = useStartJob((j) => {
    void message.success(
      t('rules.screeningDone', { findings: fmt.count(j.result?.findings ?? 0), amount: fmt.money(j.result?.amount ?? 0) }),
    );
    setSaved({});
    reload();
    meta.reload();
  });
  const { job, error: jobError, running } = screening;

  const rows = (data?.items ?? []).map((r) => saved[r.code] ?? r);

  const setDraft = (code: string, f: (d: Draft) => Draft) => setDrafts((all) => ({ ...all, [code]: f(all[code] ?? { params: {} }) }));

  const save = async (rule: RuleInfo) => {
    const body = changes(rule, drafts[rule.code]);
    if (!body) return;
    setSaving(rule.code);
    try {
      const next = await api.updateRule(rule.code, body);
      setSaved((s) => ({ ...s, [rule.code]: next }));
      setDrafts((all) => {
        const { [rule.code]: _gone, ...rest } = all;
        return rest;
      });
      void message.success(t('rules.saved', { code: rule.code }));
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(null);
    }
  };

  const columns: TableColumnsType<RuleInfo> = [
    {
      key: 'code',
      title: `${t('rules.code')} / ${t('rules.name')}`,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text code>{r.code}</Typography.Text>
          <Tooltip title={r.definition}>
            <span>{ruleName(r)}</span>
          </Tooltip>
        </Space>
      ),
    },
    { key: 'level', title: t('rules.level'), width: 96, render: (_, r) => <LevelTag level={r.level} /> },
    { key: 'key', title: t('rules.key'), render: (_, r) => r.key.map((k) => <Tag key={k}>{k}</Tag>) },
    {
      key: 'enabled',
      title: t('rules.enabled'),
      width: 80,
      render: (_, r) => (
        <Switch
          checked={drafts[r.code]?.enabled ?? r.enabled}
          disabled={!admin || running}
          onChange={(v) => setDraft(r.code, (d) => ({ ...d, enabled: v }))}
          aria-label={`${t('rules.enabled')} ${r.code}`}
          data-testid={`rule-enabled-${r.code}`}
        />
      ),
    },
    {
      key: 'params',
      title: t('rules.params'),
      render: (_, r) =>
        r.params.length ? (
          <Space orientation="vertical" size={4}>
            {r.params.map((p) => (
              <Tooltip
                key={p.name}
                title={`${p.description} · ${t('rules.default', { n: p.default })}${p.min !== null ? ` · ${t('rules.min', { n: p.min })}` : ''}`}
              >
                <label style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                  <Typography.Text type="secondary" style={{ minWidth: 96, fontSize: 12 }}>
                    {p.name}
                  </Typography.Text>
                  <InputNumber
                    size="small"
                    value={drafts[r.code]?.params[p.name] ?? p.value}
                    min={p.min ?? undefined}
                    disabled={!admin || running}
                    onChange={(v) => {
                      if (typeof v === 'number') setDraft(r.code, (d) => ({ ...d, params: { ...d.params, [p.name]: v } }));
                    }}
                    aria-label={`${r.code} ${p.name}`}
                    data-testid={`rule-param-${r.code}-${p.name}`}
                  />
                </label>
              </Tooltip>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('rules.noParams')}</Typography.Text>
        ),
    },
    {
      key: 'findings',
      title: t('rules.findings'),
      align: 'right',
      render: (_, r) => <Link to={findingsHref({ code: [r.code] })}>{fmt.count(r.findings)}</Link>,
    },
    { key: 'amount', title: t('rules.amount'), align: 'right', render: (_, r) => <Money value={r.amount} /> },
    ...(admin
      ? [
          {
            key: 'save',
            title: '',
            width: 96,
            render: (_: unknown, r: RuleInfo) => {
              const dirty = !!changes(r, drafts[r.code]);
              return (
                <Button
                  size="small"
                  type={dirty ? 'primary' : 'default'}
                  disabled={!dirty || running}
                  loading={saving === r.code}
                  onClick={() => void save(r)}
                  data-testid={`rule-save-${r.code}`}
                >
                  {t('common.save')}
                </Button>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <div data-testid="rules-page">
      <PageHeader
        title={t('rules.title')}
        extra={
          admin ? (
            <Popconfirm
              title={t('rules.rerunConfirm')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => void screening.start(api.screen)}
              disabled={running}
            >
              <Button type="primary" loading={screening.starting || running} data-testid="rerun-screening">
                {t('rules.rerun')}
              </Button>
            </Popconfirm>
          ) : null
        }
      />
      {!admin ? <Alert type="info" showIcon title={t('rules.readOnly')} className="fg-section" /> : null}
      {job ? (
        <Card size="small" className="fg-section">
          <JobProgress job={job} error={jobError} />
        </Card>
      ) : null}
      <Loaded state={list}>
        <Table<RuleInfo>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: (r) => <Typography.Paragraph style={{ margin: 0 }}>{r.definition}</Typography.Paragraph> }}
          data-testid="rules-table"
        />
      </Loaded>
    </div>
  );
}
