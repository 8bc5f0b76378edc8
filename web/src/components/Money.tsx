import { useI18n } from '../i18n';

/** An amount in 元: ¥12,345.67, right-aligned digits. */
export function Money({ value, strong }: { value: number | null | undefined; strong?: boolean }) {
  const { fmt } = useI18n();
  const text = fmt.money(value);
  return <span className="fg-num">{strong ? <strong>{text}</strong> : text}</span>;
}

/** A count with separators. */
export function Count({ value }: { value: number | null | undefined }) {
  const { fmt } = useI18n();
  return <span className="fg-num">{fmt.count(value)}</span>;
}
