import type { WarningLevel } from '../api/types';

/** The colours of the warning levels in charts and cards (the tags use AntD's gold / orange / red). */
export const WARNING_COLORS: Record<WarningLevel, string> = { yellow: '#d4b106', orange: '#fa8c16', red: '#f5222d' };
