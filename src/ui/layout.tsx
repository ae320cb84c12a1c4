import type { ComponentChildren } from 'preact';
import { i18nFor } from '../platform/i18n/i18n.ts';
import { ENABLED_LOCALES, LOCALES } from '../platform/i18n/locales.ts';
import { localizePath } from '../platform/i18n/paths.ts';
import type { Locale } from '../platform/i18n/locales.ts';
import type { PlainKey } from '../platform/i18n/catalogue.ts';
import type { PageContext } from '../platform/page-context.ts';
import { ErrorSummary, Flash } from './fields.tsx';
import { SearchBox } from './search-box.tsx';
import { Breadcrumbs, isWorkspacePath, workspaceCrumbs, WorkspaceNav } from './workspace-nav.tsx';
import type { Crumb } from './workspace-nav.tsx';

interface LayoutProps {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  /** Which main-menu entry is current. */
  section?:
    | 'home'
    | 'privacy'
    | 'cities'
    | 'meetings'
    | 'decisions'
    | 'collaborations'
    | 'news'
    | 'policy'
    | 'accessibility'
    | 'api'
    | 'datasets';
  /** Extra elements for <head>, e.g. a refresh while a long task runs. */
  head?: ComponentChildren;
  /**
   * Workspace pages: the steps between the page's place and the page itself for the
   * breadcrumbs (e.g. the meeting above its delegation), and the page's short name in them
   * (default: the title).
   */
  trail?: readonly Crumb[];
  crumb?: string;
}

const NAV = [
  { key: 'home', href: '/', label: 'nav.home' },
  { key: 'cities', href: '/cities', label: 'nav.cities' },
  { key: 'meetings', href: '/meetings', label: 'nav.meetings' },
  { key: 'decisions', href: '/decisions', label: 'nav.decisions' },
  { key: 'collaborations', href: '/collaborations', label: 'collab.nav.public' },
  { key: 'news', href: '/news', label: 'nav.news' },
  { key: 'policy', href: '/policy', label: 'nav.policy' },
] as const;

/** The footer's links; those that are a section of their own are marked when current. */
const FOOTER_NAV: readonly { href: string; label: PlainKey; section?: LayoutProps['section'] }[] = [
  { href: '/accessibility', label: 'nav.accessibility', section: 'accessibility' },
  { href: '/policy', label: 'nav.policy' },
  { href: '/privacy', label: 'privacy.nav', section: 'privacy' },
  { href: '/overview', label: 'nav.overview' },
  { href: '/reports', label: 'report.nav' },
  { href: '/api/docs', label: 'nav.api' },
  { href: '/datasets', label: 'nav.datasets', section: 'datasets' },
  { href: '/newsletter', label: 'newsletter.nav' },
];

