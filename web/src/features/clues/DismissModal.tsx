import { Form, Input, Typography } from 'antd';
import { api } from '../../api/endpoints';
import type { Clue } from '../../api/types';
import { ActionError } from '../../components/ActionError';
import { FormModal } from '../../components/FormParts';
import { useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';
import { requiredText } from '../../lib/forms';

/** 不予立案: sets an open clue aside with the reason. */
export function DismissModal({ clue, onClose, onDone }: { clue: Clue | null; onClose: () => void; onDone: (c: Clue) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const action = useSubmit(form, (v) => api.dismissClue(clue?.id ?? '', v.reason.trim()), { success: () => t('clues.dismissed'), onDone });

  return (
    <FormModal
      subject={clue}
      form={form}
      action={action}
      title={t('clues.dismissTitle')}
      ok={t('clues.dismiss')}
      okTestId="clue-dismiss-submit"
      danger
      onClose={onClose}
    >
      {clue ? <Typography.Paragraph>{clue.summary}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" name="dismiss-clue">
        <Form.Item label={t('detail.reason')} name="reason" rules={[requiredText(t('detail.reasonRequired'))]}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="clue-dismiss-reason" />
        </Form.Item>
      </Form>
      <ActionError error={action.error} testId="clue-dismiss-error" />
    </FormModal>
  );
}
