import type { PageContext } from '../../platform/page-context.ts';
import { Layout } from '../layout.tsx';

interface ErrorPageProps {
  ctx: PageContext;
  title: string;
  text: string;
  requestId?: string | undefined;
}

export function ErrorPage({ ctx, title, text, requestId }: ErrorPageProps) {
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
      <p>
        <a class="button" href="/">
          {t('error.home')}
        </a>
      </p>
    </Layout>
  );
}
