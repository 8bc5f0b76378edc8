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
  INSTITUTION_SORTS,
  WARNING_BASES,
  WARNING_LEVELS,
  WARNING_SORTS,
  type FindingStatus,
  type FindingsFilter,
  type InstitutionsFilter,
  type FindingLevel,
  type PractitionersFilter,
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
const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length ? list : undefined);
/** A text parameter, trimmed, when it is not longer than `max`. */
const text = (sp: URLSearchParams, k: string, max: number) => {
  const v = sp.get(k)?.trim();
  return v && v.length <= max ? v : undefined;
};
/** A region code (admdvs): 2 to 6 digits. */
const region = (sp: URLSearchParams) => {
  const v = sp.get('admdvs');
  return v && /^\d{2,6}$/.test(v) ? v : undefined;
};
const month = (sp: URLSearchParams, k: string) => {
  const v = sp.get(k);
  return v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? v : undefined;
};

/** Finding filters <-> the page's query string, which uses the API's own parameter names (so links are the API query). */
export function parseFindingsFilter(sp: URLSearchParams): FindingsFilter {
  const f: FindingsFilter = {};
  const list = (k: string) =>
    (sp.get(k) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const str = (k: string) => text(sp, k, Infinity);

  const code = list('code');
  if (code.length) f.code = code;
  const status = list('status').filter((s): s is FindingStatus => (FINDING_STATUSES as readonly string[]).includes(s));
  if (status.length) f.status = status;
  const level = sp.get('level');
  if (level === 'definite' || level === 'suspect') f.level = level satisfies FindingLevel;
  const sort = sp.get('sort');
  if (oneOf(FINDING_SORTS, sort)) f.sort = sort;
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
  return stripEmpty({ ...f, ...parsePaging(sp) });
}

export function findingsFilterToParams(f: FindingsFilter): URLSearchParams {
  return ordered(f, [
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
  ]);
}

/** A link to the findings page with these filters. */
export function findingsHref(f: FindingsFilter): string {
  const s = findingsFilterToParams(f).toString();
  return s ? `/findings?${s}` : '/findings';
}

export function parseInstitutionsFilter(sp: URLSearchParams): InstitutionsFilter {
  const sort = sp.get('sort');
  return stripEmpty({
    q: text(sp, 'q', Infinity),
    admdvs: region(sp),
    kind: sp.get('kind') || undefined,
    sort: oneOf(INSTITUTION_SORTS, sort) ? sort : undefined,
    ...parsePaging(sp),
  });
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
  const month = sp.get('month');
  const basis = sp.get('basis');
  const sort = sp.get('sort');
  return stripEmpty({
    month: month && /^\d{4}-\d{2}$/.test(month) ? month : undefined,
    level: nonEmpty(known(WARNING_LEVELS, listOf(sp, 'level'))),
    indicator: nonEmpty(known(INDICATOR_KEYS, listOf(sp, 'indicator'))),
    basis: oneOf(WARNING_BASES, basis) ? basis : undefined,
    institution: text(sp, 'institution', 32),
    admdvs: region(sp),
    grid: text(sp, 'grid', 64),
    sort: oneOf(WARNING_SORTS, sort) ? sort : undefined,
    ...parsePaging(sp),
  });
}

export function warningsFilterToParams(f: WarningsFilter): URLSearchParams {
  return ordered(f, ['month', 'level', 'indicator', 'basis', 'institution', 'admdvs', 'grid', 'sort', 'page', 'pageSize']);
}

/** Practitioner-ranking filters <-> the query string. */
export function parsePractitionersFilter(sp: URLSearchParams): PractitionersFilter {
  const sort = sp.get('sort');
  return stripEmpty({
    kind: text(sp, 'kind', 32),
    dept: text(sp, 'dept', 32),
    institution: text(sp, 'institution', 32),
    level: nonEmpty(known(WARNING_LEVELS, listOf(sp, 'level'))),
    sort: oneOf(PRACTITIONER_SORTS, sort) ? sort : undefined,
    ...parsePaging(sp),
  });
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

/** Clue-ledger filters <-> the query string (the API's names). */
export function parseCluesFilter(sp: URLSearchParams): CluesFilter {
  const status = sp.get('status');
  const source = sp.get('source');
  return stripEmpty({
    status: oneOf(CLUE_STATUSES, status) ? status : undefined,
    source: oneOf(CLUE_SOURCES, source) ? source : undefined,
    institution: text(sp, 'institution', 32),
    admdvs: region(sp),
    ...parsePaging(sp),
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
    institution: text(sp, 'institution', 32),
    admdvs: region(sp),
    grid: text(sp, 'grid', 64),
    handler: text(sp, 'handler', 64),
    overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
    ...parsePaging(sp),
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
