import { installErrorCatalogue, type ModuleErrorCodes } from '../shared/errors.ts';
import { installCatalogues } from '../platform/i18n/catalogue.ts';
import type { AccountsPort } from '../platform/auth.ts';
import type { AppModule } from '../platform/module.ts';
import { installSearchSources } from '../platform/search.ts';
import { installRelatedContent } from '../platform/related-content.ts';
import { installEventHandlers } from '../platform/domain-events.ts';
import { installWorkspaceHome } from '../platform/workspace-home.ts';
import { accountsModule } from './accounts/module.ts';
import { adminModule } from './admin/module.ts';
import { auditModule } from './audit/module.ts';
import { citiesModule } from './cities/module.ts';
import { collaborationsModule } from './collaborations/module.ts';
import { decisionsModule } from './decisions/module.ts';
import { evaluationModule } from './evaluation/module.ts';
import { healthModule } from './health/module.ts';
import { meetingsModule } from './meetings/module.ts';
import { newsModule } from './news/module.ts';
import { newsletterModule } from './newsletter/module.ts';
import { opendataModule } from './opendata/module.ts';
import { organisationsModule } from './organisations/module.ts';
import { overviewModule } from './overview/module.ts';
import { pagesModule } from './pages/module.ts';
import { privacyModule } from './privacy/module.ts';
import { recordsModule } from './records/module.ts';
import { searchModule } from './search/module.ts';
import type { accountsErrorSpecs } from './accounts/errors.ts';
import type { citiesErrorSpecs } from './cities/errors.ts';
import type { collaborationsErrorSpecs } from './collaborations/errors.ts';
import type { decisionsErrorSpecs } from './decisions/errors.ts';
import type { evaluationErrorSpecs } from './evaluation/errors.ts';
import type { meetingsErrorSpecs } from './meetings/errors.ts';
import type { newsErrorSpecs } from './news/errors.ts';
import type { newsletterErrorSpecs } from './newsletter/errors.ts';
import type { organisationsErrorSpecs } from './organisations/errors.ts';
import type { overviewErrorSpecs } from './overview/errors.ts';
import type { recordsErrorSpecs } from './records/errors.ts';

/**
 * Every module of the app, one line each. The order is the order of their demo data (a
 * module's demo may use the ids of those before it) and of their routes.
 */
export const modules: readonly AppModule[] = [
  healthModule,
  pagesModule,
  citiesModule,
  decisionsModule,
  organisationsModule,
  accountsModule,
  auditModule,
  meetingsModule,
  collaborationsModule,
  newsModule,
  newsletterModule,
  overviewModule,
  evaluationModule,
  opendataModule,
  searchModule,
  adminModule,
  privacyModule,
  recordsModule,
];

// The modules' message catalogues join the platform's as soon as the registry is loaded.
installCatalogues(modules.flatMap((m) => m.messages ?? []));
// Their error codes join the one error catalogue (src/shared/errors.ts, docs/errors.md), and
// the `ErrorCode` type (below), so AppError takes each module's codes and refuses a typo.
installErrorCatalogue(modules.flatMap((m) => (m.errors ? [m.errors] : [])));
// And their search sources join the portal search (decision 021).
installSearchSources(modules.flatMap((m) => (m.search ? [m.search] : [])));
// Sections modules add to each other's public pages (news on a city's page) without importing them.
installRelatedContent(modules.flatMap((m) => (m.related ? [m.related] : [])));

// Their handlers of each other's domain events (decision 024).
installEventHandlers(modules.flatMap((m) => (m.events ? [m.events] : [])));
// What waits for people and the policy panel on the workspace start page.
installWorkspaceHome(
  modules.flatMap((m) => (m.tasks ? [m.tasks] : [])),
  modules.flatMap((m) => (m.policy ? [m.policy] : [])),
);

/** Every scheduled job of every module. */
export const jobs = modules.flatMap((m) => m.jobs ?? []);

/** The modules' figures for /metrics (decision 041). */
export const metricsSources = modules.flatMap((m) => (m.metrics ? [m.metrics] : []));

/** The module that answers the request hook's questions about sessions and tokens. */
export function accountsPort(): AccountsPort {
  const port = modules.find((m) => m.accounts)?.accounts;
  if (!port) throw new Error('No module provides accounts');
  return port;
}

/** Every module's error codes (its `errors.ts`, `defineErrors`), as the descriptors list them. */
type ModuleErrors = typeof citiesErrorSpecs &
  typeof decisionsErrorSpecs &
  typeof organisationsErrorSpecs &
  typeof accountsErrorSpecs &
  typeof meetingsErrorSpecs &
  typeof collaborationsErrorSpecs &
  typeof newsErrorSpecs &
  typeof newsletterErrorSpecs &
  typeof overviewErrorSpecs &
  typeof evaluationErrorSpecs &
  typeof recordsErrorSpecs;

declare module '../shared/errors.ts' {
  interface ErrorCodes extends ModuleErrorCodes<ModuleErrors> {}
}
