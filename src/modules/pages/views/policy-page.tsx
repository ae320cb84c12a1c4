import type { PageContext } from '../../../platform/page-context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { ScrollRegion } from '../../../ui/table.tsx';
import {
  POLICY_EN,
  POLICY_RULES,
  POLICY_SV,
  POLICY_TITLE_EN,
  POLICY_TITLE_SV,
  type PolicySection,
} from '../policy-text.ts';
import { POLICY_NORDIC, POLICY_RULES_NORDIC, POLICY_TITLES_NORDIC } from '../policy-text.nordic.ts';

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
  // The Swedish original, and in any other language its translation after it (the English
  // one, or an unofficial Danish, Norwegian or Finnish one).
  const translation =
    locale === 'sv'
      ? null
      : locale === 'en'
        ? { sections: POLICY_EN, title: POLICY_TITLE_EN }
        : { sections: POLICY_NORDIC[locale], title: POLICY_TITLES_NORDIC[locale] };
  const texts = [
    {
      id: 'original',
      heading: t('policy.originalTitle'),
      sections: POLICY_SV,
      title: POLICY_TITLE_SV,
      lang: 'sv',
    },
    ...(translation
      ? [{ id: 'translation', heading: t('policy.translationTitle'), ...translation, lang: locale }]
      : []),
  ];
  const ruleText = (r: (typeof POLICY_RULES)[number], part: 'rule' | 'support') =>
    locale === 'sv' || locale === 'en' ? r[part][locale] : POLICY_RULES_NORDIC[r.id]![part][locale];
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
        <ScrollRegion labelledBy="rules-caption">
          <table>
            <caption id="rules-caption">{t('policy.rules.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('policy.rules.rule')}</th>
                <th scope="col">{t('policy.rules.support')}</th>
              </tr>
            </thead>
            <tbody>
              {POLICY_RULES.map((r) => (
                <tr key={r.id} id={r.id.toLowerCase()}>
                  <th scope="row">{r.id}</th>
                  <td>{ruleText(r, 'rule')}</td>
                  <td>{ruleText(r, 'support')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </Layout>
  );
}
