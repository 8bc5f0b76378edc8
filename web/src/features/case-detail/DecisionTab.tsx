import { Alert, App as AntApp, Button, Card, Empty, Form, Input, Space } from 'antd';
import { api } from '../../api/endpoints';
import type { CaseDecision, CaseDetail } from '../../api/types';
import { ActionError } from '../../components/ActionError';
import { DecisionSummary } from '../../components/DecisionSummary';
import { useAction } from '../../hooks/useAction';
import { useI18n } from '../../i18n';
import { hasRole, useUser } from '../../lib/auth';
import { decisionBody, decisionValues, openDecision, type DecisionValues } from '../../lib/cases';
import { DecisionForm } from './DecisionForm';

/** The handler's draft: the form (the open draft or the returned decision, else a blank one), 保存草稿 and 提交审核. */
function DraftPanel({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const action = useAction();
  const current = openDecision(detail.decisions);
  const computed = detail.confirmedFindings.amount;

  const save = async (submit: boolean) => {
    const v = await form.validateFields();
    const done = await action.run(async () => {
      const d = await api.draftDecision(detail.case.id, decisionBody(v, computed));
      return submit ? api.submitDecision(d.id) : d;
    });
    if (!done) return;
    void message.success(submit ? t('decisionTab.submitted') : t('decisionTab.saved'));
    onDone();
  };

  return (
    <Card
      size="small"
      className="fg-section"
      title={current ? t('decisionTab.editDraft', { n: current.version }) : t('decisionTab.newDraft')}
      data-testid="decision-draft"
    >
      {current?.status === 'returned' ? (
        <Alert
          type="warning"
          showIcon
          className="fg-section"
          data-testid="decision-returned"
          title={t('decisionTab.returnedBy', { name: current.reviewedBy ?? '' })}
          description={current.reviewComment}
        />
      ) : null}
      <DecisionForm form={form} name="draft-decision" initial={decisionValues(current, computed)} computedLoss={computed} />
      <ActionError error={action.error} testId="decision-error" />
      <Space>
        <Button loading={action.busy} onClick={() => void save(false).catch(() => undefined)} data-testid="case-decision-save">
          {t('decisionTab.save')}
        </Button>
        <Button
          type="primary"
          loading={action.busy}
          onClick={() => void save(true).catch(() => undefined)}
          data-testid="case-decision-submit"
        >
          {t('decisionTab.submit')}
        </Button>
      </Space>
    </Card>
  );
}

/** The reviewer's 通过 / 退回 of the submitted decision (a return says why); the server's maker–checker refusal is shown as it comes. */
function ReviewPanel({ decision, onDone }: { decision: CaseDecision; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const action = useAction();

  const review = async (kind: 'approve' | 'return') => {
    const comment = (form.getFieldValue('comment') as string | undefined)?.trim() || undefined;
    if (kind === 'return' && !comment) {
      form.setFields([{ name: 'comment', errors: [t('review.commentRequired')] }]);
      return;
    }
    const done = await action.run(() => api.reviewDecision(decision.id, { action: kind, comment }));
    if (!done) return;
    void message.success(kind === 'approve' ? t('review.approved') : t('review.returned'));
    onDone();
  };

  return (
    <Card size="small" className="fg-section" title={t('review.title', { n: decision.version })} data-testid="decision-review">
      <Form form={form} layout="vertical" name="review" onValuesChange={() => form.setFields([{ name: 'comment', errors: [] }])}>
        <Form.Item label={t('review.comment')} name="comment" extra={t('review.commentHint')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="review-comment" />
        </Form.Item>
      </Form>
      <ActionError error={action.error} testId="review-error" />
      <Space>
        <Button type="primary" loading={action.busy} onClick={() => void review('approve')} data-testid="review-approve">
          {t('review.approve')}
        </Button>
        <Button danger loading={action.busy} onClick={() => void review('return')} data-testid="review-return">
          {t('review.return')}
        </Button>
      </Space>
    </Card>
  );
}

/** 处理决定: every version with its status (newest first), and what the caller may do: draft and submit, or review. */
export function DecisionTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const submitted = detail.decisions.find((d) => d.status === 'submitted');
  const ownDraft =
    submitted && !detail.allowed.includes('review') && hasRole(user, 'admin', 'reviewer') && submitted.draftedBy === user.username;
  return (
    <div data-testid="decision-tab">
      {detail.allowed.includes('draft') ? <DraftPanel detail={detail} onDone={onChanged} /> : null}
      {submitted && detail.allowed.includes('review') ? <ReviewPanel decision={submitted} onDone={onChanged} /> : null}
      {ownDraft ? <Alert type="info" showIcon className="fg-section" data-testid="review-own-draft" title={t('review.ownDraft')} /> : null}
      {detail.decisions.length ? (
        [...detail.decisions].reverse().map((d) => (
          <Card
            key={d.id}
            size="small"
            className="fg-section"
            title={t('decision.version', { n: d.version })}
            data-testid="decision-version"
            data-status={d.status}
          >
            <DecisionSummary decision={d} />
          </Card>
        ))
      ) : detail.allowed.includes('draft') ? null : (
        <Empty description={t('decisionTab.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </div>
  );
}
