import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { BUREAU_ROLES, type Role } from '../api/types';

export interface RouteDef {
  path: string;
  page: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;
  /** Roles that may open it (all signed-in users when absent). */
  roles?: readonly Role[];
}

// Each page is its own chunk: the first load carries the shell, the login page and the page opened.
const OverviewPage = lazy(() => import('../features/overview/OverviewPage'));
const FindingsPage = lazy(() => import('../features/findings/FindingsPage'));
const FindingDetailPage = lazy(() => import('../features/finding-detail/FindingDetailPage'));
const InstitutionsPage = lazy(() => import('../features/institutions/InstitutionsPage'));
const InstitutionProfilePage = lazy(() => import('../features/institutions/InstitutionProfilePage'));
const WarningsPage = lazy(() => import('../features/warnings/WarningsPage'));
const PractitionersPage = lazy(() => import('../features/practitioners/PractitionersPage'));
const CluesPage = lazy(() => import('../features/clues/CluesPage'));
const CasesPage = lazy(() => import('../features/cases/CasesPage'));
const CaseDetailPage = lazy(() => import('../features/case-detail/CaseDetailPage'));
const DecisionsPage = lazy(() => import('../features/decisions/DecisionsPage'));
const DecisionPage = lazy(() => import('../features/decisions/DecisionPage'));
const CaseStatsPage = lazy(() => import('../features/case-stats/CaseStatsPage'));
const RulesPage = lazy(() => import('../features/rules/RulesPage'));
const ImportPage = lazy(() => import('../features/imports/ImportPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));

export const ROUTES: RouteDef[] = [
  { path: '/', page: OverviewPage },
  { path: '/findings', page: FindingsPage },
  { path: '/findings/:id', page: FindingDetailPage },
  { path: '/warnings', page: WarningsPage },
  { path: '/institutions', page: InstitutionsPage, roles: BUREAU_ROLES },
  { path: '/institutions/:code', page: InstitutionProfilePage },
  { path: '/practitioners', page: PractitionersPage },
  { path: '/clues', page: CluesPage, roles: BUREAU_ROLES },
  { path: '/cases', page: CasesPage, roles: BUREAU_ROLES },
  { path: '/cases/:id', page: CaseDetailPage, roles: BUREAU_ROLES },
  { path: '/decisions', page: DecisionsPage },
  { path: '/decisions/:id', page: DecisionPage },
  { path: '/case-stats', page: CaseStatsPage, roles: BUREAU_ROLES },
  { path: '/rules', page: RulesPage, roles: BUREAU_ROLES },
  { path: '/imports', page: ImportPage, roles: ['admin'] },
  { path: '/audit', page: AuditPage, roles: ['admin'] },
];
