import { useEffect } from 'react';
import { Button, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import { FINE_MULTIPLES, SANCTION_KINDS, SANCTION_RULES, type SanctionKind } from '../../api/types';
import { DayPicker } from '../../components/DayPicker';
import { Hint } from '../../components/Hint';
import { MoneyInput } from '../../components/MoneyInput';
import { useI18n } from '../../i18n';
import { requiredText } from '../../lib/forms';
import { fineAmount, fineMultipleValid, lossChanged, type DecisionValues } from '../../lib/cases';

/** One sanction: its kind, and the length, department or practitioner the kind needs; the first day is optional. */
function SanctionRow({ form, name, onRemove }: { form: FormInstance<DecisionValues>; name: number; onRemove: () => void }) {
  const { t } = useI18n();
  const kind = (Form.useWatch(['sanctions', name, 'kind'], form) as SanctionKind | undefined) ?? 'suspend_institution';
  const f = SANCTION_RULES[kind];
  return (
    <div className="fg-sanction" data-testid="dform-sanction" data-kind={kind}>
      <Form.Item name={[name, 'kind']} rules={[{ required: true }]} style={{ width: 240 }}>
        <Select
          data-testid="dform-sanction-kind"
          options={SANCTION_KINDS.map((k) => ({ value: k, label: t(`sanction.${k}`) }))}
          onChange={(k: SanctionKind) => form.setFieldValue(['sanctions', name, 'months'], SANCTION_RULES[k].months?.[0] ?? undefined)}
        />
      </Form.Item>
      {f.months ? (
        <Form.Item
          name={[name, 'months']}
          rules={[{ required: true, message: t('dform.monthsRequired', { lo: f.months[0], hi: f.months[1] }) }]}
          style={{ width: 150 }}
        >
          <InputNumber
            min={f.months[0]}
            max={f.months[1]}
            precision={0}
            suffix={t('dform.monthsUnit')}
            style={{ width: '100%' }}
            data-testid="dform-sanction-months"
          />
        </Form.Item>
      ) : null}
      {f.dept ? (
        <Form.Item name={[name, 'dept']} rules={[requiredText(t('dform.deptRequired'))]} style={{ width: 160 }}>
          <Input placeholder={t('dform.dept')} maxLength={32} data-testid="dform-sanction-dept" />
        </Form.Item>
      ) : null}
      {f.pracCode ? (
        <Form.Item
          name={[name, 'pracCode']}
          rules={[{ required: true, pattern: /^(D[0-9]{12}|H[YJ][0-9]{12})$/, message: t('dform.pracInvalid') }]}
          style={{ width: 190 }}
        >
          <Input placeholder={t('dform.prac')} maxLength={14} data-testid="dform-sanction-prac" />
        </Form.Item>
      ) : null}
      <Form.Item name={[name, 'from']} style={{ width: 170 }} tooltip={t('sanction.fromApproval')}>
        <DayPicker testId="dform-sanction-from" placeholder={t('dform.from')} />
      </Form.Item>
      <Button onClick={onRemove}>{t('common.remove')}</Button>
    </div>
  );
}

/** 处罚措施: the sanctions, added and removed, with the range of each kind's length. */
function SanctionsField({ form }: { form: FormInstance<DecisionValues> }) {
  const { t } = useI18n();
  return (
    <Form.List name="sanctions">
      {(fields, { add, remove }) => (
        <div data-testid="dform-sanctions">
          {fields.map((f) => (
            <SanctionRow key={f.key} form={form} name={f.name} onRemove={() => remove(f.name)} />
          ))}
          <Button type="dashed" onClick={() => add({ kind: 'suspend_institution', months: 6 })} data-testid="dform-add-sanction">
            {t('dform.addSanction')}
          </Button>
          <div>
            <Hint>{t('dform.sanctionsHint')}</Hint>
          </div>
        </div>
      )}
    </Form.List>
  );
}

/** 罚款倍数 with the range of the nature chosen, and the fine it makes of the loss. */
function FineField({ form }: { form: FormInstance<DecisionValues> }) {
  const { t, fmt } = useI18n();
  const kind = Form.useWatch('violationKind', form) ?? 'violation';
  const loss = Form.useWatch('loss', form);
  const multiple = Form.useWatch('fineMultiple', form);
  const fine = fineAmount(loss, multiple);
  const [lo, hi] = FINE_MULTIPLES[kind];
  return (
    <Form.Item
      label={t('dform.fineMultiple')}
      required={false}
      extra={
        <Space orientation="vertical" size={0}>
          <Hint testId="dform-fine-range">{t('dform.fineRange')}</Hint>
          <span data-testid="dform-fine-amount" data-amount={fine ?? 0}>
            {fine === null ? t('decision.noFine') : t('dform.fineComputed', { amount: fmt.money(fine) })}
          </span>
        </Space>
      }
    >
      <Form.Item
        name="fineMultiple"
        noStyle
        dependencies={['violationKind']}
        rules={[
          {
            validator: (_, v: number | null | undefined) =>
              fineMultipleValid(form.getFieldValue('violationKind') as DecisionValues['violationKind'], v)
                ? Promise.resolve()
                : Promise.reject(new Error(t('dform.fineOutOfRange', { lo, hi }))),
          },
        ]}
      >
        <InputNumber
          min={0}
          max={5}
          step={0.5}
          precision={2}
          suffix={t('dform.times')}
          style={{ width: '100%' }}
          data-testid="dform-fine-multiple"
        />
      </Form.Item>
    </Form.Item>
  );
}

/** A different loss than the confirmed findings' needs its reason (shown only then). */
function LossReasonField({ form, computedLoss }: { form: FormInstance<DecisionValues>; computedLoss: number }) {
  const { t } = useI18n();
  const loss = Form.useWatch('loss', form);
  if (!lossChanged(loss, computedLoss)) return null;
  return (
    <Form.Item label={t('dform.lossReason')} name="lossReason" rules={[requiredText(t('dform.lossReasonRequired'))]}>
      <Input.TextArea rows={2} maxLength={2000} data-testid="dform-loss-reason" />
    </Form.Item>
  );
}

/**
 * The decision's form (处理决定): nature, loss, amounts, the fine's multiple with its range and amount, sanctions,
 * interview and referrals, facts and basis. Its values are read by the caller (save, submit, amend on appeal).
 */
export function DecisionForm({
  form,
  initial,
  computedLoss,
  name,
}: {
  form: FormInstance<DecisionValues>;
  initial: DecisionValues;
  computedLoss: number;
  name: string;
}) {
  const { t, fmt } = useI18n();
  const key = JSON.stringify(initial);
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <Form<DecisionValues> form={form} layout="vertical" name={name} initialValues={initial} data-testid="decision-form">
      <Form.Item label={t('decision.violationKind')} name="violationKind" rules={[{ required: true }]}>
        <Radio.Group
          data-testid="dform-kind"
          options={[
            { value: 'violation', label: t('violation.violation') },
            { value: 'fraud', label: t('violation.fraud') },
          ]}
          onChange={() => void form.validateFields(['fineMultiple']).catch(() => undefined)}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('decision.loss')}
            name="loss"
            rules={[{ required: true, message: t('dform.lossRequired') }]}
            extra={<Hint>{t('decision.lossComputed', { amount: fmt.money(computedLoss) })}</Hint>}
          >
            <MoneyInput testId="dform-loss" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('decision.return')} name="returnAmount" extra={<Hint>{t('dform.returnHint')}</Hint>}>
            <MoneyInput testId="dform-return" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('decision.refuse')} name="refuseAmount">
            <MoneyInput testId="dform-refuse" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <FineField form={form} />
        </Col>
        <Col xs={24} md={16}>
          <LossReasonField form={form} computedLoss={computedLoss} />
        </Col>
      </Row>
      <Form.Item label={t('decision.sanctions')}>
        <SanctionsField form={form} />
      </Form.Item>
      <Form.Item label={t('decision.measures')}>
        <Space wrap>
          <Form.Item name="interview" valuePropName="checked" noStyle>
            <Checkbox data-testid="dform-interview">{t('decision.interview')}</Checkbox>
          </Form.Item>
          <Form.Item name="referPolice" valuePropName="checked" noStyle>
            <Checkbox data-testid="dform-refer-police">{t('decision.referPolice')}</Checkbox>
          </Form.Item>
          <Form.Item name="referDiscipline" valuePropName="checked" noStyle>
            <Checkbox data-testid="dform-refer-discipline">{t('decision.referDiscipline')}</Checkbox>
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item label={t('decision.basis')} name="basis" rules={[requiredText(t('dform.basisRequired'))]}>
        <Input.TextArea rows={4} maxLength={8000} showCount placeholder={t('dform.basisPlaceholder')} data-testid="dform-basis" />
      </Form.Item>
    </Form>
  );
}
