import {
  caseStatuses,
  caseTypes,
  dataSubjectRequestStatuses,
  destinationCountries,
  placementStates,
  planStatuses,
  programVillageStatuses,
  roles,
  sectors,
  serviceTypes,
  type SessionUser,
} from '@desmigratif/contracts';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  parseSearchWith,
  redirect,
  stringifySearchWith,
} from '@tanstack/react-router';
import { PageSkeleton } from '../components/Skeletons';
import type { AuditFilters } from '../features/audit/api';
import type { AgencyFilters } from '../features/agencies/api';
import type { JobFilters } from '../features/jobs/api';
import type { CaseFilters } from '../features/cases/api';
import type { PlacementFilters } from '../features/placements/api';
import type { PlanFilters } from '../features/plans/api';
import type { AccessLogFilters, BreachFilters, RequestFilters } from '../features/privacy/api';
import type { ServicesSearch } from '../features/services/ServicesPage';
import { NotFoundPage } from '../features/errors/NotFoundPage';
import type { DuplicateFilters } from '../features/people/duplicates/api';
import { readPeopleFilters } from '../features/people/peopleSearch';
import { RouteErrorPage } from '../features/errors/RouteErrorPage';
import type { UserFilters } from '../features/users/api';
import type { VillageFilters } from '../features/villages/api';
import { oneOf, optionalDigits, optionalInt, optionalString, pageNumber, safeRedirect } from '../lib/searchParams';
import { AppLayout } from './AppLayout';
import { isVillageRole, type Permission } from './auth/permissions';

export interface RouterContext {
  /** The signed-in user, null without a session. */
  user: SessionUser | null;
}

const changePasswordPath = '/ubah-kata-sandi';
/** Where an admin who must still set up two-step verification is held (the server refuses the rest). */
const accountSecurityPath = '/keamanan-akun';

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Outlet });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/masuk',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: safeRedirect(search.redirect),
  }),
  /** Already signed in: go where the user was heading, or change a temporary password first. */
  beforeLoad: ({ context, search }) => {
    if (!context.user) return;
    throw redirect({
      href: context.user.mustChangePassword ? changePasswordPath : (search.redirect ?? '/'),
      replace: true,
    });
  },
  component: lazyRouteComponent(() => import('../features/auth/LoginPage'), 'LoginPage'),
});

/** Everything behind the login, inside the app shell. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: ({ context, location }) => {
    if (!context.user) throw redirect({ to: '/masuk', search: { redirect: location.href }, replace: true });
    if (context.user.mustChangePassword && location.pathname !== changePasswordPath) {
      throw redirect({ to: changePasswordPath, replace: true });
    }
    if (!context.user.mustChangePassword && context.user.totpSetupRequired && location.pathname !== accountSecurityPath) {
      throw redirect({ to: accountSecurityPath, replace: true });
    }
  },
  component: AppLayout,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/home/HomePage'), 'HomePage'),
});

const regionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/wilayah',
  validateSearch: (search: Record<string, unknown>): { kode?: string } => ({ kode: optionalDigits(search.kode) }),
  component: lazyRouteComponent(() => import('../features/regions/RegionsPage'), 'RegionsPage'),
});

const villagesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/desa',
  staticData: { permission: 'viewVillages' },
  validateSearch: (search: Record<string, unknown>): VillageFilters => ({
    within: optionalDigits(search.within),
    cohortYear: optionalInt(search.cohortYear),
    status: oneOf(programVillageStatuses, search.status),
    q: optionalString(search.q),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import('../features/villages/VillagesPage'), 'VillagesPage'),
});

const enrollVillageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/desa/daftar',
  staticData: { permission: 'writeVillages' },
  validateSearch: (search: Record<string, unknown>): { village?: string } => ({
    village: optionalDigits(search.village),
  }),
  component: lazyRouteComponent(() => import('../features/villages/EnrollVillagePage'), 'EnrollVillagePage'),
});

const villageDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/desa/$villageCode',
  staticData: { permission: 'viewVillages' },
  component: lazyRouteComponent(() => import('../features/villages/VillageDetailPage'), 'VillageDetailPage'),
});

/** Village users go straight to their own village's registry; everyone else picks a village first. */
const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penduduk',
  staticData: { permission: 'viewPeople' },
  beforeLoad: ({ context }) => {
    if (!context.user || !isVillageRole(context.user.role)) return;
    throw redirect({
      to: '/penduduk/desa/$villageCode',
      params: { villageCode: context.user.scopeCode },
      search: {},
      replace: true,
    });
  },
  component: lazyRouteComponent(() => import('../features/people/ChooseVillagePage'), 'ChooseVillagePage'),
});

const villagePeopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penduduk/desa/$villageCode',
  staticData: { permission: 'viewPeople' },
  validateSearch: readPeopleFilters,
  component: lazyRouteComponent(() => import('../features/people/PeoplePage'), 'PeoplePage'),
});

const villageFamiliesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penduduk/desa/$villageCode/keluarga',
  staticData: { permission: 'viewPeople' },
  validateSearch: (search: Record<string, unknown>): { q?: string; page?: number } => ({
    q: optionalString(search.q),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import('../features/families/FamiliesPage'), 'FamiliesPage'),
});

const newPersonRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penduduk/desa/$villageCode/baru',
  staticData: { permission: 'writePeople' },
  component: lazyRouteComponent(() => import('../features/people/NewPersonPage'), 'NewPersonPage'),
});

const peopleImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penduduk/desa/$villageCode/impor',
  staticData: { permission: 'importPeople' },
  validateSearch: (search: Record<string, unknown>): { job?: string } => ({ job: optionalString(search.job) }),
  component: lazyRouteComponent(() => import('../features/people/import/ImportPage'), 'ImportPage'),
});

const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penduduk/$personId',
  staticData: { permission: 'viewPeople' },
  component: lazyRouteComponent(() => import('../features/people/PersonPage'), 'PersonPage'),
});

/** Personal-data protection (UU 27/2022): who looked at a person's data, requests, retention, breach response. */
const accessLogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penduduk/$personId/riwayat-akses',
  staticData: { permission: 'viewAccessLog' },
  validateSearch: (search: Record<string, unknown>): AccessLogFilters => ({ reads: oneOf(['true'] as const, optionalString(search.reads)), page: pageNumber(search.page) }),
  component: lazyRouteComponent(() => import('../features/privacy/AccessLogPage'), 'AccessLogPage'),
});
const dataRequestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/desa/$villageCode/permintaan-data',
  staticData: { permission: 'handleDataRequests' },
  validateSearch: (search: Record<string, unknown>): RequestFilters => ({
    status: oneOf(dataSubjectRequestStatuses, search.status),
    personId: optionalString(search.personId),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import('../features/privacy/DataRequestsPage'), 'DataRequestsPage'),
});
const retentionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pelindungan-data/retensi',
  staticData: { permission: 'viewPeople' },
  component: lazyRouteComponent(() => import('../features/privacy/RetentionPage'), 'RetentionPage'),
});
const breachRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pelindungan-data/kebocoran',
  staticData: { permission: 'administerPrivacy' },
  validateSearch: (search: Record<string, unknown>): BreachFilters => ({
    userId: optionalString(search.userId),
    from: optionalString(search.from),
    to: optionalString(search.to),
  }),
  component: lazyRouteComponent(() => import('../features/privacy/BreachReportPage'), 'BreachReportPage'),
});

const familyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penduduk/keluarga/$familyId',
  staticData: { permission: 'viewPeople' },
  component: lazyRouteComponent(() => import('../features/families/FamilyPage'), 'FamilyPage'),
});

const duplicatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/duplikat',
  staticData: { permission: 'reviewDuplicates' },
  validateSearch: (search: Record<string, unknown>): DuplicateFilters => ({
    within: optionalDigits(search.within),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import('../features/people/duplicates/DuplicatesPage'), 'DuplicatesPage'),
});

const targetsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/target',
  staticData: { permission: 'viewTargets' },
  component: lazyRouteComponent(() => import('../features/targets/TargetsPage'), 'TargetsPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pengguna',
  staticData: { permission: 'manageUsers' },
  validateSearch: (search: Record<string, unknown>): UserFilters => ({
    q: optionalString(search.q),
    role: oneOf(roles, search.role),
    scopeCode: optionalDigits(search.scopeCode),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import('../features/users/UsersPage'), 'UsersPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  staticData: { permission: 'viewAudit' },
  validateSearch: (search: Record<string, unknown>): AuditFilters => ({
    actorId: optionalString(search.actorId),
    entityType: optionalString(search.entityType),
    entityId: optionalString(search.entityId),
    from: optionalString(search.from),
    to: optionalString(search.to),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import('../features/audit/AuditPage'), 'AuditPage'),
});

/** Sync state and the conflicts left by offline edits (issue 5). */
const syncRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sinkron',
  staticData: { permission: 'viewMigration' },
  component: lazyRouteComponent(() => import('../features/sync/ConflictsPage'), 'ConflictsPage'),
});

/** A village's migrants abroad and returned (departures, returns, contracts ending). */
const villagePlacementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/desa/$villageCode/penempatan',
  staticData: { permission: 'viewMigration' },
  validateSearch: (search: Record<string, unknown>): PlacementFilters => ({
    state: oneOf(placementStates, search.state),
    country: optionalString(search.country),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import('../features/placements/PlacementsPage'), 'PlacementsPage'),
});

/** Cases of the user's scope: a village's, a regency's (referred and overdue first). */
const casesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kasus',
  staticData: { permission: 'viewMigration' },
  validateSearch: (search: Record<string, unknown>): CaseFilters => ({
    status: oneOf(caseStatuses, search.status),
    type: oneOf(caseTypes, search.type),
    overdue: oneOf(['true'] as const, optionalString(search.overdue)),
    open: oneOf(['true'] as const, optionalString(search.open)),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import('../features/cases/CasesPage'), 'CasesPage'),
});

/** A new case is opened in the officer's own village. */
const newCaseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kasus/baru',
  staticData: { permission: 'writeMigration' },
  beforeLoad: ({ context }) => {
    if (context.user && !isVillageRole(context.user.role)) throw redirect({ to: '/kasus', search: {}, replace: true });
  },
  component: lazyRouteComponent(() => import('../features/cases/NewCasePage'), 'NewCasePage'),
});

const caseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kasus/$caseId',
  staticData: { permission: 'viewMigration' },
  component: lazyRouteComponent(() => import('../features/cases/CaseDetailPage'), 'CaseDetailPage'),
});

/** The migration centre's service log: village users go straight to their village; others pick one. */
const servicesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/layanan',
  staticData: { permission: 'viewMigration' },
  beforeLoad: ({ context }) => {
    if (!context.user || !isVillageRole(context.user.role)) return;
    throw redirect({ to: '/layanan/desa/$villageCode', params: { villageCode: context.user.scopeCode }, search: {}, replace: true });
  },
  component: lazyRouteComponent(() => import('../features/services/ChooseCentreVillage'), 'ChooseServicesVillagePage'),
});

const villageServicesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/layanan/desa/$villageCode',
  staticData: { permission: 'viewMigration' },
  validateSearch: (search: Record<string, unknown>): ServicesSearch => {
    const month = optionalString(search.month);
    return {
      month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : undefined,
      serviceType: oneOf(serviceTypes, search.serviceType),
      page: pageNumber(search.page),
      year: optionalInt(search.year),
    };
  },
  component: lazyRouteComponent(() => import('../features/services/ServicesPage'), 'ServicesPage'),
});

/** Migration plans: village users go straight to their village's list; others pick a village. */
const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/rencana-migrasi',
  staticData: { permission: 'viewMigration' },
  beforeLoad: ({ context }) => {
    if (!context.user || !isVillageRole(context.user.role)) return;
    throw redirect({ to: '/rencana-migrasi/desa/$villageCode', params: { villageCode: context.user.scopeCode }, search: {}, replace: true });
  },
  component: lazyRouteComponent(() => import('../features/services/ChooseCentreVillage'), 'ChoosePlansVillagePage'),
});

const villagePlansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/rencana-migrasi/desa/$villageCode',
  staticData: { permission: 'viewMigration' },
  validateSearch: (search: Record<string, unknown>): PlanFilters => ({
    flagged: oneOf(['true', 'false'] as const, search.flagged),
    ready: oneOf(['true', 'false'] as const, search.ready),
    status: oneOf(planStatuses, search.status),
  }),
  component: lazyRouteComponent(() => import('../features/plans/PlansPage'), 'PlansPage'),
});

const newPlanRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/rencana-migrasi/baru/$personId',
  staticData: { permission: 'writeMigration' },
  component: lazyRouteComponent(() => import('../features/plans/NewPlanPage'), 'NewPlanPage'),
});

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/rencana-migrasi/$planId',
  staticData: { permission: 'viewMigration' },
  component: lazyRouteComponent(() => import('../features/plans/PlanPage'), 'PlanPage'),
});

/** Where a letter's QR code leads: public, outside the login shell. */
const verifyLetterRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verifikasi/$token',
  component: lazyRouteComponent(() => import('../features/plans/VerifyLetterPage'), 'VerifyLetterPage'),
});

const agenciesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/agensi',
  validateSearch: (search: Record<string, unknown>): AgencyFilters => ({
    q: optionalString(search.q),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import('../features/agencies/AgenciesPage'), 'AgenciesPage'),
});

const jobsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lowongan',
  validateSearch: (search: Record<string, unknown>): JobFilters => ({
    q: optionalString(search.q),
    country: oneOf(destinationCountries.map((c) => c.code), search.country),
    sector: oneOf(sectors, search.sector),
    openOnly: search.openOnly === true || search.openOnly === 'true' ? true : undefined,
    verified: oneOf(['true', 'false'] as const, search.verified === true ? 'true' : search.verified === false ? 'false' : search.verified),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import('../features/jobs/JobsPage'), 'JobsPage'),
});

/** The public page for villagers: outside the login shell, no account needed. */
const infoRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/info',
  component: lazyRouteComponent(() => import('../features/public/InfoPage'), 'InfoPage'),
});

const infoCentreRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/info/desa/$villageCode',
  component: lazyRouteComponent(() => import('../features/public/CentrePage'), 'CentrePage'),
});

const changePasswordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: changePasswordPath,
  component: lazyRouteComponent(() => import('../features/auth/ChangePasswordPage'), 'ChangePasswordPage'),
});

const accountSecurityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/keamanan-akun',
  component: lazyRouteComponent(() => import('../features/account/AccountSecurityPage'), 'AccountSecurityPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  verifyLetterRoute,
  infoRoute,
  infoCentreRoute,
  appRoute.addChildren([
    homeRoute,
    regionsRoute,
    villagesRoute,
    enrollVillageRoute,
    villageDetailRoute,
    peopleRoute,
    villagePeopleRoute,
    villageFamiliesRoute,
    newPersonRoute,
    peopleImportRoute,
    personRoute,
    accessLogRoute,
    dataRequestsRoute,
    retentionRoute,
    breachRoute,
    familyRoute,
    duplicatesRoute,
    targetsRoute,
    usersRoute,
    auditRoute,
    syncRoute,
    villagePlacementsRoute,
    casesRoute,
    newCaseRoute,
    caseRoute,
    servicesRoute,
    villageServicesRoute,
    plansRoute,
    villagePlansRoute,
    newPlanRoute,
    planRoute,
    agenciesRoute,
    jobsRoute,
    changePasswordRoute,
    accountSecurityRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { user: null },
  defaultPreload: 'intent',
  defaultPendingComponent: PageSkeleton,
  defaultNotFoundComponent: NotFoundPage,
  defaultErrorComponent: RouteErrorPage,
  scrollRestoration: true,
  /** Plain `?within=3212`, not JSON-quoted `?within=%223212%22`. */
  parseSearch: parseSearchWith((value) => value),
  stringifySearch: stringifySearchWith(JSON.stringify),
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
  interface StaticDataRouteOption {
    /** The screen is shown only to roles with this permission; others see the 403 page. */
    permission?: Permission;
  }
}
