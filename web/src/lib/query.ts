import {
  CASE_STATUSES,
  CLUE_SOURCES,
  CLUE_STATUSES,
  type CasesFilter,
  type CaseStatsFilter,
  type CluesFilter,
  FINDING_SORTS,
  INDICATOR_KEYS,
  PRACTITIONER_SORTS,
  FINDING_STATUSES,
  WARNING_LEVELS,
  WARNING_SORTS,
  type FindingSort,
  type FindingStatus,
  type FindingsFilter,
  type IndicatorKey,
  type InstitutionSort,
  type InstitutionsFilter,
  type FindingLevel,
  type PractitionerSort,
  type PractitionersFilter,
  type WarningLevel,
  type WarningSort,
  type WarningsFilter,
} from '../api/types';

const listOf = (sp: URLSearchParams, k: string) =>
  sp
    .getAll(k)
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
const oneOf = <T extends string>(values: readonly T[], v: string | null | undefined): v is T =>
  !!v && (values as readonly string[]).includes(v);
const positive = (sp: URLSearchParams, k: string, max = Infinity) => {
  const v = Number(sp.get(k));
  return Number.isInteger(v) && v > 0 && v <= max ? v : undefined;
};
/** Known values of a list parameter, each once, in the order given. */
const known = <T extends string>(values: readonly T[], given: string[]): T[] => [...new Set(given)].filter((v): v is T => oneOf(values, v));

/** Finding filters <-> the page's query string, which uses the API's own parameter names (so links are the API query). */
export function parseFindingsFilter(sp: URLSearchParams): FindingsFilter {
  const f: FindingsFilter = {};
  const list = (k: string) =>
    (sp.get(k) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const int = (k: string) => {
    const v = Number(sp.get(k));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  };
  const str = (k: string) => sp.get(k)?.trim() || undefined;

  const code = list('code');
  if (code.length) f.code = code;
  const status = list('status').filter((s): s is FindingStatus => (FINDING_STATUSES as readonly string[]).includes(s));
  if (status.length) f.status = status;
  const level = sp.get('level');
  if (level === 'definite' || level === 'suspect') f.level = level satisfies FindingLevel;
  const sort = sp.get('sort');
  if (sort && (FINDING_SORTS as readonly string[]).includes(sort)) f.sort = sort as FindingSort;
  f.institution = str('institution');
  const admdvs = str('admdvs');
  if (admdvs && /^\d{2,6}$/.test(admdvs)) f.admdvs = admdvs;
  f.grid = str('grid');
  const from = str('from');
  if (from && /^\d{4}-\d{2}-\d{2}$/.test(from)) f.from = from;
  const to = str('to');
  if (to && /^\d{4}-\d{2}-\d{2}$/.test(to)) f.to = to;
  const min = Number(sp.get('minAmount'));
  if (sp.get('minAmount') && Number.isFinite(min) && min >= 0) f.minAmount = min;
  f.q = str('q');
  f.assignee = str('assignee');
  f.page = int('page');
  const pageSize = int('pageSize');
  if (pageSize && pageSize <= 200) f.pageSize = pageSize;
  return stripEmpty(f);
}

export function findingsFilterToParams(f: FindingsFilter): URLSearchParams {
  const sp = new URLSearchParams();
  const order: Array<keyof FindingsFilter> = [
    'code',
    'level',
    'status',
    'institution',
    'admdvs',
    'grid',
    'from',
    'to',
    'minAmount',
    'q',
    'assignee',
    'sort',
    'page',
    'pageSize',
  ];
  for (const k of order) {
    const v = f[k];
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) sp.set(k, v.join(','));
    } else {
      sp.set(k, String(v));
    }
  }
  return sp;
}

/** A link to the findings page with these filters. */
export function findingsHref(f: FindingsFilter): string {
  const s = findingsFilterToParams(f).toString();
  return s ? `/findings?${s}` : '/findings';
}

export function parseInstitutionsFilter(sp: URLSearchParams): InstitutionsFilter {
  const sorts: InstitutionSort[] = ['-amount', '-findings', '-fundPaid', 'name'];
  const f: InstitutionsFilter = {};
  const q = sp.get('q')?.trim();
  if (q) f.q = q;
  const admdvs = sp.get('admdvs');
  if (admdvs && /^\d{2,6}$/.test(admdvs)) f.admdvs = admdvs;
  const kind = sp.get('kind');
  if (kind) f.kind = kind;
  const sort = sp.get('sort');
  if (sort && (sorts as string[]).includes(sort)) f.sort = sort as InstitutionSort;
  const page = Number(sp.get('page'));
  if (Number.isInteger(page) && page > 0) f.page = page;
  const pageSize = Number(sp.get('pageSize'));
  if (Number.isInteger(pageSize) && pageSize > 0 && pageSize <= 200) f.pageSize = pageSize;
  return f;
}

export function toParams(f: object): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return sp;
}

