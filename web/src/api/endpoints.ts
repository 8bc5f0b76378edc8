import { request, toQueryString, type QueryParams } from './client';
import type {
  Appeal,
  Attachment,
  CaseDecision,
  CaseDecisionBody,
  CaseDetail,
  CaseNote,
  CaseRow,
  CasesFilter,
  CaseStats,
  CaseStatsFilter,
  CluesFilter,
  ClueBody,
  DecisionDetail,
  DecisionsFilter,
  LogVerification,
  NoteKind,
  Recovery,
  AuditEntry,
  Clue,
  FindingDecision,
  FindingDecisionAction,
  FindingDetail,
  FindingRow,
  FindingsFilter,
  ImportValidation,
  IndicatorKey,
  IndicatorSeries,
  IndicatorUnitType,
  InstitutionProfile,
  InstitutionRow,
  InstitutionsFilter,
  Job,
  Meta,
  Overview,
  Page,
  PractitionerRow,
  PractitionersFilter,
  Role,
  RuleInfo,
  Session,
  UserRow,
  WarningRow,
  WarningsFilter,
  WarningSummary,
} from './types';

const enc = encodeURIComponent;

/** A clue with its evidence files (GET /clues/:id). */
export type ClueWithFiles = Clue & { attachments: Attachment[] };

/** One evidence file as multipart field `file`. */
function upload(path: string, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<Attachment>(path, { method: 'POST', body: form });
}

