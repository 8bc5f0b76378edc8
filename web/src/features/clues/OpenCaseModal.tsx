import { Form, Input } from 'antd';
import { api } from '../../api/endpoints';
import type { CaseDetail, Clue } from '../../api/types';
import { ActionError } from '../../components/ActionError';
import { AnalystSelect } from '../../components/AnalystSelect';
import { DayPicker } from '../../components/DayPicker';
import { FormModal } from '../../components/FormParts';
import { Money } from '../../components/Money';
import { useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';

interface Values {
  title?: string;
  handler?: string;
  deadline?: string;
}

/** 立案: a case on the selected open clues of one institution, with a title, a handler and a deadline (the server's defaults when left empty). */
export function OpenCaseModal({
  clues,
  onClose,
  onOpened,
}: {
  clues: Clue[] | null;
  onClose: () => void;
  onOpened: (d: CaseDetail) => void;
}) {
  const { t, fmt } = useI18n();
  const [form] = Form.useForm<Values>();
  const action = useSubmit(
    form,
    (v) =>
      api.openCase({
        clueIds: (clues ?? []).map((c) => c.id),
        title: v.title?.trim() || undefined,
        handler: v.handler,
        deadline: v.deadline,
      }),
    { success: (d) => t('clues.caseOpened', { no: d.case.caseNo }), onDone: onOpened },
  );

  const about = (selected: Clue[]) => {
    const first = selected[0];
    if (!first) return undefined;
    return [
      { key: 'inst', label: t('clues.institution'), children: `${first.institutionName ?? ''} (${first.fixmedinsCode})` },
      { key: 'n', label: t('clues.selectedClues'), children: fmt.count(selected.length) },
      { key: 'amount', label: t('clues.amount'), children: <Money value={selected.reduce((a, c) => a + c.amount, 0)} /> },
    ];
  };
  return (
    <FormModal
      subject={clues}
      form={form}
      action={action}
      title={t('clues.openCaseTitle')}
      ok={t('clues.openCase')}
      okTestId="case-form-submit"
      onClose={onClose}
      width={600}
      about={about}
    >
      <Form<Values> form={form} layout="vertical" name="open-case">
        <Form.Item label={t('cases.title')} name="title" extra={t('clues.titleHint')}>
          <Input maxLength={200} data-testid="case-form-title" />
        </Form.Item>
        <Form.Item label={t('cases.handler')} name="handler" extra={t('clues.handlerHint')}>
          <AnalystSelect testId="case-form-handler" allowClear />
        </Form.Item>
        <Form.Item label={t('cases.deadline')} name="deadline" extra={t('clues.deadlineHint')}>
          <DayPicker testId="case-form-deadline" />
        </Form.Item>
      </Form>
      <ActionError error={action.error} testId="case-form-error" />
    </FormModal>
  );
}
