import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { isApiError } from '../../api/client';
import { api } from '../../api/endpoints';
import { MANUAL_CLUE_SOURCES, type Attachment, type Clue, type ClueBody, type PersonRef } from '../../api/types';
import { errorMessage } from '../../components/ApiErrorResult';
import { AttachmentList, UploadButton } from '../../components/Attachments';
import { FieldRow } from '../../components/FieldRow';
import { Hint } from '../../components/Hint';
import { MoneyInput } from '../../components/MoneyInput';
import { useI18n } from '../../i18n';
import { requiredText } from '../../lib/forms';

interface Values {
  source: (typeof MANUAL_CLUE_SOURCES)[number];
  fixmedinsCode: string;
  summary: string;
  note?: string;
  persons?: Array<{ kind: PersonRef['kind']; id?: string; name?: string }>;
  amount?: number | null;
  reference?: string;
}

const PERSON_KINDS: Array<PersonRef['kind']> = ['insured', 'practitioner', 'other'];

function toBody(v: Values): ClueBody {
  const persons = (v.persons ?? [])
    .map((p) => ({ kind: p.kind, id: p.id?.trim() || undefined, name: p.name?.trim() || undefined }))
    .filter((p) => p.id || p.name);
  return {
    source: v.source,
    fixmedinsCode: v.fixmedinsCode.trim(),
    summary: v.summary.trim(),
    note: v.note?.trim() || undefined,
    persons: persons.length ? persons : undefined,
    amount: v.amount ?? undefined,
    reference: v.reference?.trim() || undefined,
  };
}

/** The people a report or a referral names: an insured person, a practitioner or someone else, by id or name. */
function PersonsField() {
  const { t } = useI18n();
  return (
    <Form.List name="persons">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }} size={4}>
          {fields.map((f) => (
            <Space.Compact key={f.key} block data-testid="clue-person">
              <Form.Item name={[f.name, 'kind']} noStyle initialValue="other">
                <Select
                  style={{ width: 120 }}
                  options={PERSON_KINDS.map((k) => ({ value: k, label: t(`person.${k}`) }))}
                  data-testid="clue-person-kind"
                />
              </Form.Item>
              <Form.Item name={[f.name, 'id']} noStyle>
                <Input placeholder={t('clues.form.personId')} maxLength={64} data-testid="clue-person-id" />
              </Form.Item>
              <Form.Item name={[f.name, 'name']} noStyle>
                <Input placeholder={t('clues.form.personName')} maxLength={64} data-testid="clue-person-name" />
              </Form.Item>
              <Button onClick={() => remove(f.name)} aria-label={t('common.remove')}>
                {t('common.remove')}
              </Button>
            </Space.Compact>
          ))}
          <Button type="dashed" onClick={() => add({ kind: 'other' })} data-testid="clue-person-add">
            {t('clues.form.addPerson')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

/** After the clue is made: its evidence files, uploaded one by one. */
function EvidenceStep({ clue, files, onUploaded }: { clue: Clue; files: Attachment[]; onUploaded: (a: Attachment) => void }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="clue-evidence-step">
      <Alert type="success" showIcon title={t('clues.created', { id: clue.id.slice(0, 8) })} description={t('clues.form.evidenceHint')} />
      <UploadButton upload={(f) => api.uploadClueFile(clue.id, f)} onDone={onUploaded} testId="clue-upload" />
      <AttachmentList files={files} testId="clue-new-files" />
    </Space>
  );
}

/** 新建线索: a report, a referral, an inspection or another lead entered by hand, then its evidence files. */
export function NewClueModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (c: Clue) => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<Clue | null>(null);
  const [files, setFiles] = useState<Attachment[]>([]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setMade(null);
    setFiles([]);
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const clue = await api.createClue(toBody(v));
      setMade(clue);
      onCreated(clue);
    } catch (e) {
      if (isApiError(e) && e.status === 404) form.setFields([{ name: 'fixmedinsCode', errors: [t('clues.form.institutionNotFound')] }]);
      else if (isApiError(e) && e.code === 'validation' && e.details.length) {
        form.setFields(e.details.map((d) => ({ name: d.path.split('.')[0] as keyof Values, errors: [d.message] })));
      } else void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const footer = made
    ? [
        <Button key="done" type="primary" onClick={onClose} data-testid="clue-form-done">
          {t('clues.form.done')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => void submit().catch(() => undefined)} data-testid="clue-form-submit">
          {t('clues.form.create')}
        </Button>,
      ];

  return (
    <Modal open={open} title={t('clues.newTitle')} onCancel={onClose} footer={footer} width={720} forceRender>
      {made ? <EvidenceStep clue={made} files={files} onUploaded={(a) => setFiles((x) => [...x, a])} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="new-clue"
        initialValues={{ source: 'report' }}
        style={made ? { display: 'none' } : undefined}
        data-testid="clue-form"
      >
        <Form.Item label={t('clues.source')} name="source" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            data-testid="clue-form-source"
            options={MANUAL_CLUE_SOURCES.map((s) => ({ value: s, label: t(`clues.source.${s}`) }))}
          />
        </Form.Item>
        <FieldRow
          span={[24, 12]}
          fields={[
            {
              name: 'fixmedinsCode',
              label: t('clues.form.institution'),
              rules: [{ required: true, pattern: /^\s*[HP][0-9]{11}\s*$/, message: t('clues.form.institutionInvalid') }],
              input: <Input maxLength={16} placeholder="H33010600001" data-testid="clue-form-institution" />,
            },
            {
              name: 'reference',
              label: t('clues.form.reference'),
              tooltip: t('clues.form.referenceHint'),
              input: <Input maxLength={100} data-testid="clue-form-reference" />,
            },
            {
              name: 'summary',
              label: t('clues.summary'),
              span: [24, 24],
              rules: [requiredText(t('clues.form.summaryRequired'))],
              input: <Input maxLength={200} showCount data-testid="clue-form-summary" />,
            },
            {
              name: 'note',
              label: t('clues.form.note'),
              span: [24, 24],
              input: <Input.TextArea rows={3} maxLength={4000} data-testid="clue-form-note" />,
            },
            {
              name: 'amount',
              label: t('clues.amount'),
              extra: <Hint>{t('clues.form.amountHint')}</Hint>,
              input: <MoneyInput testId="clue-form-amount" />,
            },
          ]}
        />
        <Form.Item label={t('clues.form.persons')}>
          <PersonsField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
