/** Every route of the API, one module per URL prefix (/api/<prefix>/…). */
import type { AnyRoute } from '../http.js';
import { appealRoutes } from './appeals.js';
import { attachmentRoutes } from './attachments.js';
import { auditRoutes } from './audit.js';
import { authRoutes, type SessionCookie } from './auth.js';
import { caseLogRoutes } from './case-log.js';
import { caseSettingsRoutes } from './case-settings.js';
import { caseStatsRoutes } from './case-stats.js';
import { caseRoutes } from './cases.js';
import { clueRoutes } from './clues.js';
import { decisionRoutes } from './decisions.js';
import { findingRoutes } from './findings.js';
import { importRoutes } from './imports.js';
import { indicatorRoutes } from './indicators.js';
import { institutionRoutes } from './institutions.js';
import { jobRoutes } from './jobs.js';
import { metaRoutes } from './meta.js';
import { overviewRoutes } from './overview.js';
import { practitionerRoutes } from './practitioners.js';
import { ruleRoutes } from './rules.js';
import { screeningRoutes } from './screenings.js';
import { userRoutes } from './users.js';
import { warningConfigRoutes } from './warning-config.js';
import { warningRoutes } from './warnings.js';

export function apiRoutes(o: { sessionCookie: SessionCookie }): AnyRoute[] {
  return [
    ...authRoutes(o.sessionCookie),
    ...metaRoutes,
    ...overviewRoutes,
    ...findingRoutes,
    ...userRoutes,
    ...institutionRoutes,
    ...ruleRoutes,
    ...screeningRoutes,
    ...jobRoutes,
    ...warningRoutes,
    ...warningConfigRoutes,
    ...indicatorRoutes,
    ...practitionerRoutes,
    ...clueRoutes,
    ...caseRoutes,
    ...decisionRoutes,
    ...appealRoutes,
    ...attachmentRoutes,
    ...caseLogRoutes,
    ...caseSettingsRoutes,
    ...caseStatsRoutes,
    ...importRoutes,
    ...auditRoutes,
  ];
}
