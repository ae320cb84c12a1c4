import type { FastifyPluginAsync, RawServerDefault } from 'fastify';
import type { ErrorSpec } from '../shared/errors.ts';
import type { AccountsPort } from './auth.ts';
import type { DemoContext } from './demo.ts';
import type { DomainEventHandler } from './domain-events.ts';
import type { Catalogue } from './i18n/catalogue.ts';
import type { MetricsSource } from './metrics.ts';
import type { Permission } from './permissions.ts';
import type { RelatedContentSource } from './related-content.ts';
import type { ScheduledJob } from './scheduler.ts';
import type { SearchSource } from './search.ts';
import type { SitemapSource } from './sitemap.ts';
import type { PolicyStatusSource, TaskSource } from './workspace-home.ts';

/** A module's route plugin, optionally under a prefix (e.g. `/api/v1`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plain and Zod-typed plugins alike
type RoutePlugin = FastifyPluginAsync<Record<never, never>, RawServerDefault, any>;
export type ModuleRoutes = RoutePlugin | { plugin: RoutePlugin; prefix: string };

/**
 * Everything the app needs to know about a module, in one place. `src/modules/registry.ts`
 * lists the descriptors; app.ts registers their routes, the i18n catalogue takes their
 * messages, the scheduler their jobs, the demo seed their demo data, and the authorization
 * matrix test their protected routes. Adding a module means one new folder and one line
 * in the registry; nothing in the platform names a module.
 */
export interface AppModule {
  /** The folder name, e.g. `meetings`. */
  name: string;
  /** What the module is for, in one line (docs/architecture.md's module map). */
  purpose: string;
  /** Route plugins, registered in this order. */
  routes?: readonly ModuleRoutes[];
  /**
   * The module's error codes (its `errors.ts`, made with `defineErrors`): the registry joins
   * them into the one catalogue (docs/errors.md, `GET /api/errors`, the HTML error pages).
   */
  errors?: Readonly<Record<string, ErrorSpec>>;
  /** Message catalogues: Swedish (the source, every key) and the other languages. */
  messages?: readonly Catalogue[];
  /** The module's public pages for `/sitemap.xml` (paths without a language prefix). */
  sitemap?: SitemapSource;
  /** The module's records for the portal search (`/search`, decision 021). */
  search?: SearchSource;
  /** Scheduled jobs (the scheduler and `vanort job run`). */
  jobs?: readonly ScheduledJob[];
  /**
   * Every protected route the module registers, with the permission it declares, written
   * out by hand: the authorization matrix test checks the code against it and calls each
   * route as every role.
   */
  protectedRoutes?: Readonly<Record<string, Exclude<Permission, 'public'>>>;
  /** Seeds the module's demo data; modules are seeded in registry order. */
  demo?: (context: DemoContext) => Promise<void>;
  /** The tables the module owns (its migrations create them; only its repositories query them). */
  tables: readonly string[];
  /** A section for other modules' public pages (city, meeting, collaboration), e.g. linked news. */
  related?: RelatedContentSource;
  /** Handles other modules' domain events in their transaction (decision 024). */
  events?: DomainEventHandler;
  /** What waits for a signed-in person in this module (the workspace start page). */
  tasks?: TaskSource;
  /** The module's lines of the policy panel P1–P10 (coordinators' start page). */
  policy?: PolicyStatusSource;
  /** The accounts module answers the request hook's questions about sessions and tokens. */
  accounts?: AccountsPort;
  /** Figures read from the module's tables when /metrics is scraped (e.g. a queue's length). */
  metrics?: MetricsSource;
}

/** A module's demo from several seeds, run one after the other (a later one may build on an earlier one's data). */
export function inOrder(
  ...seeds: readonly ((context: DemoContext) => Promise<void>)[]
): (context: DemoContext) => Promise<void> {
  return async (context) => {
    for (const seed of seeds) await seed(context);
  };
}

/** Declares a module (an identity function that checks the shape). */
export function defineModule(module: AppModule): AppModule {
  return module;
}
