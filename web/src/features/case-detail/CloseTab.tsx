import { Alert, App as AntApp, Card, Descriptions, Form, Input, Typography } from 'antd';
import { api } from '../../api/endpoints';
import type { CaseDetail } from '../../api/types';
import { SubmitButton } from '../../components/FormParts';
import { Money } from '../../components/Money';
import { useAction } from '../../hooks/useAction';
import { DASH, useI18n } from '../../i18n';

/** 办结: closes the case with a note (the server wants one while money is outstanding or without a decision), or shows how it was closed. */
export function CloseTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t, fmt } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const action = useAction();
  const k = detail.case;

  if (k.status === 'closed') {
    return (
      <Descriptions
        size="small"
        bordered
        column={1}
        data-testid="case-closed"
        items={[
          { key: 'at', label: t('close.closedAt'), children: fmt.dateTime(k.closedAt) },
          { key: 'note', label: t('close.note'), children: k.closeNote ?? DASH },
          { key: 'due', label: t('cases.due'), children: <Money value={k.due} /> },
          { key: 'recovered', label: t('cases.recovered'), children: <Money value={k.recovered} /> },
        ]}
      />
    );
  }
  if (!detail.allowed.includes('close')) {
    return (
      <Alert type="info" showIcon data-testid="close-not-allowed" title={t('close.notNow', { status: t(`caseStatus.${k.status}`) })} />
    );
  }

  const outstanding = Math.max(0, Math.round((k.due - k.recovered) * 100) / 100);
  const close = async () => {
    const note = (form.getFieldValue('note') as string | undefined)?.trim() || undefined;
    const done = await action.run(() => api.closeCase(k.id, note));
    if (!done) return;
    void message.success(t('close.done', { no: k.caseNo }));
    onChanged();
  };

  return (
    <Card size="small" data-testid="close-form">
      <Typography.Paragraph>
        {outstanding > 0
          ? t('close.outstanding', { amount: fmt.money(outstanding) })
          : k.status === 'investigating'
            ? t('close.noDecision')
            : t('close.allPaid')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="close-case">
        <Form.Item label={t('close.note')} name="note" extra={t('close.noteHint')}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="close-note" />
        </Form.Item>
      </Form>
      <SubmitButton label={t('close.submit')} action={action} onClick={close} testId="case-close" errorTestId="close-error" />
    </Card>
  );
}
