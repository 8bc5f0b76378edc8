import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { zhCN } from './zh-CN';
import { en } from './en';
import { makeFormatter, type Formatter } from './format';
import type { Lang, MessageKey, Messages, Translate, Vars } from './types';

export type { Lang, MessageKey, Translate } from './types';
export type { Formatter, IndicatorUnit } from './format';
export { DASH, monthBounds } from './format';

const DICTS: Record<Lang, Messages> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'fg_lang';

function initialLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'en' || v === 'zh-CN') return v;
  } catch {
    // storage unavailable: default
  }
  return 'zh-CN';
}

function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  fmt: Formatter;
  /** The label of a code in a dictionary group ("status", "medType", …), or the code itself when it has none. */
  label: (group: string, code: string | number | null | undefined) => string;
  /** A rule's name in the current language. */
  ruleName: (r: { name: string; nameEn: string }) => string;
  /** The server's text in the current language: the English one when it is English and given, else the Chinese one. */
  pick: (zh: string, en: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang;
    document.title = `${DICTS[lang]['app.name']} · ${DICTS[lang]['app.title']}`;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted
    }
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = DICTS[lang];
    const t: Translate = (key: MessageKey, vars?: Vars) => interpolate(dict[key], vars);
    const label = (group: string, code: string | number | null | undefined): string => {
      if (code === null || code === undefined || code === '') return '—';
      const key = `${group}.${code}`;
      return key in dict ? dict[key as MessageKey] : String(code);
    };
    return {
      lang,
      setLang,
      t,
      fmt: makeFormatter(lang),
      label,
      ruleName: (r) => (lang === 'en' ? r.nameEn || r.name : r.name),
      pick: (zh, enText) => (lang === 'en' ? enText || zh : zh),
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
