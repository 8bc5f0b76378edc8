import type { ReactNode } from 'react';
import { Col, Form, Row } from 'antd';
import type { FormItemProps } from 'antd';

/** A field's width, of 24 columns, on phones, tablets and (when it differs) wide screens. */
export type FieldSpan = [xs: number, md: number, xl?: number];

/** A form field as data: its name in the form, label, rules (and what else a Form.Item says), input and width. */
export interface Field extends Pick<FormItemProps, 'rules' | 'extra' | 'tooltip'> {
  name: string;
  label: ReactNode;
  /** The row's width unless told. */
  span?: FieldSpan;
  input: ReactNode;
}

/** Form fields side by side in one row, each in its column (they wrap on narrow screens). */
export function FieldRow({ fields, span }: { fields: Field[]; span: FieldSpan }) {
  return (
    <Row gutter={12}>
      {fields.map(({ name, label, span: [xs, md, xl] = span, input, ...item }) => (
        <Col key={name} xs={xs} md={md} xl={xl}>
          <Form.Item label={label} name={name} {...item}>
            {input}
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
