import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachment } from '../../platform/downloads.ts';
import { COUNCIL, idParams } from '../../platform/route-options.ts';
import { actorOf } from '../../platform/auth.ts';
import {
  inputProblems,
  readForm,
  rerender,
  submitForm,
  translateProblem,
} from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
import { uploadedFile } from '../../platform/uploads.ts';
import { errors } from '../../shared/errors.ts';
import { pageInfo, pageRequest } from '../../shared/pagination.ts';
import type { FieldErrors } from '../../ui/fields.tsx';
import { listCities, localized } from '../cities/index.ts';
import type { CityKind } from '../cities/index.ts';
import {
  decisionProblems,
  getDecision,
  getPublicDecision,
  getDocument,
  listDecisions,
  recordDecision,
  requiredBodies,
  type CouncilDecision,
  type DecisionInput,
} from './decision.service.ts';
import { decisionForm } from './decision.schema.ts';
import { listProposals, type Proposal } from './proposal.service.ts';
import { DecisionsPage, NewDecisionPage, type DecisionValues } from './views/decisions-page.tsx';
import { decisionsErrors } from './errors.ts';

/** A query parameter as given ('' when missing or repeated); an unknown id is a 404. */
const queryId = (v: unknown) => (typeof v === 'string' ? v : '');

/** Where a service problem is shown: its field, or the proposal/decision box at the top. */
const fieldOf = (path: string) =>
  ['proposalId', 'supersedesId', 'status', ''].includes(path) ? 'context' : path;

/** The council secretariat's workspace: recording decisions; and decision documents. */
export const decisionPages: FastifyPluginAsyncZod = async (app) => {
  const cityNames = async (request: FastifyRequest) =>
    new Map((await listCities(app.db)).map((c) => [c.id, localized(c, request.i18n.locale).name]));

  app.get('/workspace/decisions', { config: COUNCIL }, async (request, reply) => {
    const page = pageRequest((request.query as { page?: unknown }).page, 25);
    const [pending, names, { decisions, total }] = await Promise.all([
      listProposals(app.db, ['sent']),
      cityNames(request),
      listDecisions(app.db.kysely, page, { withSecret: true }),
    ]);
    const superseded = new Set(decisions.flatMap((d) => (d.supersedesId ? [d.supersedesId] : [])));
    return renderPage(reply, DecisionsPage, {
      pending,
      cityNames: names,
      decisions,
      superseded,
      info: pageInfo(page, total, decisions.length),
    });
  });

  /** What the form is about: a pending proposal, a decision to correct, or neither. */
  const formTarget = async (request: FastifyRequest) => {
    const q = (request.query ?? {}) as Record<string, unknown>;
    const proposalId = queryId(q.proposal) || undefined;
    const supersedesId = proposalId ? undefined : queryId(q.supersedes) || undefined;
    let proposal: Proposal | null = null;
    let corrects: CouncilDecision | null = null;
    let cityKind: CityKind | null = null;
    let cityName = '';
    if (proposalId) {
      proposal = (await listProposals(app.db)).find((p) => p.id === proposalId) ?? null;
      if (!proposal) throw decisionsErrors.proposalNotFound(proposalId);
      const city = (await listCities(app.db)).find((c) => c.id === proposal!.cityId);
      cityKind = city?.kind ?? null;
      cityName = city ? localized(city, request.i18n.locale).name : '';
    }
    if (supersedesId) corrects = await getDecision(app.db.kysely, supersedesId);
    const action =
      '/workspace/decisions/new' +
      (proposalId
        ? `?proposal=${encodeURIComponent(proposalId)}`
        : supersedesId
          ? `?supersedes=${encodeURIComponent(supersedesId)}`
          : '');
    return { proposalId, supersedesId, proposal, corrects, cityKind, cityName, action };
  };

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    target: Awaited<ReturnType<typeof formTarget>>,
    submitted?: DecisionValues,
  ) => {
    const { t } = request.i18n;
    const { proposal, corrects, cityKind } = target;
    const values: DecisionValues | undefined =
      submitted ??
      (corrects
        ? {
            body: corrects.body,
            meetingDate: corrects.meetingDate,
            section: corrects.section ? `§ ${corrects.section}` : '',
            caseNumber: corrects.caseNumber ?? '',
            title: corrects.title,
            outcome: corrects.outcome,
            link: corrects.link ?? '',
            finalOn: corrects.finalOn ?? '',
          }
        : proposal
          ? { ...readForm({}, decisionForm), title: proposal.title }
          : undefined);
    return renderPage(reply, NewDecisionPage, {
      action: target.action,
      proposal: proposal
        ? {
            title: proposal.title,
            city: target.cityName,
            kind: t(`workspace.proposals.kind.${proposal.kind}`),
            justification: proposal.justification,
          }
        : null,
      corrects,
      kfOnly:
        proposal !== null &&
        cityKind !== null &&
        !requiredBodies(proposal.kind, cityKind).includes('KS'),
      values,
    });
  };

  app.get('/workspace/decisions/new', { config: COUNCIL }, async (request, reply) =>
    renderForm(request, reply, await formTarget(request)),
  );

  app.post(
    '/workspace/decisions/new',
    { config: { ...COUNCIL, uploads: true } },
    async (request, reply) => {
      const target = await formTarget(request);
      const values = readForm(request.body, decisionForm);
      const upload = uploadedFile(request.body, 'document');
      const input: DecisionInput = {
        ...values,
        proposalId: target.proposalId,
        supersedesId: target.supersedesId,
        document: upload
          ? { filename: upload.filename, contentType: upload.mimetype, data: upload.data }
          : undefined,
      };
      const patterns = app.config.caseNumberPatterns;
      if (upload?.truncated) {
        // Cut off at the upload limit: refuse it with the other problems, store nothing.
        const errors: FieldErrors = { document: request.i18n.t('decision.documentTooLarge') };
        for (const p of inputProblems(values))
          errors[p.path] ??= translateProblem(request.i18n, p.message, p.params);
        for (const p of decisionProblems({ ...input, document: undefined }, patterns))
          errors[fieldOf(p.path)] ??= translateProblem(request.i18n, p.message);
        return rerender(request, reply, errors, () => renderForm(request, reply, target, values));
      }
      return submitForm(request, reply, {
        values,
        submit: () => recordDecision(app.db, actorOf(request), input, patterns),
        invalid: () => renderForm(request, reply, target, values),
        done: () => ({ to: '/workspace/decisions', flash: 'flash.decisionRecorded' }),
        fieldOf,
      });
    },
  );

  // A decision's document, for everyone: council decisions are public records.
  app.get(
    '/decisions/:id/document',
    { config: { permission: 'public' }, schema: { params: idParams } },
    async (request, reply) => {
      const decision = await getPublicDecision(app.db.kysely, request.params.id);
      if (!decision.documentId) {
        throw errors.documentNotFound(decision.id, 'The decision has no document');
      }
      const document = await getDocument(app.db.kysely, decision.documentId);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(document.filename))
        .header('content-length', String(document.data.length))
        .header('cache-control', 'public, max-age=300')
        .send(Buffer.from(document.data));
    },
  );
};
