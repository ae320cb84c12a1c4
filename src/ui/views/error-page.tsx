import type { PageContext } from '../../platform/page-context.ts';
import { ALL_LOCALES, LOCALES } from '../../platform/i18n/locales.ts';
import { localizePath } from '../../platform/i18n/paths.ts';
import { Layout } from '../layout.tsx';
import { ButtonLink } from '../button-link.tsx';

interface ErrorPageProps {
  ctx: PageContext;
  title: string;
  text: string;
  requestId?: string | undefined;
  /** A page not found: links to the start page in each language (e.g. after `/de/`). */
  languages?: boolean;
}

export function ErrorPage({ ctx, title, text, requestId, languages }: ErrorPageProps) {
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{text}</p>
      {requestId ? (
        <p>
          {t('error.requestId')}: <code class="request-id">{requestId}</code>
        </p>
      ) : null}
      <ButtonLink href="/">{t('error.home')}</ButtonLink>
      {languages ? (
        <nav aria-labelledby="languages-heading">
          <h2 id="languages-heading">{t('error.notFound.languages')}</h2>
          <ul>
            {ALL_LOCALES.map((l) => (
              <li key={l}>
                <a hreflang={l} href={localizePath('/', l)} lang={l}>
                  {LOCALES[l].name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </Layout>
  );
}
