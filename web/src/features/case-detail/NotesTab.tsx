import { Card, Empty, Form, Input, Radio, Space, Tag, Timeline, Typography } from 'antd';
import { api } from '../../api/endpoints';
import { NOTE_KINDS, type CaseDetail, type CaseNote, type NoteKind } from '../../api/types';
import { SubmitButton } from '../../components/FormParts';
import { DayPicker } from '../../components/DayPicker';
import { FieldRow } from '../../components/FieldRow';
import { Hint } from '../../components/Hint';
import { useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';
import { requiredText } from '../../lib/forms';

interface Values {
  kind: NoteKind;
  body: string;
  on?: string;
  place?: string;
  participants?: string;
}

const KIND_COLORS: Record<NoteKind, string> = { note: 'default', inspection: 'blue', interview: 'purple' };

/** A record: a note, or an on-site inspection or interview with its day, place and participants. */
function NoteForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'inspection';
  const dated = kind !== 'note';
  const text = (s: string | undefined) => s?.trim() || undefined;
  const action = useSubmit(
    form,
    (v) =>
      api.addNote(caseId, {
        kind: v.kind,
        body: v.body.trim(),
        on: dated ? v.on : undefined,
        place: dated ? text(v.place) : undefined,
        participants: dated ? text(v.participants) : undefined,
      }),
    { success: () => t('notes.added'), onDone, reset: true },
  );

  return (
    <Card size="small" title={t('notes.add')} className="fg-section" data-testid="note-form">
      <Form<Values> form={form} layout="vertical" name="case-note" initialValues={{ kind: 'inspection' }}>
        <Form.Item label={t('notes.kind')} name="kind">
          <Radio.Group
            optionType="button"
            data-testid="note-kind"
            options={NOTE_KINDS.map((k) => ({ value: k, label: t(`noteKind.${k}`) }))}
          />
        </Form.Item>
        {dated ? (
          <FieldRow
            span={[24, 8]}
            fields={[
              {
                name: 'on',
                label: t('notes.on'),
                span: [24, 6],
                rules: [{ required: true, message: t('notes.onRequired') }],
                input: <DayPicker testId="note-on" />,
              },
              { name: 'place', label: t('notes.place'), input: <Input maxLength={200} data-testid="note-place" /> },
              {
                name: 'participants',
                label: t('notes.participants'),
                span: [24, 10],
                input: <Input maxLength={500} data-testid="note-participants" />,
              },
            ]}
          />
        ) : null}
        <Form.Item label={t('notes.body')} name="body" rules={[requiredText(t('notes.bodyRequired'))]}>
          <Input.TextArea rows={4} maxLength={8000} showCount data-testid="note-body" />
        </Form.Item>
      </Form>
      <SubmitButton label={t('notes.submit')} action={action} testId="note-submit" errorTestId="note-error" />
    </Card>
  );
}

function NoteItem({ n }: { n: CaseNote }) {
  const { t, fmt } = useI18n();
  const where = [n.on ? fmt.date(n.on) : null, n.place, n.participants ? t('notes.with', { who: n.participants }) : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <div data-testid="case-note" data-kind={n.kind}>
      <Space size={6} wrap>
        <Tag color={KIND_COLORS[n.kind]}>{t(`noteKind.${n.kind}`)}</Tag>
        {where ? <Typography.Text strong>{where}</Typography.Text> : null}
      </Space>
      <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{n.body}</Typography.Paragraph>
      <Hint>
        {n.createdBy} · {fmt.dateTime(n.createdAt)}
      </Hint>
    </div>
  );
}

/** 调查记录: notes, on-site inspections (现场检查) and interviews (约谈), and a form to add one. */
export function NotesTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useI18n();
  return (
    <div data-testid="notes-tab">
      {detail.allowed.includes('add_note') ? <NoteForm caseId={detail.case.id} onDone={onChanged} /> : null}
      {detail.notes.length ? (
        <Timeline
          items={detail.notes.map((n) => ({
            key: n.id,
            color: KIND_COLORS[n.kind] === 'default' ? 'gray' : KIND_COLORS[n.kind],
            content: <NoteItem n={n} />,
          }))}
        />
      ) : (
        <Empty description={t('notes.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </div>
  );
}
