import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { api } from '../../api/endpoints';
import { isApiError } from '../../api/client';
import type { FindingDecisionAction } from '../../api/types';
import { AnalystSelect } from '../../components/AnalystSelect';
import { errorMessage } from '../../components/ApiErrorResult';
import { useI18n } from '../../i18n';
import { requiredText } from '../../lib/forms';

const ORDER: FindingDecisionAction[] = ['confirm', 'assign', 'dismiss', 'respond', 'reopen'];
const NEEDS_REASON: ReadonlySet<FindingDecisionAction> = new Set(['dismiss', 'respond', 'reopen']);

interface DecisionValues {
  reason?: string;
  assignee?: string;
}

/** The triage buttons the server allows, each asking for what its decision needs (a reason, an analyst). */
export function DecisionActions({
  findingId,
  allowed,
  onDone,
}: {
  findingId: string;
  allowed: FindingDecisionAction[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [action, setAction] = useState<FindingDecisionAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<DecisionValues>();

  const open = (a: FindingDecisionAction) => {
    form.resetFields();
    setAction(a);
  };

  const submit = async () => {
    if (!action) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.decide(findingId, {
        action,
        reason: v.reason?.trim() || undefined,
        assignee: action === 'assign' ? v.assignee : undefined,
      });
      void message.success(t('detail.submitted', { action: t(`action.${action}`) }));
      setAction(null);
      onDone();
    } catch (e) {
      if (isApiError(e) && e.code === 'validation' && e.details.length) {
        form.setFields(e.details.map((d) => ({ name: d.path === 'assignee' ? 'assignee' : 'reason', errors: [d.message] })));
      } else {
        void message.error(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const actions = ORDER.filter((a) => allowed.includes(a));
  if (!actions.length) return <Typography.Text type="secondary">{t('detail.noActions')}</Typography.Text>;

  return (
    <>
      <Space wrap data-testid="decision-actions">
        {actions.map((a) => (
          <Button
            key={a}
            type={a === 'confirm' ? 'primary' : 'default'}
            danger={a === 'dismiss'}
            onClick={() => open(a)}
            data-testid={`decision-${a}`}
          >
            {t(`action.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={action !== null}
        title={action ? t(`action.${action}`) : ''}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={() => setAction(null)}
        okButtonProps={{ 'data-testid': 'decision-submit' } as ButtonProps}
        forceRender
      >
        <Form<DecisionValues> form={form} layout="vertical" name="decision">
          {action === 'assign' ? (
            <Form.Item label={t('detail.assignTo')} name="assignee" rules={[{ required: true, message: t('detail.assigneeRequired') }]}>
              <AnalystSelect testId="decision-assignee" />
            </Form.Item>
          ) : null}
          <Form.Item
            label={action && NEEDS_REASON.has(action) ? t('detail.reason') : t('detail.note')}
            name="reason"
            rules={action && NEEDS_REASON.has(action) ? [requiredText(t('detail.reasonRequired'))] : []}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="decision-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
