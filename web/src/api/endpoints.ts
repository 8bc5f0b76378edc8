import { request, toQueryString, type QueryParams } from './client';
import type {
  AuditEntry, Clue, Decision, DecisionAction, FindingDetail, FindingRow, FindingsFilter, ImportValidation, IndicatorKey, IndicatorSeries,
  IndicatorUnitType, InstitutionProfile, InstitutionRow, InstitutionsFilter, Job, Meta, Overview, Page, PractitionerRow, PractitionersFilter,
  Role, RuleInfo, Session, UserRow, WarningRow, WarningsFilter, WarningSummary,
} from './types';

const enc = encodeURIComponent;

export const api = {
  login: (username: string, password: string) =>
    request<Session>('/auth/login', { method: 'POST', body: { username, password }, allowUnauthorized: true }),
  logout: () => request<void>('/auth/logout', { method: 'POST', allowUnauthorized: true }),
  me: (signal?: AbortSignal) => request<Session>('/auth/me', { signal, allowUnauthorized: true }),

  meta: (signal?: AbortSignal) => request<Meta>('/meta', { signal }),
  overview: (q: { from?: string; to?: string }, signal?: AbortSignal) => request<Overview>('/overview', { query: q, signal }),

  findings: (q: FindingsFilter, signal?: AbortSignal) => request<Page<FindingRow>>('/findings', { query: q as QueryParams, signal }),
  finding: (id: string, signal?: AbortSignal) => request<FindingDetail>(`/findings/${enc(id)}`, { signal }),
  decide: (id: string, body: { action: DecisionAction; reason?: string; assignee?: string }) =>
    request<Decision>(`/findings/${enc(id)}/decisions`, { method: 'POST', body }),
  users: (q: { role?: Role; page?: number; pageSize?: number }, signal?: AbortSignal) => request<Page<UserRow>>('/users', { query: q, signal }),

  institutions: (q: InstitutionsFilter, signal?: AbortSignal) => request<Page<InstitutionRow>>('/institutions', { query: q as QueryParams, signal }),
  institution: (code: string, signal?: AbortSignal) => request<InstitutionProfile>(`/institutions/${enc(code)}`, { signal }),

  rules: (signal?: AbortSignal) => request<Page<RuleInfo>>('/rules', { query: { pageSize: 200 }, signal }),
  updateRule: (code: string, body: { enabled?: boolean; params?: Record<string, number> }) =>
    request<RuleInfo>(`/rules/${enc(code)}`, { method: 'PUT', body }),
  screen: () => request<Job>('/screenings', { method: 'POST', body: {} }),
  job: (id: string, signal?: AbortSignal) => request<Job>(`/jobs/${enc(id)}`, { signal }),

  validateImport: (files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    return request<ImportValidation>('/imports', { method: 'POST', body: form });
  },
  applyImport: (id: string) => request<Job>(`/imports/${enc(id)}/apply`, { method: 'POST', body: {} }),

  warnings: (q: WarningsFilter, signal?: AbortSignal) => request<Page<WarningRow>>('/warnings', { query: q as QueryParams, signal }),
  warningSummary: (month: string | undefined, signal?: AbortSignal) => request<WarningSummary>('/warnings/summary', { query: { month }, signal }),
  indicators: (q: { unitType: IndicatorUnitType; unitId: string; indicator: IndicatorKey }, signal?: AbortSignal) =>
    request<IndicatorSeries>('/indicators', { query: q, signal }),
  practitioners: (q: PractitionersFilter, signal?: AbortSignal) => request<Page<PractitionerRow>>('/practitioners', { query: q as QueryParams, signal }),
  makeClue: (warningId: string, note: string | undefined) => request<Clue>(`/warnings/${enc(warningId)}/clue`, { method: 'POST', body: note ? { note } : {} }),
  clues: (q: { page?: number; pageSize?: number }, signal?: AbortSignal) => request<Page<Clue>>('/clues', { query: q, signal }),

  audit: (q: { page?: number; pageSize?: number; psnNo?: string; actor?: string }, signal?: AbortSignal) =>
    request<Page<AuditEntry>>('/audit', { query: q, signal }),
};

/** The Excel export of the findings matching a filter (all pages): a plain link, so the browser downloads the file. */
export function findingsExportUrl(q: FindingsFilter): string {
  const { page: _page, pageSize: _pageSize, ...filters } = q;
  return `/api/findings/export.xlsx${toQueryString(filters as QueryParams)}`;
}
