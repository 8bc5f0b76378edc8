import type { zhCN } from './zh-CN';

export type MessageKey = keyof typeof zhCN;
/** A dictionary: every key of the Chinese one, no more, no less. */
export type Messages = { readonly [K in MessageKey]: string };
export type Lang = 'zh-CN' | 'en';
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;
