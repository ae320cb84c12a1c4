import type { PageContext } from '../../../platform/page-context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  POLICY_EN,
  POLICY_RULES,
  POLICY_SV,
  POLICY_TITLE_EN,
  POLICY_TITLE_SV,
  type PolicySection,
} from '../policy-text.ts';

function PolicyText({
  sections,
  title,
  lang,
}: {
  sections: PolicySection[];
  title: string;
  lang?: string;
}) {
  return (
    <div class="policy-text" lang={lang}>
      <h3>{title}</h3>
      {sections.map((s, i) => (
        <div key={i}>
          {s.heading ? <h4>{s.heading}</h4> : null}
          {s.paragraphs.map((p, j) => (
            <p key={j}>{p}</p>
          ))}
        </div>
      ))}
    </div>
  );
}

export function PolicyPage({ ctx }: { ctx: PageContext }) {
  const { t, locale } = ctx.i18n;
  const ruleLang = locale === 'en' ? 'en' : 'sv';
  // The Swedish original, and in any other language the English translation after it.
  const texts = [
    {
      id: 'original',
      heading: t('policy.originalTitle'),
      sections: POLICY_SV,
      title: POLICY_TITLE_SV,
      lang: 'sv',
    },
    ...(locale === 'sv'
      ? []
      : [
          {
            id: 'translation',
            heading: t('policy.translationTitle'),
            sections: POLICY_EN,
            title: POLICY_TITLE_EN,
            lang: 'en',
          },
        ]),
  ];
  return (
    <Layout ctx={ctx} title={t('policy.title')} section="policy">
      <h1>{t('policy.title')}</h1>
      <p class="lead">{t('policy.lead')}</p>

      {texts.map((text) => (
        <section aria-labelledby={`${text.id}-heading`} key={text.id}>
          <h2 id={`${text.id}-heading`}>{text.heading}</h2>
          <PolicyText
            sections={text.sections}
            title={text.title}
            lang={locale === text.lang ? undefined : text.lang}
          />
        </section>
      ))}

      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t('policy.rulesTitle')}</h2>
        <div class="table-wrap">
          <table>
            <caption>{t('policy.rules.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('policy.rules.rule')}</th>
                <th scope="col">{t('policy.rules.support')}</th>
              </tr>
            </thead>
            <tbody lang={ruleLang === locale ? undefined : ruleLang}>
              {POLICY_RULES.map((r) => (
                <tr key={r.id} id={r.id.toLowerCase()}>
                  <th scope="row">{r.id}</th>
                  <td>{r.rule[ruleLang]}</td>
                  <td>{r.support[ruleLang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Layout>
  );
}
