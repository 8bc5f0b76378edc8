/** What a warning says, in Chinese and English: the indicator, its value, what it was compared with, and the level. */
import type { WarningRow } from '../contract/api/monitoring.js';
import { INDICATORS, INDICATOR_UNIT, type IndicatorKey, type WarningBasis, type WarningLevel } from '../contract/vocabulary.js';
import { numberOrNull } from '../kernel/numbers.js';

type Lang = 'zh' | 'en';

/** An indicator's value as its unit writes it: 12.3%, 1,234.50 元, 8.5 天, 1,234. */
export function formatIndicator(indicator: IndicatorKey, v: number | null, lang: Lang): string {
  if (v === null) return '-';
  const unit = INDICATOR_UNIT[indicator];
  if (unit === 'ratio') return `${(v * 100).toFixed(1)}%`;
  if (unit === 'money')
    return `${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}${lang === 'zh' ? ' 元' : ' yuan'}`;
  if (unit === 'days') return `${v.toFixed(1)}${lang === 'zh' ? ' 天' : ' days'}`;
  return v.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

const LEVEL_ZH: Record<WarningLevel, string> = { yellow: '黄色', orange: '橙色', red: '红色' };

/** The figures of one warning, as fg_warning holds them. */
export type WarningFigures = Pick<WarningRow, 'indicator' | 'basis' | 'value' | 'reference' | 'change' | 'z' | 'level'>;

export function warningSentence(r: WarningFigures): { zh: string; en: string } {
  const n = INDICATORS[r.indicator];
  const v = (l: Lang) => formatIndicator(r.indicator, r.value, l);
  const ref = (l: Lang) => formatIndicator(r.indicator, r.reference, l);
  const z = r.z === null ? '' : r.z.toFixed(1);
  if (r.basis === 'history') {
    return {
      zh: `${n.zh}${v('zh')}，本机构近期中位数${ref('zh')}，稳健 z 值 ${z}，${LEVEL_ZH[r.level]}预警`,
      en: `${n.en} ${v('en')} against its own recent median of ${ref('en')} (robust z ${z}): ${r.level} warning`,
    };
  }
  if (r.basis === 'peer') {
    return {
      zh: `${n.zh}${v('zh')}，同类同级机构中位数${ref('zh')}，稳健 z 值 ${z}，${LEVEL_ZH[r.level]}预警`,
      en: `${n.en} ${v('en')} against a peer median of ${ref('en')} (robust z ${z}): ${r.level} warning`,
    };
  }
  if (r.change !== null) {
    const pct = `${r.change >= 0 ? '+' : ''}${(r.change * 100).toFixed(1)}%`;
    return {
      zh: `${n.zh}${v('zh')}，环比${pct}（上月${ref('zh')}）${z ? `，相对本机构历史 z 值 ${z}` : ''}，${LEVEL_ZH[r.level]}预警`,
      en: `${n.en} ${v('en')}, ${pct} on the previous month (${ref('en')})${z ? `, robust z ${z} against its own history` : ''}: ${r.level} warning`,
    };
  }
  return {
    zh: `${n.zh}${v('zh')}，超过预警线${ref('zh')}，${LEVEL_ZH[r.level]}预警`,
    en: `${n.en} ${v('en')}, above the ${ref('en')} warning line: ${r.level} warning`,
  };
}

/** A warning's figures from its fg_warning row. */
export function warningFigures(r: Record<string, unknown>): WarningFigures {
  return {
    indicator: String(r.indicator) as IndicatorKey,
    basis: String(r.basis) as WarningBasis,
    value: Number(r.value),
    reference: numberOrNull(r.reference),
    change: numberOrNull(r.change),
    z: numberOrNull(r.z),
    level: String(r.level) as WarningLevel,
  };
}
