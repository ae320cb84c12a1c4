import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { COORDINATOR, idParams } from '../../platform/route-options.ts';
import { actorOf } from '../../platform/auth.ts';
import { formPage } from '../../platform/form-page.ts';
import { readForm, submitForm } from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
import { getChain, hostCycleYears, listCities, localized } from '../cities/index.ts';
import {
  draftProposal,
  getProposal,
  listProposals,
  sendProposal,
  withdrawProposal,
  type ProposalInput,
} from './proposal.service.ts';
import { proposalForm } from './proposal.schema.ts';
import { ConfirmProposalPage } from './views/proposal-confirm.tsx';
import {
  NEW_CITY,
  NewProposalPage,
  ProposalsPage,
  type ChainOutlook,
  type ProposalValues,
} from './views/proposals-page.tsx';

/** A coordinate as typed (decimal comma or point); empty is null, anything else NaN. */
function coordinate(raw: string): number | null {
  const v = raw.trim().replace(',', '.').replace('−', '-');
  if (v === '') return null;
  return /^-?\d{1,3}(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
}

function proposalInput(v: ProposalValues): ProposalInput {
  const isNew = v.city === NEW_CITY;
  return {
    kind: v.kind,
    citySlug: isNew ? undefined : v.city || undefined,
    newCity: isNew
      ? {
          slug: v.slug.trim(),
          nameSv: v.nameSv,
          nameEn: v.nameEn,
          countryCode: v.countryCode.trim().toUpperCase(),
          latitude: coordinate(v.latitude),
          longitude: coordinate(v.longitude),
        }
      : undefined,
    title: v.title,
    justification: v.justification,
  };
}

/** The coordinator's workspace: proposals to the City Council or the City Executive Board. */
export const proposalPages: FastifyPluginAsyncZod = async (app) => {
  const chainOutlook = async (
    open: { kind: string; title: string; cityId: string }[],
  ): Promise<ChainOutlook | null> => {
    const chain = await getChain(app.db);
    if (!chain) return null;
    const members = chain.members.length;
    const memberIds = new Set(chain.members.map((m) => m.city.id));
    const ifApproved = open.flatMap((p) => {
      const delta =
        p.kind === 'establish_twin' && !memberIds.has(p.cityId)
          ? 1
          : p.kind === 'end_relation' && memberIds.has(p.cityId)
            ? -1
            : 0;
      if (delta === 0) return [];
      const after = members + delta;
      return [{ title: p.title, members: after, cycleYears: after * chain.intervalYears }];
    });
    return {
      members,
      intervalYears: chain.intervalYears,
      cycleYears: hostCycleYears(chain),
      ifApproved,
    };
  };

  const renderList = async (request: FastifyRequest, reply: FastifyReply) => {
    const [proposals, cities] = await Promise.all([listProposals(app.db), listCities(app.db)]);
    const cityNames = new Map(cities.map((c) => [c.id, localized(c, request.i18n.locale).name]));
    const open = proposals.filter((p) => p.status === 'draft' || p.status === 'sent');
    return renderPage(reply, ProposalsPage, {
      proposals,
      cityNames,
      chain: await chainOutlook(open),
    });
  };

  app.get('/workspace/proposals', { config: COORDINATOR }, async (request, reply) =>
    renderList(request, reply),
  );

  const renderNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values?: ProposalValues,
  ) => {
    const cities = (await listCities(app.db))
      .filter((c) => c.kind !== 'home')
      .map((c) => ({
        slug: c.slug,
        name: localized(c, request.i18n.locale).name,
        kind: c.kind,
        status: c.status,
      }));
    return renderPage(reply, NewProposalPage, { cities, values });
  };

  formPage(
    app,
    '/workspace/proposals/new',
    { config: COORDINATOR },
    {
      show: renderNew,
      form: (request) => ({
        values: readForm(request.body, proposalForm),
        submit: (values) => draftProposal(app.db, actorOf(request), proposalInput(values)),
        done: () => ({ to: '/workspace/proposals', flash: 'flash.proposalDrafted' }),
      }),
    },
  );

  /** Sending and withdrawing: a refusal (e.g. already decided) is shown above the list. */
  const transition =
    (change: typeof sendProposal, flash: 'flash.proposalSent' | 'flash.proposalWithdrawn') =>
    async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) =>
      submitForm(request, reply, {
        values: {},
        submit: () => change(app.db, actorOf(request), request.params.id),
        invalid: () => renderList(request, reply),
        done: () => ({ to: '/workspace/proposals', flash }),
        fieldOf: () => 'proposals',
      });

  /**
   * Sending and withdrawing ask first (decision 033): the buttons in the list lead here. A
   * proposal no longer a draft (sent or withdrawn in another tab) has nothing to confirm:
   * back to the list, which shows its status.
   */
  const confirmTransition =
    (step: 'send' | 'withdraw') =>
    async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const proposal = await getProposal(app.db, request.params.id);
      if (proposal.status !== 'draft') return reply.redirect('/workspace/proposals', 303);
      const city = (await listCities(app.db)).find((c) => c.id === proposal.cityId);
      return renderPage(reply, ConfirmProposalPage, {
        step,
        proposal,
        cityName: city ? localized(city, request.i18n.locale).name : '',
      });
    };

  app.get(
    '/workspace/proposals/:id/send',
    { config: COORDINATOR, schema: { params: idParams } },
    confirmTransition('send'),
  );

  app.get(
    '/workspace/proposals/:id/withdraw',
    { config: COORDINATOR, schema: { params: idParams } },
    confirmTransition('withdraw'),
  );

  app.post(
    '/workspace/proposals/:id/send',
    { config: COORDINATOR, schema: { params: idParams } },
    transition(sendProposal, 'flash.proposalSent'),
  );

  app.post(
    '/workspace/proposals/:id/withdraw',
    { config: COORDINATOR, schema: { params: idParams } },
    transition(withdrawProposal, 'flash.proposalWithdrawn'),
  );
};
