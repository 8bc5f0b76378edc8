import { Card, Col, Empty, Form, Input, Radio, Row, Space, Tag, Timeline, Typography } from 'antd';
import { api } from '../../api/endpoints';
import { NOTE_KINDS, type CaseDetail, type CaseNote, type NoteKind } from '../../api/types';
import { SubmitButton } from '../../components/FormParts';
import { DayPicker } from '../../components/DayPicker';
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
          <Row gutter={12}>
            <Col xs={24} md={6}>
              <Form.Item label={t('notes.on')} name="on" rules={[{ required: true, message: t('notes.onRequired') }]}>
                <DayPicker testId="note-on" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('notes.place')} name="place">
                <Input maxLength={200} data-testid="note-place" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item label={t('notes.participants')} name="participants">
                <Input maxLength={500} data-testid="note-participants" />
              </Form.Item>
            </Col>
          </Row>
        ) : null}
        <Form.Item label={t('notes.body')} name="body" rules={[requiredText(t('notes.bodyRequired'))]}>
          <Input.TextArea rows={4} maxLength={8000} showCount data-testid="note-body" />
        </Form.Item>
      </Form>
      <SubmitButton label={t('notes.submit')} action={action} onClick={action.submit} testId="note-submit" errorTestId="note-error" />
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
