import type { ReactNode } from 'react';
import { Button, Descriptions, Modal } from 'antd';
import type { ButtonProps, DescriptionsProps } from 'antd';
import type { Action } from '../hooks/useAction';
import { useI18n } from '../i18n';
import { ActionError } from './ActionError';

/** A form's send button, with the server's refusal of the last try above it. */
export function SubmitButton({
  label,
  action,
  onClick,
  testId,
  errorTestId,
}: {
  label: string;
  action: Pick<Action, 'busy' | 'error'>;
  onClick: () => Promise<unknown>;
  testId: string;
  errorTestId: string;
}) {
  return (
    <>
      <ActionError error={action.error} testId={errorTestId} />
      <Button type="primary" loading={action.busy} onClick={() => void onClick().catch(() => undefined)} data-testid={testId}>
        {label}
      </Button>
    </>
  );
}

/** A form in a dialog: what it is about in brief, the fields; OK sends it (busy meanwhile). Rendered while closed too, so its form is there. */
export function FormModal({
  open,
  title,
  ok,
  okTestId,
  danger,
  busy,
  onOk,
  onCancel,
  width,
  about,
  children,
}: {
  open: boolean;
  title: string;
  /** The OK button's text. */
  ok: string;
  okTestId: string;
  danger?: boolean;
  busy: boolean;
  onOk: () => void;
  onCancel: () => void;
  width?: number;
  about?: DescriptionsProps['items'];
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      okText={ok}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={onOk}
      onCancel={onCancel}
      okButtonProps={{ danger, 'data-testid': okTestId } as ButtonProps}
      forceRender
      width={width}
    >
      {about ? <Descriptions size="small" column={1} className="fg-section" items={about} /> : null}
      {children}
    </Modal>
  );
}
