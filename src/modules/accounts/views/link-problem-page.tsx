import type { PageContext } from '../../../platform/page-context.ts';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { ButtonLink } from '../../../ui/button-link.tsx';

export type LinkProblem = 'invalid' | 'expired' | 'used';

/** A reset or invitation link that cannot be used: says why and how to get a new one. */
export function LinkProblemPage({ ctx, problem }: { ctx: PageContext; problem: LinkProblem }) {
  const { t } = ctx.i18n;
  const title = t(`link.${problem}.title`);
  return (
    <TitledPage ctx={ctx} title={title} lead={t(`link.${problem}.text`)}>
      <ButtonLink href="/reset">{t('link.askNew')}</ButtonLink>
      <p>
        <a href="/login">{t('link.login')}</a>
      </p>
    </TitledPage>
  );
}
