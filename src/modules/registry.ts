import { installCatalogues } from '../platform/i18n/catalogue.ts';
import type { AccountsPort } from '../platform/auth.ts';
import type { AppModule } from '../platform/module.ts';
import { accountsModule } from './accounts/module.ts';
import { adminModule } from './admin/module.ts';
import { auditModule } from './audit/module.ts';
import { citiesModule } from './cities/module.ts';
import { collaborationsModule } from './collaborations/module.ts';
import { decisionsModule } from './decisions/module.ts';
import { healthModule } from './health/module.ts';
import { meetingsModule } from './meetings/module.ts';
import { newsModule } from './news/module.ts';
import { newsletterModule } from './newsletter/module.ts';
import { organisationsModule } from './organisations/module.ts';
import { pagesModule } from './pages/module.ts';

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
  adminModule,
];

// The modules' message catalogues join the platform's as soon as the registry is loaded.
installCatalogues(modules.flatMap((m) => m.messages ?? []));

/** Every scheduled job of every module. */
export const jobs = modules.flatMap((m) => m.jobs ?? []);

/** The module that answers the request hook's questions about sessions and tokens. */
export function accountsPort(): AccountsPort {
  const port = modules.find((m) => m.accounts)?.accounts;
  if (!port) throw new Error('No module provides accounts');
  return port;
}
