import { useEffect, type ReactNode } from 'react';
import { Button, Descriptions, Modal } from 'antd';
import type { ButtonProps, DescriptionsProps, FormInstance } from 'antd';
import type { Action } from '../hooks/useAction';
import { useI18n } from '../i18n';
import { ActionError } from './ActionError';

/** A form's send button, with the server's refusal of the last try above it; it sends with `onClick`, else the action's own submit. */
export function SubmitButton({
  label,
  action,
  onClick = action.submit,
  testId,
  errorTestId,
}: {
  label: string;
  action: Pick<Action, 'busy' | 'error'> & { submit?: () => Promise<unknown> };
  onClick?: () => Promise<unknown>;
  testId: string;
  errorTestId: string;
}) {
  return (
    <>
      <ActionError error={action.error} testId={errorTestId} />
      <Button type="primary" loading={action.busy} onClick={() => void onClick?.().catch(() => undefined)} data-testid={testId}>
        {label}
      </Button>
    </>
  );
}

/**
 * A form in a dialog about a subject (a clue, a warning, the clues of a new case): open while there is one, the
 * form fresh and the last refusal forgotten each time it opens; what the subject is in brief above the form, and
 * OK sends it (busy meanwhile). Rendered while closed too, so its form is there.
 */
export function FormModal<S>({
  subject,
  form,
  action,
  title,
  ok,
  okTestId,
  danger,
  onClose,
  width,
  about,
  children,
}: {
  subject: S | null;
  form: FormInstance;
  action: { busy: boolean; submit: () => Promise<unknown>; clear?: () => void };
  title: string;
  /** The OK button's text. */
  ok: string;
  okTestId: string;
  danger?: boolean;
  onClose: () => void;
  width?: number;
  about?: (subject: S) => DescriptionsProps['items'] | undefined;
  children: ReactNode;
}) {
  const { t } = useI18n();
  useEffect(() => {
    if (subject === null) return;
    form.resetFields();
    action.clear?.();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [subject]);
  const items = subject === null ? undefined : about?.(subject);
  return (
    <Modal
      open={subject !== null}
      title={title}
      okText={ok}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      onOk={() => void action.submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ danger, 'data-testid': okTestId } as ButtonProps}
      forceRender
      width={width}
    >
      {items ? <Descriptions size="small" column={1} className="fg-section" items={items} /> : null}
      {children}
    </Modal>
  );
}
