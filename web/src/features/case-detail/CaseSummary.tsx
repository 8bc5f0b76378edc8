import { useState } from 'react';
import { Button, Card, Descriptions, Form, Modal, Space, Steps, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { api } from '../../api/endpoints';
import type { CaseDetail } from '../../api/types';
import { ActionError } from '../../components/ActionError';
import { AnalystSelect } from '../../components/AnalystSelect';
import { OverdueTag } from '../../components/CaseTags';
import { DayPicker } from '../../components/DayPicker';
import { Money } from '../../components/Money';
import { useSubmit } from '../../hooks/useSubmit';
import { DASH, useI18n } from '../../i18n';
import { CASE_STEPS, caseStep } from '../../lib/cases';
import { Link } from '../../lib/router';

/** 变更承办人/期限. */
function AssignModal({ detail, open, onClose, onDone }: { detail: CaseDetail; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ handler?: string; deadline?: string }>();
  const action = useSubmit(form, (v) => api.assignCase(detail.case.id, { handler: v.handler, deadline: v.deadline }), {
    success: () => t('caseDetail.assigned'),
    onDone,
  });
  return (
    <Modal
      open={open}
      title={t('caseDetail.assign')}
      onCancel={onClose}
      onOk={() => void action.submit()}
      confirmLoading={action.busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'assign-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="assign" initialValues={{ handler: detail.case.handler, deadline: detail.case.deadline }}>
        <Form.Item label={t('cases.handler')} name="handler">
          <AnalystSelect testId="assign-handler" />
        </Form.Item>
        <Form.Item label={t('cases.deadline')} name="deadline">
          <DayPicker testId="assign-deadline" allowClear={false} />
        </Form.Item>
      </Form>
      <ActionError error={action.error} testId="assign-error" />
    </Modal>
  );
}

/** An amount with a test id and its value, for reading. */
function Amount({ value, testId }: { value: number; testId: string }) {
  return (
    <span data-testid={testId} data-value={value}>
      <Money value={value} strong />
    </span>
  );
}

/** The case at a glance: where it stands (立案调查 → 决定审核 → 已决定 → 申诉 → 办结), the institution, handler, deadline and amounts. */
export function CaseSummary({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t, fmt } = useI18n();
  const [assigning, setAssigning] = useState(false);
  const k = detail.case;
  const step = caseStep(k.status, detail.appeals.length > 0);
  return (
    <Card size="small" className="fg-section" data-testid="case-summary">
      <Steps
        className="fg-section"
        size="small"
        current={step}
        status={k.status === 'closed' ? 'finish' : 'process'}
        data-testid="case-steps"
        data-current={step}
        items={CASE_STEPS.map((s) => ({ title: t(`caseStep.${s}`) }))}
      />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          {
            key: 'inst',
            label: t('clues.institution'),
            span: 2,
            children: (
              <Link
                to={`/institutions/${encodeURIComponent(k.fixmedinsCode)}`}
                data-testid="case-institution-link"
              >{`${k.institutionName ?? ''} (${k.fixmedinsCode})`}</Link>
            ),
          },
          { key: 'region', label: t('finding.region'), children: k.regionName ?? k.admdvs ?? DASH },
          { key: 'grid', label: t('finding.grid'), children: k.gridId ?? DASH },
          {
            key: 'handler',
            label: t('cases.handler'),
            children: (
              <Space size={4}>
                <span data-testid="case-handler">{k.handler}</span>
                {detail.allowed.includes('assign') ? (
                  <Button size="small" type="link" onClick={() => setAssigning(true)} data-testid="case-assign">
                    {t('caseDetail.change')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
          { key: 'opened', label: t('cases.openedAt'), children: `${fmt.date(k.openedAt)} · ${k.openedBy}` },
          {
            key: 'deadline',
            label: t('cases.deadline'),
            children: (
              <Space size={4} data-testid="case-deadline">
                <Typography.Text type={k.overdue ? 'danger' : undefined} className="fg-num">
                  {fmt.date(k.deadline)}
                </Typography.Text>
                {k.overdue ? <OverdueTag /> : null}
              </Space>
            ),
          },
          {
            key: 'findings',
            label: t('caseDetail.confirmedFindings'),
            children: t('caseDetail.findingsValue', {
              n: fmt.count(detail.confirmedFindings.count),
              amount: fmt.money(detail.confirmedFindings.amount),
            }),
          },
          {
            key: 'involved',
            label: t('cases.amountInvolved'),
            children: <Amount value={k.amountInvolved} testId="case-amount-involved" />,
          },
          { key: 'due', label: t('cases.due'), children: <Amount value={k.due} testId="case-due" /> },
          { key: 'recovered', label: t('cases.recovered'), children: <Amount value={k.recovered} testId="case-recovered" /> },
          ...(k.closedAt ? [{ key: 'closed', label: t('close.closedAt'), children: fmt.dateTime(k.closedAt) }] : []),
        ]}
      />
      <AssignModal
        detail={detail}
        open={assigning}
        onClose={() => setAssigning(false)}
        onDone={() => {
          setAssigning(false);
          onChanged();
        }}
      />
    </Card>
  );
}