export const api = {
  login: (username: string, password: string) =>
    request<Session>('/auth/login', { method: 'POST', body: { username, password }, allowUnauthorized: true }),
  logout: () => request<void>('/auth/logout', { method: 'POST', allowUnauthorized: true }),
  me: (signal?: AbortSignal) => request<Session>('/auth/me', { signal, allowUnauthorized: true }),

  meta: (signal?: AbortSignal) => request<Meta>('/meta', { signal }),
  overview: (q: { from?: string; to?: string }, signal?: AbortSignal) => request<Overview>('/overview', { query: q, signal }),

  findings: (q: FindingsFilter, signal?: AbortSignal) => request<Page<FindingRow>>('/findings', { query: q as QueryParams, signal }),
  finding: (id: string, signal?: AbortSignal) => request<FindingDetail>(`/findings/${enc(id)}`, { signal }),
  decide: (id: string, body: { action: FindingDecisionAction; reason?: string; assignee?: string }) =>
    request<FindingDecision>(`/findings/${enc(id)}/decisions`, { method: 'POST', body }),
  users: (q: { role?: Role; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    request<Page<UserRow>>('/users', { query: q, signal }),

  institutions: (q: InstitutionsFilter, signal?: AbortSignal) =>
    request<Page<InstitutionRow>>('/institutions', { query: q as QueryParams, signal }),
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
  warningSummary: (month: string | undefined, signal?: AbortSignal) =>
    request<WarningSummary>('/warnings/summary', { query: { month }, signal }),
  indicators: (q: { unitType: IndicatorUnitType; unitId: string; indicator: IndicatorKey }, signal?: AbortSignal) =>
    request<IndicatorSeries>('/indicators', { query: q, signal }),
  practitioners: (q: PractitionersFilter, signal?: AbortSignal) =>
    request<Page<PractitionerRow>>('/practitioners', { query: q as QueryParams, signal }),
  makeClue: (warningId: string, note: string | undefined) =>
    request<Clue>(`/warnings/${enc(warningId)}/clue`, { method: 'POST', body: note ? { note } : {} }),

  // clues and cases (线索/案件台账)
  clues: (q: CluesFilter, signal?: AbortSignal) => request<Page<Clue>>('/clues', { query: q as QueryParams, signal }),
  clue: (id: string, signal?: AbortSignal) => request<ClueWithFiles>(`/clues/${enc(id)}`, { signal }),
  createClue: (body: ClueBody) => request<Clue>('/clues', { method: 'POST', body }),
  dismissClue: (id: string, reason: string) => request<Clue>(`/clues/${enc(id)}/dismiss`, { method: 'POST', body: { reason } }),
  uploadClueFile: (id: string, file: File) => upload(`/clues/${enc(id)}/attachments`, file),

  cases: (q: CasesFilter, signal?: AbortSignal) => request<Page<CaseRow>>('/cases', { query: q as QueryParams, signal }),
  caseDetail: (id: string, signal?: AbortSignal) => request<CaseDetail>(`/cases/${enc(id)}`, { signal }),
  openCase: (body: { clueIds: string[]; title?: string; handler?: string; deadline?: string }) =>
    request<CaseDetail>('/cases', { method: 'POST', body }),
  addCaseClues: (id: string, clueIds: string[]) => request<CaseDetail>(`/cases/${enc(id)}/clues`, { method: 'POST', body: { clueIds } }),
  assignCase: (id: string, body: { handler?: string; deadline?: string }) =>
    request<CaseDetail>(`/cases/${enc(id)}/assignment`, { method: 'PUT', body }),
  addNote: (id: string, body: { kind: NoteKind; body: string; on?: string; place?: string; participants?: string }) =>
    request<CaseNote>(`/cases/${enc(id)}/notes`, { method: 'POST', body }),
  uploadCaseFile: (id: string, file: File) => upload(`/cases/${enc(id)}/attachments`, file),
  draftDecision: (caseId: string, body: CaseDecisionBody) =>
    request<CaseDecision>(`/cases/${enc(caseId)}/decision`, { method: 'POST', body }),
  recordRecovery: (caseId: string, body: { kind: 'return' | 'fine'; amount: number; paidOn: string; reference?: string }) =>
    request<Recovery>(`/cases/${enc(caseId)}/recoveries`, { method: 'POST', body }),
  closeCase: (id: string, note: string | undefined) =>
    request<CaseDetail>(`/cases/${enc(id)}/close`, { method: 'POST', body: note ? { note } : {} }),

  decisions: (q: DecisionsFilter, signal?: AbortSignal) => request<Page<CaseDecision>>('/decisions', { query: q as QueryParams, signal }),
  decision: (id: string, signal?: AbortSignal) => request<DecisionDetail>(`/decisions/${enc(id)}`, { signal }),
  submitDecision: (id: string) => request<CaseDecision>(`/decisions/${enc(id)}/submit`, { method: 'POST', body: {} }),
  reviewDecision: (id: string, body: { action: 'approve' | 'return'; comment?: string }) =>
    request<CaseDecision>(`/decisions/${enc(id)}/review`, { method: 'POST', body }),
  fileAppeal: (decisionId: string, reason: string) =>
    request<Appeal>(`/decisions/${enc(decisionId)}/appeals`, { method: 'POST', body: { reason } }),
  uploadAppealFile: (id: string, file: File) => upload(`/appeals/${enc(id)}/attachments`, file),
  decideAppeal: (id: string, body: { outcome: 'upheld' | 'amended' | 'revoked'; comment: string; amended?: CaseDecisionBody }) =>
    request<Appeal>(`/appeals/${enc(id)}/decide`, { method: 'POST', body }),

  verifyCaseLog: () => request<LogVerification>('/case-log/verify'),
  caseStats: (q: CaseStatsFilter, signal?: AbortSignal) => request<CaseStats>('/case-stats', { query: q as QueryParams, signal }),

  audit: (q: { page?: number; pageSize?: number; psnNo?: string; actor?: string }, signal?: AbortSignal) =>
    request<Page<AuditEntry>>('/audit', { query: q, signal }),
};

/** The Excel export of the findings matching a filter (all pages): a plain link, so the browser downloads the file. */
export function findingsExportUrl(q: FindingsFilter): string {
  const { page: _page, pageSize: _pageSize, ...filters } = q;
  return `/api/findings/export.xlsx${toQueryString(filters as QueryParams)}`;
}

/** The statistics table as Excel, for the same query. */
export function caseStatsExportUrl(q: CaseStatsFilter): string {
  return `/api/case-stats/export.xlsx${toQueryString(q as QueryParams)}`;
}

/** An evidence file's download link. */
export function attachmentUrl(id: string): string {
  return `/api/attachments/${enc(id)}`;
}
