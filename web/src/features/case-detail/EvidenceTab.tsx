import { Card } from 'antd';
import { api } from '../../api/endpoints';
import type { CaseDetail } from '../../api/types';
import { AttachmentList, UploadButton } from '../../components/Attachments';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../i18n';

/** The files of each clue of the case (GET /clues/:id for each). */
function ClueFiles({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const ids = detail.clues.map((c) => c.id);
  const { data } = useAsync((signal) => Promise.all(ids.map((id) => api.clue(id, signal))), [ids.join(',')]);
  const withFiles = (data ?? []).filter((c) => c.attachments.length);
  if (!withFiles.length) return null;
  return (
    <>
      {withFiles.map((c) => (
        <Card key={c.id} size="small" className="fg-section" title={t('evidence.ofClue', { summary: c.summary })}>
          <AttachmentList files={c.attachments} testId="clue-files" />
        </Card>
      ))}
    </>
  );
}

/** 证据材料: the case's own files (upload, download) and those that came with its clues. */
export function EvidenceTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useI18n();
  return (
    <div data-testid="evidence-tab">
      <Card
        size="small"
        className="fg-section"
        title={t('evidence.ofCase')}
        extra={
          detail.allowed.includes('add_note') ? (
            <UploadButton upload={(f) => api.uploadCaseFile(detail.case.id, f)} onDone={onChanged} testId="case-upload" />
          ) : null
        }
      >
        <AttachmentList files={detail.attachments} testId="case-files" />
      </Card>
      <ClueFiles detail={detail} />
    </div>
  );
}