export function Layout({ ctx, title, children, section, head, trail, crumb }: LayoutProps) {
  const { t, locale } = ctx.i18n;
  const hasErrors = Object.keys(ctx.formErrors).length > 0;
  const fullTitle = `${hasErrors ? `${t('form.errorTitlePrefix')}: ` : ''}${title} – ${t('service.name')}`;
  // The workspace's own navigation and breadcrumbs (decision 034), for a signed-in person.
  const inWorkspace = ctx.user !== null && isWorkspacePath(ctx.path);
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={t('service.tagline')} />
        <link rel="stylesheet" href={`/static/styles.css?v=${ctx.assetVersion}`} />
        <link rel="icon" href={`/static/favicon.svg?v=${ctx.assetVersion}`} type="image/svg+xml" />
        {ENABLED_LOCALES.map((l) => (
          <link key={l} rel="alternate" hreflang={l} href={localizePath(ctx.url, l)} />
        ))}
        <link rel="alternate" hreflang="x-default" href={ctx.url} />
        <link
          rel="search"
          type="application/opensearchdescription+xml"
          href="/opensearch.xml"
          title={t('service.name')}
        />
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipLink')}
        </a>
        <header class="site-header">
          <div class="container header-inner">
            <a class="brand" href="/">
              <span class="brand-name">{t('service.name')}</span>
              <span class="brand-owner">{t('service.owner')}</span>
            </a>
            <HeaderSearch ctx={ctx} />
            <UserNav ctx={ctx} />
            <nav class="lang-switch" aria-label={t('layout.languageNav')}>
              <ul>
                {ENABLED_LOCALES.map((l) => (
                  <li key={l}>
                    {/* hreflang before href: the link names its language's own address. */}
                    <a
                      hreflang={l}
                      href={localizePath(ctx.url, l)}
                      lang={l}
                      aria-current={l === locale ? 'true' : undefined}
                    >
                      {LOCALES[l].name}
                      {l === locale ? (
                        <span class="visually-hidden"> {t('layout.languageCurrent')}</span>
                      ) : null}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <nav class="main-nav" aria-label={t('layout.mainNav')}>
            <div class="container">
              <ul>
                {NAV.map((item) => (
                  <li key={item.key}>
                    <a href={item.href} aria-current={section === item.key ? 'page' : undefined}>
                      {t(item.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        </header>
        {ctx.demo ? (
          <div class="demo-banner" role="note">
            <div class="container">
              <strong>{t('layout.demoLabel')}:</strong> {t('layout.demoBanner')}
            </div>
          </div>
        ) : null}
        {ctx.offeredLocale ? <LanguageOffer ctx={ctx} offered={ctx.offeredLocale} /> : null}
        {inWorkspace ? <WorkspaceNav ctx={ctx} /> : null}
        {inWorkspace ? (
          <Breadcrumbs ctx={ctx} steps={workspaceCrumbs(ctx, trail)} current={crumb ?? title} />
        ) : null}
        <main id="main" class="container" tabIndex={-1}>
          <Flash message={ctx.flash} />
          <ErrorSummary i18n={ctx.i18n} errors={ctx.formErrors} />
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{t('footer.text')}</p>
            <nav aria-label={t('layout.footerNav')}>
              <ul>
                {FOOTER_NAV.map((item) => (
                  <li key={item.href}>
                    <a
                      href={item.href}
                      aria-current={item.section && section === item.section ? 'page' : undefined}
                    >
                      {t(item.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** On the Swedish start page: the reader's browser prefers another of the five languages. */
function LanguageOffer({ ctx, offered }: { ctx: PageContext; offered: Locale }) {
  const { t } = i18nFor(offered);
  return (
    <div class="language-offer" lang={offered}>
      <div class="container">
        <p>
          {t('layout.offerText')}{' '}
          <a hreflang={offered} href={localizePath(ctx.url, offered)}>
            {t('layout.offerLink')}
          </a>
        </p>
      </div>
    </div>
  );
}

/** The search box of every page (the search module's `/search`; works without JavaScript). */
function HeaderSearch({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  return (
    <form class="header-search" method="get" action="/search" role="search">
      <label for="header-search-q" class="visually-hidden">
        {t('search.header.label')}
      </label>
      <SearchBox class="header-search-input" id="header-search-q" />
      <button type="submit" class="header-search-button">
        {t('search.header.submit')}
      </button>
    </form>
  );
}

function UserNav({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  const user = ctx.user;
  if (!user) {
    return (
      <nav class="user-nav" aria-label={t('nav.userMenu')}>
        <a href="/login">{t('nav.login')}</a>
      </nav>
    );
  }
  return (
    <nav class="user-nav" aria-label={t('nav.userMenu')}>
      <a href="/account">{user.name}</a>
      <a href="/workspace">{t('nav.workspace')}</a>
      {user.roles.some((g) => g.role === 'admin') ? (
        <a href="/admin/users">{t('nav.admin')}</a>
      ) : null}
      {ctx.csrfToken ? (
        <form method="post" action="/logout">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <button type="submit" class="link-button">
            {t('nav.logout')}
          </button>
        </form>
      ) : null}
    </nav>
  );
}