/** Warning-board filters <-> the page's query string (the API's parameter names; month left out means the latest). */
export function parseWarningsFilter(sp: URLSearchParams): WarningsFilter {
  const f: WarningsFilter = {};
  const month = sp.get('month');
  if (month && /^\d{4}-\d{2}$/.test(month)) f.month = month;
  const level = known<WarningLevel>(WARNING_LEVELS, listOf(sp, 'level'));
  if (level.length) f.level = level;
  const indicator = known<IndicatorKey>(INDICATOR_KEYS, listOf(sp, 'indicator'));
  if (indicator.length) f.indicator = indicator;
  const basis = sp.get('basis');
  if (basis === 'threshold' || basis === 'history' || basis === 'peer') f.basis = basis;
  const institution = sp.get('institution')?.trim();
  if (institution && institution.length <= 32) f.institution = institution;
  const admdvs = sp.get('admdvs');
  if (admdvs && /^\d{2,6}$/.test(admdvs)) f.admdvs = admdvs;
  const grid = sp.get('grid')?.trim();
  if (grid && grid.length <= 64) f.grid = grid;
  const sort = sp.get('sort');
  if (oneOf<WarningSort>(WARNING_SORTS, sort)) f.sort = sort;
  f.page = positive(sp, 'page');
  f.pageSize = positive(sp, 'pageSize', 200);
  return stripEmpty(f);
}

export function warningsFilterToParams(f: WarningsFilter): URLSearchParams {
  return ordered(f, ['month', 'level', 'indicator', 'basis', 'institution', 'admdvs', 'grid', 'sort', 'page', 'pageSize']);
}

/** Practitioner-ranking filters <-> the query string. */
export function parsePractitionersFilter(sp: URLSearchParams): PractitionersFilter {
  const f: PractitionersFilter = {};
  const kind = sp.get('kind')?.trim();
  if (kind && kind.length <= 32) f.kind = kind;
  const dept = sp.get('dept')?.trim();
  if (dept && dept.length <= 32) f.dept = dept;
  const institution = sp.get('institution')?.trim();
  if (institution && institution.length <= 32) f.institution = institution;
  const level = known<WarningLevel>(WARNING_LEVELS, listOf(sp, 'level'));
  if (level.length) f.level = level;
  const sort = sp.get('sort');
  if (oneOf<PractitionerSort>(PRACTITIONER_SORTS, sort)) f.sort = sort;
  f.page = positive(sp, 'page');
  f.pageSize = positive(sp, 'pageSize', 200);
  return stripEmpty(f);
}

export function practitionersFilterToParams(f: PractitionersFilter): URLSearchParams {
  return ordered(f, ['kind', 'dept', 'institution', 'level', 'sort', 'page', 'pageSize']);
}

/** The audit log's filters <-> the query string (its page size is fixed). */
export function parseAuditFilter(sp: URLSearchParams): { page?: number; actor?: string; psnNo?: string } {
  return { page: positive(sp, 'page'), actor: sp.get('actor') || undefined, psnNo: sp.get('psnNo') || undefined };
}

/** Page and page size of a plain list. */
export function parsePaging(sp: URLSearchParams): { page?: number; pageSize?: number } {
  return stripEmpty({ page: positive(sp, 'page'), pageSize: positive(sp, 'pageSize', 200) });
}

const code = (sp: URLSearchParams, k: string, max: number) => {
  const v = sp.get(k)?.trim();
  return v && v.length <= max ? v : undefined;
};
const region = (sp: URLSearchParams) => {
  const v = sp.get('admdvs');
  return v && /^\d{2,6}$/.test(v) ? v : undefined;
};
const month = (sp: URLSearchParams, k: string) => {
  const v = sp.get(k);
  return v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? v : undefined;
};

/** Clue-ledger filters <-> the query string (the API's names). */
export function parseCluesFilter(sp: URLSearchParams): CluesFilter {
  const status = sp.get('status');
  const source = sp.get('source');
  return stripEmpty({
    status: oneOf(CLUE_STATUSES, status) ? status : undefined,
    source: oneOf(CLUE_SOURCES, source) ? source : undefined,
    institution: code(sp, 'institution', 32),
    admdvs: region(sp),
    page: positive(sp, 'page'),
    pageSize: positive(sp, 'pageSize', 200),
  });
}

export function cluesFilterToParams(f: CluesFilter): URLSearchParams {
  return ordered(f, ['status', 'source', 'institution', 'admdvs', 'page', 'pageSize']);
}

/** Case-ledger filters <-> the query string. */
export function parseCasesFilter(sp: URLSearchParams): CasesFilter {
  const status = sp.get('status');
  const overdue = sp.get('overdue');
  return stripEmpty({
    status: oneOf(CASE_STATUSES, status) ? status : undefined,
    institution: code(sp, 'institution', 32),
    admdvs: region(sp),
    grid: code(sp, 'grid', 64),
    handler: code(sp, 'handler', 64),
    overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
    page: positive(sp, 'page'),
    pageSize: positive(sp, 'pageSize', 200),
  });
}

export function casesFilterToParams(f: CasesFilter): URLSearchParams {
  return ordered(f, ['status', 'institution', 'admdvs', 'grid', 'handler', 'overdue', 'page', 'pageSize']);
}

/** The statistics table's period and grouping <-> the query string (by region is the default, left out). */
export function parseCaseStatsFilter(sp: URLSearchParams): CaseStatsFilter {
  return stripEmpty({ from: month(sp, 'from'), to: month(sp, 'to'), by: sp.get('by') === 'grid' ? ('grid' as const) : undefined });
}

export function caseStatsFilterToParams(f: CaseStatsFilter): URLSearchParams {
  return ordered({ ...f, by: f.by === 'grid' ? 'grid' : undefined }, ['from', 'to', 'by']);
}

function ordered<T extends object>(f: T, order: Array<keyof T>): URLSearchParams {
  const sp = new URLSearchParams();
  for (const k of order) {
    const v: unknown = f[k];
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) sp.set(String(k), v.join(','));
    } else {
      sp.set(String(k), String(v));
    }
  }
  return sp;
}

function stripEmpty<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}
