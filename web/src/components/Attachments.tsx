import { useState } from 'react';
import { App as AntApp, Button, Typography, Upload } from 'antd';
import { attachmentUrl } from '../api/endpoints';
import type { Attachment } from '../api/types';
import { useI18n } from '../i18n';
import { errorMessage } from './ApiErrorResult';

/** What the server keeps (checked by content there): PDF, PNG, JPEG, .docx, .xlsx, .txt, up to 20 MB. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt';
const MAX_BYTES = 20 * 1024 * 1024;

/** Evidence files with their download links (GET /attachments/:id). */
export function AttachmentList({ files, testId = 'attachments' }: { files: Attachment[]; testId?: string }) {
  const { t, fmt } = useI18n();
  if (!files.length)
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('files.none')}
      </Typography.Text>
    );
  return (
    <ul className="fg-files" data-testid={testId}>
      {files.map((a) => (
        <li key={a.id}>
          <a href={attachmentUrl(a.id)} download={a.fileName} data-testid="attachment-link" data-file-name={a.fileName}>
            {a.fileName}
          </a>
          <Typography.Text type="secondary" className="fg-num">
            {fmt.bytes(a.size)}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('files.uploadedBy', { name: a.uploadedBy, time: fmt.dateTime(a.uploadedAt) })}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** A button that sends one file with `upload` and reports the result; the list is the caller's. */
export function UploadButton({
  upload,
  onDone,
  testId,
  label,
}: {
  upload: (file: File) => Promise<Attachment>;
  onDone: (a: Attachment) => void;
  testId: string;
  label?: string;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);

  const send = async (file: File) => {
    if (file.size > MAX_BYTES) {
      void message.error(t('files.tooLarge', { name: file.name }));
      return;
    }
    setBusy(true);
    try {
      const a = await upload(file);
      void message.success(t('files.uploaded', { name: a.fileName }));
      onDone(a);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span data-testid={testId}>
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        multiple={false}
        beforeUpload={(f) => {
          void send(f);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button loading={busy}>{label ?? t('files.upload')}</Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
        {t('files.hint')}
      </Typography.Text>
    </span>
  );
}
