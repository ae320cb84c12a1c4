import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { contextOutsideRequest } from '../platform/page-context.ts';
import { Layout } from './layout.tsx';
import { TitledPage } from './titled-page.tsx';

const ctx = contextOutsideRequest('sv', '/workspace/news');

describe('TitledPage', () => {
  it('is the layout with a breadcrumb back, the title as heading and a lead', () => {
    expect(
      renderToString(
        <TitledPage
          ctx={ctx}
          title="Nyheter"
          back={{ href: '/workspace', label: 'Tillbaka' }}
          lead="L"
        >
          <div>x</div>
        </TitledPage>,
      ),
    ).toBe(
      renderToString(
        <Layout ctx={ctx} title="Nyheter">
          <p class="breadcrumb">
            <a href="/workspace">Tillbaka</a>
          </p>
          <h1>Nyheter</h1>
          <p class="lead">L</p>
          <div>x</div>
        </Layout>,
      ),
    );
  });

  it('has a plain paragraph back, and no lead when none is given', () => {
    expect(
      renderToString(
        <TitledPage
          ctx={ctx}
          title="Nyheter"
          section="news"
          back={{ href: '/news', label: 'Tillbaka', plain: true }}
        />,
      ),
    ).toBe(
      renderToString(
        <Layout ctx={ctx} title="Nyheter" section="news">
          <p>
            <a href="/news">Tillbaka</a>
          </p>
          <h1>Nyheter</h1>
        </Layout>,
      ),
    );
  });

  it('takes its title and lead from the messages <prefix>.title and <prefix>.lead', () => {
    const { t } = ctx.i18n;
    expect(renderToString(<TitledPage ctx={ctx} messages="apiToken" />)).toBe(
      renderToString(
        <TitledPage ctx={ctx} title={t('apiToken.title')} lead={t('apiToken.lead')} />,
      ),
    );
  });
});
