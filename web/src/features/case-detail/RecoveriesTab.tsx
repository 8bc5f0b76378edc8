import type { HTMLAttributes } from 'react';
import dayjs from 'dayjs';
import { Card, Descriptions, Form, Input, Radio, Table, Tag } from 'antd';
import { api } from '../../api/endpoints';
import type { CaseDetail, Recovery } from '../../api/types';
import { SubmitButton } from '../../components/FormParts';
import { DayPicker } from '../../components/DayPicker';
import { FieldRow } from '../../components/FieldRow';
import { Money } from '../../components/Money';
import { MoneyInput } from '../../components/MoneyInput';
import { useSubmit } from '../../hooks/useSubmit';
import { DASH, useI18n } from '../../i18n';
import { outstanding } from '../../lib/cases';

interface Values {
  kind: 'return' | 'fine';
  amount: number | null;
  paidOn: string;
  reference?: string;
}

const OUTSTANDING = { return: 'recoveries.outstandingReturn', fine: 'recoveries.outstandingFine' } as const;

/** 记录追回: a payment of returned funds or of the fine, prefilled with what is still outstanding of that kind. */
function RecoveryForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const owed = outstanding(detail);
  const today = dayjs().format('YYYY-MM-DD');
  const kinds = (['return', 'fine'] as const).map((k) => ({ value: k, label: t(`recoveries.kind.${k}`) }));
  const action = useSubmit(
    form,
    (v) =>
      api.recordRecovery(detail.case.id, {
        kind: v.kind,
        amount: v.amount ?? 0,
        paidOn: v.paidOn,
        reference: v.reference?.trim() || undefined,
      }),
    { success: () => t('recoveries.recorded'), onDone, reset: true },
  );

  return (
    <Card size="small" title={t('recoveries.add')} className="fg-section" data-testid="recovery-form">
      <Form<Values>
        form={form}
        layout="vertical"
        name="recovery"
        initialValues={{ kind: 'return', amount: owed.return || null, paidOn: today }}
        onValuesChange={(c: Partial<Values>) => {
          if (c.kind) form.setFieldValue('amount', owed[c.kind] || null);
        }}
      >
        <FieldRow
          span={[24, 6]}
          fields={[
            {
              name: 'kind',
              label: t('recoveries.kind'),
              input: <Radio.Group optionType="button" data-testid="recovery-kind" options={kinds} />,
            },
            {
              name: 'amount',
              label: t('recoveries.amount'),
              rules: [{ required: true, type: 'number', min: 0.01, message: t('recoveries.amountRequired') }],
              input: <MoneyInput testId="recovery-amount" />,
            },
            {
              name: 'paidOn',
              label: t('recoveries.paidOn'),
              rules: [{ required: true, message: t('recoveries.paidOnRequired') }],
              input: <DayPicker testId="recovery-paid-on" allowClear={false} disabledAfter={today} />,
            },
            { name: 'reference', label: t('recoveries.reference'), input: <Input maxLength={100} data-testid="recovery-reference" /> },
          ]}
        />
      </Form>
      <SubmitButton label={t('recoveries.submit')} action={action} testId="recovery-submit" errorTestId="recovery-error" />
    </Card>
  );
}

/** 追回: what the decision in force orders, what was paid, what is outstanding; the payments recorded. */
export function RecoveriesTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t, fmt } = useI18n();
  const owed = outstanding(detail);
  return (
    <div data-testid="recoveries-tab">
      <Descriptions
        size="small"
        bordered
        className="fg-section"
        column={{ xs: 1, md: 4 }}
        items={[
          { key: 'due', label: t('cases.due'), children: <Money value={detail.case.due} strong /> },
          { key: 'recovered', label: t('cases.recovered'), children: <Money value={detail.case.recovered} strong /> },
          ...(['return', 'fine'] as const).map((kind) => ({
            key: kind,
            label: t(OUTSTANDING[kind]),
            children: (
              <span data-testid={`outstanding-${kind}`}>
                <Money value={owed[kind]} />
              </span>
            ),
          })),
        ]}
      />
      {detail.allowed.includes('recover') ? <RecoveryForm detail={detail} onDone={onChanged} /> : null}
      <Table<Recovery>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.recoveries}
        locale={{ emptyText: t('recoveries.none') }}
        onRow={(r) => ({ 'data-testid': 'recovery-row', 'data-kind': r.kind }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'kind',
            title: t('recoveries.kind'),
            render: (_, r) => <Tag color={r.kind === 'fine' ? 'volcano' : 'blue'}>{t(`recoveries.kind.${r.kind}`)}</Tag>,
          },
          { key: 'amount', title: t('recoveries.amount'), align: 'right', render: (_, r) => <Money value={r.amount} /> },
          { key: 'paidOn', title: t('recoveries.paidOn'), render: (_, r) => fmt.date(r.paidOn) },
          { key: 'reference', title: t('recoveries.reference'), render: (_, r) => r.reference ?? DASH },
          { key: 'recorded', title: t('recoveries.recordedBy'), render: (_, r) => `${r.recordedBy} · ${fmt.dateTime(r.recordedAt)}` },
        ]}
      />
    </div>
  );
}
