import { InputNumber } from 'antd';

/** 12345.6 → "12,345.60" as the field shows it; what the user types is left alone until the field is left. */
export function groupDigits(v: string | number | undefined): string {
  if (v === undefined || v === '') return '';
  const [int, dec] = String(v).split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return dec === undefined ? grouped : `${grouped}.${dec}`;
}

/** The number typed, without separators or the currency sign. */
export function parseMoney(s: string | undefined): number {
  return Number((s ?? '').replace(/[,\s¥￥]/g, ''));
}

/** An amount in 元: ¥ with thousands separators, two decimals, 0 to 1e12. */
export function MoneyInput({
  value,
  onChange,
  testId,
  placeholder,
  id,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  testId: string;
  placeholder?: string;
  id?: string;
}) {
  return (
    <InputNumber<number>
      id={id}
      value={value}
      onChange={onChange}
      min={0}
      max={1e12}
      precision={2}
      prefix="¥"
      placeholder={placeholder}
      formatter={(v, info) => (info.userTyping ? info.input : groupDigits(v === undefined || `${v}` === '' ? '' : Number(v).toFixed(2)))}
      parser={parseMoney}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
