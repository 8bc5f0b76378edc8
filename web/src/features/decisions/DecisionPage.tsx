import { Alert, Card, Empty, Form, Input, Space, Typography } from 'antd';
import { api } from '../../api/endpoints';
import type { Appeal, DecisionDetail } from '../../api/types';
import { SubmitButton } from '../../components/FormParts';
import { NotLoaded } from '../../components/ApiErrorResult';
import { AppealCard } from '../../components/AppealCard';
import { AttachmentList, UploadButton } from '../../components/Attachments';
import { AppealStatusTag } from '../../components/CaseTags';
import { DecisionSummary } from '../../components/DecisionSummary';
import { BackButton, CodeTitle, PageHeader } from '../../components/PageHeader';
import { useSubmit } from '../../hooks/useSubmit';
import { useAsync } from '../../hooks/useAsync';
import { DASH, useI18n } from '../../i18n';
import { useUser } from '../../lib/auth';
import { requiredText } from '../../lib/forms';
import { Link } from '../../lib/router';

/** 申诉: the institution's reason; its files follow on the appeal once filed. */
function AppealForm({ decisionId, onFiled }: { decisionId: string; onFiled: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const action = useSubmit(form, (v) => api.fileAppeal(decisionId, v.reason.trim()), {
    success: () => t('myDecision.appealFiled'),
    onDone: onFiled,
  });
  return (
    <Card size="small" title={t('myDecision.appeal')} className="fg-section" data-testid="appeal-form">
      <Form form={form} layout="vertical" name="appeal">
        <Form.Item
          label={t('appeals.reason')}
          name="reason"
          rules={[requiredText(t('myDecision.reasonRequired'))]}
          extra={t('myDecision.reasonHint')}
        >
          <Input.TextArea rows={5} maxLength={8000} showCount data-testid="appeal-reason-input" />
        </Form.Item>
      </Form>
      <SubmitButton label={t('myDecision.submitAppeal')} action={action} testId="appeal-submit" errorTestId="appeal-file-error" />
    </Card>
  );
}

/** An appeal of this decision: its reason, files (an institution adds them while it is pending) and outcome. */
function AppealItem({ appeal: a, canUpload, onChanged }: { appeal: Appeal; canUpload: boolean; onChanged: () => void }) {
  const { t, fmt } = useI18n();
  return (
    <AppealCard
      appeal={a}
      title={
        <Space>
          <span>{t('myDecision.appealOf', { time: fmt.dateTime(a.filedAt) })}</span>
          <AppealStatusTag status={a.status} />
        </Space>
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="appeal-reason">
        {a.reason}
      </Typography.Paragraph>
      {a.comment ? (
        <Alert
          type={a.status === 'upheld' ? 'info' : 'success'}
          className="fg-section"
          title={t('appeals.comment')}
          description={`${a.comment}（${a.decidedBy ?? DASH} · ${fmt.dateTime(a.decidedAt)}）`}
        />
      ) : null}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <AttachmentList files={a.attachments} testId="appeal-files" />
        {canUpload && a.status === 'pending' ? (
          <UploadButton
            upload={(f) => api.uploadAppealFile(a.id, f)}
            onDone={onChanged}
            testId="appeal-upload"
            label={t('myDecision.uploadToAppeal')}
          />
        ) : null}
      </Space>
    </AppealCard>
  );
}

function AppealWindow({ d }: { d: DecisionDetail }) {
  const { t, fmt } = useI18n();
  const x = d.decision;
  if (d.canAppeal)
    return (
      <Alert
        type="warning"
        showIcon
        className="fg-section"
        data-testid="appeal-window"
        title={t('myDecision.canAppeal', { until: fmt.date(x.appealUntil) })}
      />
    );
  if (d.appeals.some((a) => a.status === 'pending'))
    return <Alert type="info" showIcon className="fg-section" data-testid="appeal-window" title={t('myDecision.pending')} />;
  return null;
}

/** One decision: what it orders, its sanctions with dates, the appeal deadline, its appeals, and the institution's appeal. */
export default function DecisionPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  const { t } = useI18n();
  const user = useUser();
  const { data, error, reload } = useAsync((signal) => api.decision(id, signal), [id]);
  const back = <BackButton to="/decisions" testId="back-to-decisions" label={t('myDecision.back')} />;
  if (!data || data.decision.id !== id)
    return <NotLoaded error={error} notFoundTitle={t('myDecision.notFound')} onRetry={reload} extra={back} />;
  const d = data.decision;
  const institution = user.role === 'institution';

  return (
    <div data-testid="decision-page" data-status={d.status}>
      <PageHeader
        title={<CodeTitle title={t('myDecision.title')} code={d.caseNo} />}
        sub={`${d.institutionName ?? ''} (${d.fixmedinsCode})`}
        extra={
          <Space>
            {institution ? null : (
              <Link to={`/cases/${d.caseId}`} data-testid="decision-case-link">
                {t('myDecision.openCase')}
              </Link>
            )}
            {back}
          </Space>
        }
      />
      <AppealWindow d={data} />
      <Card size="small" className="fg-section" title={t('myDecision.outcome')}>
        <DecisionSummary decision={d} compact={institution} />
      </Card>
      {data.canAppeal ? <AppealForm decisionId={d.id} onFiled={reload} /> : null}
      <Card size="small" title={t('caseTab.appeals')} data-testid="decision-appeals">
        {data.appeals.length ? (
          [...data.appeals].reverse().map((a) => <AppealItem key={a.id} appeal={a} canUpload={institution} onChanged={reload} />)
        ) : (
          <Empty description={t('appeals.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
      </Card>
    </div>
  );
}
