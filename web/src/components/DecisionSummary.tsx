import { Descriptions, Space, Tag, Typography } from 'antd';
import type { CaseDecision, DecisionSanction } from '../api/types';
import { DASH, useI18n } from '../i18n';
import { DecisionStatusTag } from './CaseTags';
import { Money } from './Money';

/** One sanction in words: 暂停医保协议 6 个月（2025-06-02 至 2025-12-01）. */
export function SanctionText({ s }: { s: DecisionSanction }) {
  const { t, fmt } = useI18n();
  const parts = [t(`sanction.${s.kind}`)];
  if (s.dept) parts.push(t('sanction.dept', { dept: s.dept }));
  if (s.pracCode) parts.push(t('sanction.prac', { code: s.pracCode }));
  if (s.months) parts.push(t('sanction.months', { n: s.months }));
  const when =
    s.from && s.to
      ? t('sanction.period', { from: fmt.date(s.from), to: fmt.date(s.to) })
      : s.from
        ? t('sanction.from', { from: fmt.date(s.from) })
        : t('sanction.fromApproval');
  return (
    <span data-testid="sanction" data-kind={s.kind}>
      {parts.join(' ')}
      <Typography.Text type="secondary">（{when}）</Typography.Text>
    </span>
  );
}

/** What a decision orders: the nature, the amounts, the fine, the sanctions with their dates, the measures, the basis, who drafted and reviewed it. */
export function DecisionSummary({ decision: d, compact }: { decision: CaseDecision; compact?: boolean }) {
  const { t, fmt } = useI18n();
  const measures = [d.interview && 'interview', d.referPolice && 'referPolice', d.referDiscipline && 'referDiscipline'].filter(
    (x): x is 'interview' | 'referPolice' | 'referDiscipline' => !!x,
  );
  const items = [
    {
      key: 'status',
      label: t('decision.status'),
      children: (
        <Space size={4}>
          <DecisionStatusTag status={d.status} />
          <span>{t('decision.version', { n: d.version })}</span>
        </Space>
      ),
    },
    { key: 'kind', label: t('decision.violationKind'), children: t(`violation.${d.violationKind}`) },
    {
      key: 'loss',
      label: t('decision.loss'),
      children: (
        <Space orientation="vertical" size={0}>
          <Money value={d.loss} strong />
          {d.lossReason ? (
            <Typography.Text type="secondary">
              {t('decision.lossComputed', { amount: fmt.money(d.lossComputed) })}；{d.lossReason}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { key: 'return', label: t('decision.return'), children: <Money value={d.returnAmount} /> },
    { key: 'refuse', label: t('decision.refuse'), children: <Money value={d.refuseAmount} /> },
    {
      key: 'fine',
      label: t('decision.fine'),
      children: d.fineMultiple ? (
        <span data-testid="decision-fine" data-amount={d.fineAmount}>
          {t('decision.fineValue', { multiple: fmt.number(d.fineMultiple), amount: fmt.money(d.fineAmount) })}
        </span>
      ) : (
        <span data-testid="decision-fine" data-amount={0}>
          {t('decision.noFine')}
        </span>
      ),
    },
    ...(d.effectiveOn
      ? [
          { key: 'effective', label: t('decision.effectiveOn'), children: fmt.date(d.effectiveOn) },
          {
            key: 'appealUntil',
            label: t('decision.appealUntil'),
            children: <span data-testid="decision-appeal-until">{fmt.date(d.appealUntil)}</span>,
          },
        ]
      : []),
    // Each "filled" item after a full row takes a row of its own.
    {
      key: 'sanctions',
      label: t('decision.sanctions'),
      span: 'filled' as const,
      children: d.sanctions.length ? (
        <Space orientation="vertical" size={2}>
          {d.sanctions.map((s, i) => (
            <SanctionText key={i} s={s} />
          ))}
        </Space>
      ) : (
        t('common.none')
      ),
    },
    {
      key: 'measures',
      label: t('decision.measures'),
      span: 'filled' as const,
      children: measures.length
        ? measures.map((m) => (
            <Tag key={m} color="volcano">
              {t(`decision.${m}`)}
            </Tag>
          ))
        : t('common.none'),
    },
    {
      key: 'basis',
      label: t('decision.basis'),
      span: 'filled' as const,
      children: <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{d.basis}</Typography.Paragraph>,
    },
    ...(compact
      ? []
      : [
          { key: 'drafted', label: t('decision.drafted'), children: `${d.draftedBy} · ${fmt.dateTime(d.draftedAt)}` },
          {
            key: 'reviewed',
            label: t('decision.reviewed'),
            children: d.reviewedBy ? `${d.reviewedBy} · ${fmt.dateTime(d.reviewedAt)}` : DASH,
          },
          ...(d.reviewComment
            ? [
                {
                  key: 'comment',
                  label: t('decision.reviewComment'),
                  span: 'filled' as const,
                  children: <span data-testid="decision-review-comment">{d.reviewComment}</span>,
                },
              ]
            : []),
        ]),
  ];
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
      items={items}
      data-testid="decision-summary"
      data-status={d.status}
      data-version={d.version}
    />
  );
}
