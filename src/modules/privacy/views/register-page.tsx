import type { PageContext } from '../../../platform/page-context.ts';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { REGISTER, type KindId, type RegisterEntry, type RuleDays } from '../privacy.register.ts';

/** The texts of one kind of personal data (the messages `privacy.kind.<id>.*`). */
export const kindTitle = (id: KindId) => `privacy.kind.${id}.title` as const;
const part = <P extends 'data' | 'purpose' | 'source' | 'audience'>(id: KindId, p: P) =>
  `privacy.kind.${id}.${p}` as const;

/** How long a kind is kept, with the days of its rules (from the configuration where it has them). */
function retentionText(ctx: PageContext, entry: RegisterEntry, days: RuleDays) {
  const params: Record<string, number> = {};
  for (const rule of entry.rules)
    params[rule.replace(/-(.)/g, (_, c: string) => c.toUpperCase())] = days[rule];
  return ctx.i18n.tDynamic(`privacy.kind.${entry.id}.retention`, params);
}

/** `/privacy`: the register of personal data in plain language, with the person's rights. */
export function RegisterPage({ ctx, days }: { ctx: PageContext; days: RuleDays }) {
  const { t } = ctx.i18n;
  return (
    <TitledPage ctx={ctx} messages="privacy" section="privacy">
      <h2>{t('privacy.controller.title')}</h2>
      <p>{t('privacy.controller.text')}</p>
      <h2>{t('privacy.register.title')}</h2>
      <p>{t('privacy.register.intro')}</p>
      <nav aria-labelledby="privacy-kinds">
        <h3 id="privacy-kinds" class="visually-hidden">
          {t('privacy.register.contents')}
        </h3>
        <ul>
          {REGISTER.map((e) => (
            <li key={e.id}>
              <a href={`#${e.id}`}>{t(kindTitle(e.id))}</a>
            </li>
          ))}
        </ul>
      </nav>
      {REGISTER.map((e) => (
        <section key={e.id} aria-labelledby={e.id} class="privacy-kind">
          <h3 id={e.id}>{t(kindTitle(e.id))}</h3>
          <dl class="facts">
            <dt>{t('privacy.label.data')}</dt>
            <dd>{t(part(e.id, 'data'))}</dd>
            <dt>{t('privacy.label.purpose')}</dt>
            <dd>{t(part(e.id, 'purpose'))}</dd>
            <dt>{t('privacy.label.basis')}</dt>
            <dd>{t(`privacy.basis.${e.basis}`)}</dd>
            <dt>{t('privacy.label.source')}</dt>
            <dd>{t(part(e.id, 'source'))}</dd>
            <dt>{t('privacy.label.audience')}</dt>
            <dd>{t(part(e.id, 'audience'))}</dd>
            <dt>{t('privacy.label.retention')}</dt>
            <dd>{retentionText(ctx, e, days)}</dd>
          </dl>
        </section>
      ))}
      <h2>{t('privacy.rights.title')}</h2>
      <p>{t('privacy.rights.text')}</p>
      <ul>
        <li>{t('privacy.rights.access')}</li>
        <li>{t('privacy.rights.correct')}</li>
        <li>{t('privacy.rights.erase')}</li>
        <li>{t('privacy.rights.object')}</li>
      </ul>
      <p>{t('privacy.rights.how')}</p>
      <p>
        <a href="/account/data">{t('privacy.rights.ownLink')}</a>
      </p>
      <p>{t('privacy.rights.complaint')}</p>
    </TitledPage>
  );
}
