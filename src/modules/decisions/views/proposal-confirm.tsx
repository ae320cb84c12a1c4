import type { PageContext } from '../../../platform/page-context.ts';
import { ConfirmPage } from '../../../ui/confirm.tsx';
import { Content, withParts } from '../../../ui/content.tsx';
import type { Proposal } from '../proposal.service.ts';

const STEPS = {
  send: {
    title: 'workspace.proposals.confirmSend.title',
    what: 'workspace.proposals.confirmSend.what',
    confirm: 'workspace.proposals.confirmSend.confirm',
  },
  withdraw: {
    title: 'workspace.proposals.confirmWithdraw.title',
    what: 'workspace.proposals.confirmWithdraw.what',
    confirm: 'workspace.proposals.confirmWithdraw.confirm',
  },
} as const;

/** Send a draft proposal to the council, or withdraw it? Both are final (decision 033). */
export function ConfirmProposalPage({
  ctx,
  step,
  proposal,
  cityName,
}: {
  ctx: PageContext;
  step: 'send' | 'withdraw';
  proposal: Proposal;
  cityName: string;
}) {
  const { t, locale } = ctx.i18n;
  const keys = STEPS[step];
  return (
    <ConfirmPage
      ctx={ctx}
      title={t(keys.title)}
      lead={withParts(
        ({ title }) =>
          t(keys.what, {
            title,
            kind: t(`workspace.proposals.kind.${proposal.kind}`),
            city: cityName,
          }),
        { title: <Content locale={locale}>{proposal.title}</Content> },
      )}
      irreversible
      destructive={step === 'withdraw'}
      action={`/workspace/proposals/${proposal.id}/${step}`}
      confirm={t(keys.confirm)}
      cancel="/workspace/proposals"
    />
  );
}
