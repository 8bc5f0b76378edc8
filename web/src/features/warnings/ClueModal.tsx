import { useState } from 'react';
import { App as AntApp, Form, Input } from 'antd';
import { isApiError } from '../../api/client';
import { api } from '../../api/endpoints';
import type { Clue, WarningRow } from '../../api/types';
import { errorMessage } from '../../components/ApiErrorResult';
import { FormModal } from '../../components/FormParts';
import { WarningLevelTag } from '../../components/Tags';
import { useI18n } from '../../i18n';

/** "转为线索": the warning in brief, an optional note, POST /warnings/:id/clue. */
export function ClueModal({
  warning,
  onClose,
  onMade,
  onConflict,
}: {
  warning: WarningRow | null;
  onClose: () => void;
  onMade: (warning: WarningRow, clue: Clue) => void;
  /** The warning already had a clue (made elsewhere meanwhile): reload the list. */
  onConflict: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!warning) return;
    const { note } = await form.validateFields();
    setBusy(true);
    try {
      const clue = await api.makeClue(warning.id, note?.trim() || undefined);
      void message.success(t('warnings.clueCreated', { id: clue.id }));
      onMade(warning, clue);
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        void message.warning(t('warnings.clueExists'));
        onConflict();
      } else if (isApiError(e) && e.code === 'validation' && e.details.length) {
        form.setFields([{ name: 'note', errors: e.details.map((d) => d.message) }]);
      } else {
        void message.error(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      subject={warning}
      form={form}
      action={{ busy, submit }}
      title={t('warnings.clueTitle')}
      ok={t('warnings.makeClue')}
      okTestId="clue-submit"
      onClose={onClose}
      width={560}
      about={(w) => [
        { key: 'inst', label: t('finding.institution'), children: `${w.institutionName ?? ''} (${w.fixmedinsCode})` },
        { key: 'month', label: t('warnings.month'), children: w.month },
        { key: 'ind', label: t('warnings.indicator'), children: pick(w.indicatorName, w.indicatorNameEn) },
        { key: 'level', label: t('finding.level'), children: <WarningLevelTag level={w.level} /> },
        { key: 'msg', label: t('warnings.message'), children: pick(w.message, w.messageEn) },
      ]}
    >
      <Form form={form} layout="vertical" name="clue">
        <Form.Item label={t('warnings.clueNote')} name="note">
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('warnings.cluePlaceholder')} data-testid="clue-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
