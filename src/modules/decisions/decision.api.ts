import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth.ts';
import { requestedLocale } from '../../platform/i18n/plugin.ts';
import { errors } from '../../shared/errors.ts';
import { apiRoutes } from '../../platform/api-route.ts';
import { listCities } from '../cities/index.ts';
import {
  apiError,
  presentDecision,
  presentDecisionDetail,
  presentProposal,
} from './decision.presenter.ts';
import {
  decisionDetailJson,
  decisionIdParams,
  decisionJson,
  decisionListJson,
  decisionListQuery,
  newDecisionBody,
  newProposalBody,
  proposalJson,
} from './decision.schema.ts';
import { listDecisions, recordDecision } from './decision.service.ts';
import { getDecisionDetail } from './history.service.ts';
import { draftProposal, sendProposal } from './proposal.service.ts';

/** Cursors are opaque to callers: the offset of the next slice, base64url-encoded. */
const encodeCursor = (offset: number) => Buffer.from(`o${offset}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const m = /^o(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (!m)
    throw errors.validation([{ path: 'cursor', message: 'cursor is not one this API gave out' }]);
  return Number(m[1]);
}

const WRITE_AUTH =
  'Send a personal API token of a user with the role as `Authorization: Bearer vpt_…`. ' +
  '401 without a token, 403 for another role.';

export const decisionApi: FastifyPluginAsyncZod = async (app) => {
  const route = apiRoutes(app, { tags: ['decisions'] });
  route.get(
    '/decisions',
    {
      permission: 'public',
      pageCache: true,
      operationId: 'listDecisions',
      summary: 'The register of council decisions on twin and partner cities, newest first',
      description:
        'Paginated with `limit` (1–200) and either `cursor` (the `nextCursor` of the previous ' +
        'slice) or `page` (1-based). Bad values are refused with 400 VALIDATION_FAILED.',
      query: decisionListQuery,
      response: decisionListJson,
    },
    async (request) => {
      const { limit, cursor, page } = request.query;
      if (cursor !== undefined && page !== undefined) {
        throw errors.validation([
          { path: 'cursor', message: 'give either cursor or page, not both' },
        ]);
      }
      const offset = cursor !== undefined ? decodeCursor(cursor) : ((page ?? 1) - 1) * limit;
      const { decisions, total } = await listDecisions(app.db.kysely, { limit, offset });
      const nextOffset = offset + decisions.length;
      const nextCursor =
        decisions.length > 0 && nextOffset < total ? encodeCursor(nextOffset) : null;
      const lang = requestedLocale(request);
      return {
        data: decisions.map(presentDecision),
        page: {
          limit,
          total,
          page: Math.floor(offset / limit) + 1,
          nextCursor,
          next: nextCursor
            ? `/api/v1/decisions?limit=${limit}&cursor=${nextCursor}${lang ? `&lang=${lang}` : ''}`
            : null,
        },
      };
    },
  );

  route.get(
    '/decisions/:id',
    {
      permission: 'public',
      pageCache: true,
      operationId: 'getDecision',
      summary: 'One council decision, with what it superseded or was superseded by',
      description: '404 DECISION_NOT_FOUND for an unknown id.',
      params: decisionIdParams,
      response: decisionDetailJson,
    },
    async (request) => presentDecisionDetail(await getDecisionDetail(app.db, request.params.id)),
  );

  route.post(
    '/proposals',
    {
      permission: 'coordinator',
      operationId: 'createProposal',
      summary: 'Draft a proposal to the council (coordinators)',
      description:
        `${WRITE_AUTH} The same rules as the form: a new city enters the register as ` +
        '`proposed`; a city has at most one open proposal; the proposal must fit the ' +
        "city's present state. With `send: true` it is sent to the council at once. " +
        'Problems are given field by field (400 VALIDATION_FAILED, `details.problems`).',
      body: newProposalBody,
      status: 201,
      response: proposalJson,
    },
    async (request, reply) => {
      const input = request.body;
      const actor = actorOf(request);
      try {
        let proposal = await draftProposal(app.db, actor, {
          kind: input.kind,
          citySlug: input.city,
          newCity: input.newCity,
          title: input.title,
          justification: input.justification,
        });
        if (input.send) proposal = await sendProposal(app.db, actor, proposal.id);
        const city = (await listCities(app.db)).find((c) => c.id === proposal.cityId);
        reply.status(201).header('cache-control', 'no-store');
        return presentProposal(proposal, city?.slug ?? '');
      } catch (error) {
        throw apiError(error);
      }
    },
  );

  route.post(
    '/decisions',
    {
      permission: 'council',
      operationId: 'recordDecision',
      summary: 'Record a council decision (council secretariat)',
      description:
        `${WRITE_AUTH} The same rules as the form, without an attached document (add one ` +
        'in the workspace). Approving a pending proposal changes the city’s status in the ' +
        'same transaction. Only KF may establish or end a twin city (policy P6): another ' +
        'body is refused with 400 VALIDATION_FAILED and the problem `body`. A decision ' +
        'is corrected only by a new one with `supersedesId`.',
      body: newDecisionBody,
      status: 201,
      response: decisionJson,
      errors: ['PROPOSAL_NOT_FOUND', 'DECISION_NOT_FOUND'],
    },
    async (request, reply) => {
      const input = request.body;
      try {
        const decision = await recordDecision(
          app.db,
          actorOf(request),
          {
            body: input.body,
            meetingDate: input.meetingDate,
            section: input.section,
            caseNumber: input.caseNumber,
            title: input.title,
            outcome: input.outcome,
            link: input.link,
            finalOn: input.finalOn,
            proposalId: input.proposalId,
            supersedesId: input.supersedesId,
          },
          app.config.caseNumberPatterns,
        );
        reply
          .status(201)
          .header('cache-control', 'no-store')
          .header('location', `/api/v1/decisions/${decision.id}`);
        return presentDecision(decision);
      } catch (error) {
        throw apiError(error);
      }
    },
  );
};
