import { useState } from 'react';
import { App as AntApp, Card, Descriptions, Empty, Form, Input, Radio, Typography } from 'antd';
import { api } from '../../api/endpoints';
import type { Appeal, CaseDetail } from '../../api/types';
import { SubmitButton } from '../../components/FormParts';
import { AppealCard } from '../../components/AppealCard';
import { AttachmentList } from '../../components/Attachments';
import { AppealStatusTag } from '../../components/CaseTags';
import { useAction } from '../../hooks/useAction';
import { DASH, useI18n } from '../../i18n';
import { requiredText } from '../../lib/forms';
import { decisionBody, decisionValues, type DecisionValues } from '../../lib/cases';
import { DecisionForm } from './DecisionForm';

type Outcome = 'upheld' | 'amended' | 'revoked';

/** The reviewer's ruling on a pending appeal: 维持, 变更 (with the decision as changed) or 撤销, with a comment. */
function DecideAppealPanel({ appeal, detail, onDone }: { appeal: Appeal; detail: CaseDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ outcome: Outcome; comment: string }>();
  const [amendForm] = Form.useForm<DecisionValues>();
  const [outcome, setOutcome] = useState<Outcome>('upheld');
  const action = useAction();
  const appealed = detail.decisions.find((d) => d.id === appeal.decisionId);
  const computed = detail.confirmedFindings.amount;

  const submit = async () => {
    const v = await form.validateFields();
    const amended = v.outcome === 'amended' ? decisionBody(await amendForm.validateFields(), computed) : undefined;
    const done = await action.run(() => api.decideAppeal(appeal.id, { outcome: v.outcome, comment: v.comment.trim(), amended }));
    if (!done) return;
    void message.success(t('appeals.decided', { outcome: t(`appealStatus.${v.outcome}`) }));
    onDone();
  };

  return (
    <Card size="small" type="inner" title={t('appeals.decideTitle')} className="fg-section" data-testid="appeal-decide">
      <Form
        form={form}
        layout="vertical"
        name="decide-appeal"
        initialValues={{ outcome: 'upheld' }}
        onValuesChange={(c: { outcome?: Outcome }) => c.outcome && setOutcome(c.outcome)}
      >
        <Form.Item label={t('appeals.outcome')} name="outcome" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            data-testid="appeal-outcome"
            options={(['upheld', 'amended', 'revoked'] as const).map((o) => ({ value: o, label: t(`appeals.outcome.${o}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('appeals.comment')} name="comment" rules={[requiredText(t('appeals.commentRequired'))]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="appeal-comment" />
        </Form.Item>
      </Form>
      {outcome === 'amended' ? (
        <Card size="small" title={t('appeals.amendedDecision')} className="fg-section" data-testid="appeal-amend">
          <DecisionForm form={amendForm} name="amend-decision" initial={decisionValues(appealed, computed)} computedLoss={computed} />
        </Card>
      ) : null}
      <SubmitButton label={t('appeals.decide')} action={action} onClick={submit} testId="appeal-decide-submit" errorTestId="appeal-error" />
    </Card>
  );
}

/** One appeal: who filed it when, why, its files, and how it was decided. */
function CaseAppeal({
  appeal: a,
  detail,
  canDecide,
  onChanged,
}: {
  appeal: Appeal;
  detail: CaseDetail;
  canDecide: boolean;
  onChanged: () => void;
}) {
  const { t, fmt } = useI18n();
  const version = detail.decisions.find((d) => d.id === a.decisionId)?.version;
  return (
    <AppealCard
      appeal={a}
      title={
        <span>
          {t('appeals.of', { n: version ?? DASH })} <AppealStatusTag status={a.status} />
        </span>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'filed', label: t('appeals.filed'), children: `${a.filedBy} · ${fmt.dateTime(a.filedAt)}` },
          { key: 'decided', label: t('appeals.decidedBy'), children: a.decidedBy ? `${a.decidedBy} · ${fmt.dateTime(a.decidedAt)}` : DASH },
          {
            key: 'reason',
            label: t('appeals.reason'),
            span: 'filled',
            children: (
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }} data-testid="appeal-reason">
                {a.reason}
              </Typography.Paragraph>
            ),
          },
          ...(a.comment ? [{ key: 'comment', label: t('appeals.comment'), span: 'filled' as const, children: a.comment }] : []),
          {
            key: 'files',
            label: t('files.title'),
            span: 'filled',
            children: <AttachmentList files={a.attachments} testId="appeal-files" />,
          },
        ]}
      />
      {canDecide && a.status === 'pending' ? <DecideAppealPanel appeal={a} detail={detail} onDone={onChanged} /> : null}
    </AppealCard>
  );
}

/** 申诉: the institution's appeals of the case's decisions, and the reviewer's ruling on a pending one. */
export function AppealsTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useI18n();
  if (!detail.appeals.length)
    return <Empty description={t('appeals.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} data-testid="appeals-tab" />;
  return (
    <div data-testid="appeals-tab">
      {[...detail.appeals].reverse().map((a) => (
        <CaseAppeal key={a.id} appeal={a} detail={detail} canDecide={detail.allowed.includes('decide_appeal')} onChanged={onChanged} />
      ))}
    </div>
  );
}
