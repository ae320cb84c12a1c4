import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import { pageContext, redirectWithFlash, sendPage } from '../../platform/render.ts';
import { errors } from '../../shared/errors.ts';
import { currentYear } from '../../shared/dates.ts';
import type { FieldErrors } from '../../ui/form.tsx';
import { getChain, type Chain } from '../cities/city.service.ts';
import type { UploadedFile } from '../decisions/decision.pages.tsx';
import { problemErrors } from '../decisions/proposal.pages.tsx';
import { canAdjustRotation, canEditMeeting } from './meeting.policy.ts';
import { addDocument, changeDocument, type MeetingDocument } from './meeting-document.service.ts';
import {
  getMeeting,
  getMeetingDetail,
  listMeetings,
  removePart,
  scheduleMeeting,
  updateMeeting,
  type Editor,
  type MeetingDetail,
  type MeetingInput,
} from './meeting.service.ts';
import { closeAction, recordOutcome } from './outcome.service.ts';
import { addProgrammeItem, changeProgrammeItem } from './programme.service.ts';
import { adjustRotation, listAdjustments, rotationOverview } from './rotation.service.ts';
import { addSeminar, changeSeminar } from './seminar.service.ts';
import {
  MeetingFormPage,
  MeetingPartFormPage,
  WorkspaceMeetingPage,
  WorkspaceMeetingsPage,
  type PartSegment,
  type Values,
} from './views/workspace-meetings.tsx';

const MEETINGS = { permission: 'meetings' } as const;
const idParams = z.object({ id: z.string().max(100) });
const closeParams = z.object({ id: z.string().max(100), outcomeId: z.string().max(100) });

const str = (v: unknown, max = 6000) => (typeof v === 'string' ? v.slice(0, max) : '');

/** Picks the named text fields of a form body (anything else is ignored). */
function pick(body: unknown, names: readonly string[]): Values {
  const b = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(names.map((n) => [n, str(b[n])]));
}

const MEETING_FIELDS = [
  'year',
  'host',
  'startDate',
  'endDate',
  'venue',
  'theme',
  'status',
  'statusReason',
] as const;

/** Service problem paths to the page's field names, per form. */
const PROGRAMME_FIELDS = {
  day: 'itemDay',
  startsAt: 'itemStart',
  endsAt: 'itemEnd',
  kind: 'itemKind',
  title: 'itemTitle',
  location: 'itemLocation',
  description: 'itemTitle',
} as const;
const SEMINAR_FIELDS = {
  title: 'seminarTitle',
  topicArea: 'seminarTopic',
  speakers: 'seminarSpeakers',
  description: 'seminarDescription',
} as const;
const DOCUMENT_FIELDS = {
  kind: 'docKind',
  title: 'docTitle',
  visibility: 'docVisibility',
  file: 'docFile',
} as const;
/** The edit form of a programme item also shows its description. */
const EDIT_PROGRAMME_FIELDS = { ...PROGRAMME_FIELDS, description: 'itemDescription' } as const;
const EDIT_DOCUMENT_FIELDS = { kind: 'docKind', title: 'docTitle', visibility: 'docVisibility' };
const OUTCOME_FIELDS = {
  kind: 'outcomeKind',
  text: 'outcomeText',
  responsibleCity: 'outcomeCity',
  dueOn: 'outcomeDue',
} as const;

const mapper = (fields: Record<string, string>) => (path: string) => fields[path] ?? 'form';

/** A part of a meeting with its current values in the edit form's field names, or null. */
function partValues(
  detail: MeetingDetail,
  segment: PartSegment,
  partId: string,
): { title: string; values: Values; document?: MeetingDocument } | null {
  if (segment === 'programme') {
    const p = detail.programme.find((x) => x.id === partId);
    return p
      ? {
          title: p.title,
          values: {
            itemDay: p.day,
            itemStart: p.startsAt,
            itemEnd: p.endsAt,
            itemKind: p.kind,
            itemTitle: p.title,
            itemLocation: p.location ?? '',
            itemDescription: p.description ?? '',
          },
        }
      : null;
  }
  if (segment === 'seminars') {
    const s = detail.seminars.find((x) => x.id === partId);
    return s
      ? {
          title: s.title,
          values: {
            seminarTitle: s.title,
            seminarTopic: s.topicArea ?? '',
            seminarSpeakers: s.speakers ?? '',
            seminarDescription: s.description ?? '',
          },
        }
      : null;
  }
  const d = detail.documents.find((x) => x.id === partId);
  return d
    ? {
        title: d.title,
        values: { docKind: d.kind, docTitle: d.title, docVisibility: d.visibility },
        document: d,
      }
    : null;
}

/** The uploaded file of a multipart form, or undefined when none was chosen. */
function uploaded(body: unknown, name: string): UploadedFile | undefined {
  const file = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof file !== 'object' || file === null || !('data' in file)) return undefined;
  const upload = file as UploadedFile;
  if (upload.filename === '' && upload.data.length === 0) return undefined;
  return upload;
}

/** The workspace for meetings: coordinators (every meeting) and partner contacts (own city). */
export const meetingPages: FastifyPluginAsyncZod = async (app) => {
  const chainOrThrow = async (): Promise<Chain> => {
    const chain = await getChain(app.db);
    if (!chain) throw errors.chainNotFound();
    return chain;
  };
  const editorOf = (request: FastifyRequest): Editor => ({
    actor: actorOf(request),
    user: { roles: request.user?.roles ?? [] },
  });

  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    extra: { values?: Values; errors?: FieldErrors } = {},
  ) => {
    const chain = await chainOrThrow();
    const [meetings, overview, adjustments] = await Promise.all([
      listMeetings(app.db, chain),
      rotationOverview(app.db, chain, currentYear(), 1),
      listAdjustments(app.db, chain),
    ]);
    const user = request.user ?? null;
    return sendPage(
      reply,
      <WorkspaceMeetingsPage
        ctx={pageContext(request, reply)}
        meetings={meetings}
        overview={overview}
        members={chain.members.length}
        adjustments={adjustments}
        hosts={chain.members.map((m) => m.city)}
        canAdjust={canAdjustRotation(user)}
        editable={new Set(meetings.filter((m) => canEditMeeting(user, m.host.id)).map((m) => m.id))}
        values={extra.values}
        errors={extra.errors}
      />,
      status,
    );
  };

  app.get('/workspace/meetings', { config: MEETINGS }, async (request, reply) =>
    renderList(request, reply),
  );

  app.post(
    '/workspace/rotation',
    { config: { permission: 'coordinator' } },
    async (request, reply) => {
      const chain = await chainOrThrow();
      const values = pick(request.body, ['kind', 'year', 'city', 'otherCity', 'reason']);
      try {
        await adjustRotation(app.db, chain, editorOf(request), {
          kind: values.kind ?? '',
          year: values.year ?? '',
          city: values.city ?? '',
          otherCity: values.otherCity ?? '',
          reason: values.reason ?? '',
        });
      } catch (error) {
        const errors = problemErrors(request, error);
        if (errors) return renderList(request, reply, 400, { values, errors });
        throw error;
      }
      return redirectWithFlash(
        reply,
        '/workspace/meetings',
        request.i18n.t('flash.rotationAdjusted'),
      );
    },
  );

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    chain: Chain,
    meetingId: string | null,
    status = 200,
    extra: { values?: Values; errors?: FieldErrors } = {},
  ) => {
    const meeting = meetingId ? await getMeeting(app.db, chain, meetingId) : null;
    if (meeting && !canEditMeeting(request.user ?? null, meeting.host.id)) throw errors.forbidden();
    const values: Values =
      extra.values ??
      (meeting
        ? {
            year: String(meeting.year),
            host: meeting.host.slug,
            startDate: meeting.startDate ?? '',
            endDate: meeting.endDate ?? '',
            venue: meeting.venue ?? '',
            theme: meeting.theme ?? '',
            status: meeting.status,
            statusReason: meeting.statusReason ?? '',
          }
        : { status: 'planned' });
    return sendPage(
      reply,
      <MeetingFormPage
        ctx={pageContext(request, reply)}
        action={meeting ? `/workspace/meetings/${meeting.id}/edit` : '/workspace/meetings/new'}
        meeting={meeting}
        hosts={chain.members.map((m) => m.city)}
        values={values}
        errors={extra.errors}
      />,
      status,
    );
  };

  app.get('/workspace/meetings/new', { config: MEETINGS }, async (request, reply) =>
    renderForm(request, reply, await chainOrThrow(), null),
  );

  app.post('/workspace/meetings/new', { config: MEETINGS }, async (request, reply) => {
    const chain = await chainOrThrow();
    const values = pick(request.body, MEETING_FIELDS);
    let id: string;
    try {
      id = await scheduleMeeting(
        app.db,
        chain,
        editorOf(request),
        values as unknown as MeetingInput,
      );
    } catch (error) {
      const errors = problemErrors(request, error);
      if (errors) return renderForm(request, reply, chain, null, 400, { values, errors });
      throw error;
    }
    return redirectWithFlash(
      reply,
      `/workspace/meetings/${id}`,
      request.i18n.t('flash.meetingScheduled'),
    );
  });

  app.get(
    '/workspace/meetings/:id/edit',
    { config: MEETINGS, schema: { params: idParams } },
    async (request, reply) => renderForm(request, reply, await chainOrThrow(), request.params.id),
  );

  app.post(
    '/workspace/meetings/:id/edit',
    { config: MEETINGS, schema: { params: idParams } },
    async (request, reply) => {
      const chain = await chainOrThrow();
      const values = pick(request.body, MEETING_FIELDS);
      try {
        await updateMeeting(
          app.db,
          chain,
          editorOf(request),
          request.params.id,
          values as unknown as MeetingInput,
        );
      } catch (error) {
        const errors = problemErrors(request, error);
        if (errors)
          return renderForm(request, reply, chain, request.params.id, 400, { values, errors });
        throw error;
      }
      return redirectWithFlash(
        reply,
        `/workspace/meetings/${request.params.id}`,
        request.i18n.t('flash.meetingUpdated'),
      );
    },
  );

  const renderMeeting = async (
    request: FastifyRequest,
    reply: FastifyReply,
    chain: Chain,
    id: string,
    status = 200,
    extra: { values?: Values; errors?: FieldErrors } = {},
  ) => {
    const detail = await getMeetingDetail(app.db, chain, id);
    return sendPage(
      reply,
      <WorkspaceMeetingPage
        ctx={pageContext(request, reply)}
        detail={detail}
        canEdit={canEditMeeting(request.user ?? null, detail.meeting.host.id)}
        hosts={chain.members.map((m) => m.city)}
        values={extra.values}
        errors={extra.errors}
      />,
      status,
    );
  };

  app.get(
    '/workspace/meetings/:id',
    { config: MEETINGS, schema: { params: idParams } },
    async (request, reply) =>
      renderMeeting(request, reply, await chainOrThrow(), request.params.id),
  );

  /** A form on the meeting page: run the change, re-render the page with field errors or redirect. */
  const partForm =
    <P extends { id: string }>(
      fields: readonly string[],
      toField: (path: string) => string,
      flash: Parameters<FastifyRequest['i18n']['t']>[0],
      change: (
        chain: Chain,
        editor: Editor,
        params: P,
        values: Values,
        body: unknown,
      ) => Promise<unknown>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const params = request.params as P;
      const chain = await chainOrThrow();
      const values = pick(request.body, fields);
      try {
        await change(chain, editorOf(request), params, values, request.body);
      } catch (error) {
        const errors = problemErrors(request, error, toField);
        if (errors) return renderMeeting(request, reply, chain, params.id, 400, { values, errors });
        throw error;
      }
      return redirectWithFlash(reply, `/workspace/meetings/${params.id}`, request.i18n.t(flash));
    };

  app.post(
    '/workspace/meetings/:id/programme',
    { config: MEETINGS, schema: { params: idParams } },
    partForm(
      Object.values(PROGRAMME_FIELDS),
      mapper(PROGRAMME_FIELDS),
      'flash.programmeItemAdded',
      (chain, editor, params, v) =>
        addProgrammeItem(app.db, chain, editor, params.id, {
          day: v.itemDay ?? '',
          startsAt: v.itemStart ?? '',
          endsAt: v.itemEnd ?? '',
          kind: v.itemKind ?? '',
          title: v.itemTitle ?? '',
          location: v.itemLocation ?? '',
          description: '',
        }),
    ),
  );

  app.post(
    '/workspace/meetings/:id/seminars',
    { config: MEETINGS, schema: { params: idParams } },
    partForm(
      Object.values(SEMINAR_FIELDS),
      mapper(SEMINAR_FIELDS),
      'flash.seminarAdded',
      (chain, editor, params, v) =>
        addSeminar(app.db, chain, editor, params.id, {
          title: v.seminarTitle ?? '',
          topicArea: v.seminarTopic ?? '',
          speakers: v.seminarSpeakers ?? '',
          description: v.seminarDescription ?? '',
        }),
    ),
  );

  app.post(
    '/workspace/meetings/:id/documents',
    { config: { ...MEETINGS, uploads: true }, schema: { params: idParams } },
    partForm(
      ['docKind', 'docTitle', 'docVisibility'],
      mapper(DOCUMENT_FIELDS),
      'flash.documentAdded',
      (chain, editor, params, v, body) =>
        addDocument(app.db, chain, editor, params.id, {
          kind: v.docKind ?? '',
          title: v.docTitle ?? '',
          visibility: v.docVisibility ?? '',
          file: uploaded(body, 'docFile'),
        }),
    ),
  );

  app.post(
    '/workspace/meetings/:id/outcomes',
    { config: MEETINGS, schema: { params: idParams } },
    partForm(
      Object.values(OUTCOME_FIELDS),
      mapper(OUTCOME_FIELDS),
      'flash.outcomeRecorded',
      (chain, editor, params, v) =>
        recordOutcome(app.db, chain, editor, params.id, {
          kind: v.outcomeKind ?? '',
          text: v.outcomeText ?? '',
          responsibleCity: v.outcomeCity ?? '',
          dueOn: v.outcomeDue ?? '',
        }),
    ),
  );

  app.post(
    '/workspace/meetings/:id/outcomes/:outcomeId/close',
    { config: MEETINGS, schema: { params: closeParams } },
    async (request, reply) => {
      const field = `closingNote-${request.params.outcomeId}`;
      return partForm<{ id: string; outcomeId: string }>(
        [field],
        () => field,
        'flash.actionClosed',
        (chain, editor, params, v) =>
          closeAction(app.db, chain, editor, params.id, params.outcomeId, v[field] ?? ''),
      )(request, reply);
    },
  );

  const partParams = z.object({ id: z.string().max(100), partId: z.string().max(100) });

  /** The edit form of one part, prefilled with its current values or the user's. */
  const renderPartForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    chain: Chain,
    segment: PartSegment,
    params: { id: string; partId: string },
    status = 200,
    extra: { values?: Values; errors?: FieldErrors } = {},
  ) => {
    const detail = await getMeetingDetail(app.db, chain, params.id);
    if (!canEditMeeting(request.user ?? null, detail.meeting.host.id)) throw errors.forbidden();
    const part = partValues(detail, segment, params.partId);
    if (!part) throw errors.meetingPartNotFound(params.partId);
    return sendPage(
      reply,
      <MeetingPartFormPage
        ctx={pageContext(request, reply)}
        meeting={detail.meeting}
        segment={segment}
        partId={params.partId}
        partTitle={part.title}
        document={part.document}
        values={extra.values ?? part.values}
        errors={extra.errors}
      />,
      status,
    );
  };

  /** Corrects a part in place: redirect to the meeting, or the edit form again with field errors. */
  const partEdit = (
    segment: PartSegment,
    fields: Record<string, string>,
    change: (
      chain: Chain,
      editor: Editor,
      params: { id: string; partId: string },
      values: Values,
    ) => Promise<void>,
  ) => {
    const url = `/workspace/meetings/:id/${segment}/:partId/edit`;
    app.get(url, { config: MEETINGS, schema: { params: partParams } }, async (request, reply) =>
      renderPartForm(request, reply, await chainOrThrow(), segment, request.params),
    );
    app.post(url, { config: MEETINGS, schema: { params: partParams } }, async (request, reply) => {
      const chain = await chainOrThrow();
      const values = pick(request.body, Object.values(fields));
      try {
        await change(chain, editorOf(request), request.params, values);
      } catch (error) {
        const errors = problemErrors(request, error, mapper(fields));
        if (errors)
          return renderPartForm(request, reply, chain, segment, request.params, 400, {
            values,
            errors,
          });
        throw error;
      }
      return redirectWithFlash(
        reply,
        `/workspace/meetings/${request.params.id}`,
        request.i18n.t('flash.partUpdated'),
      );
    });
  };

  partEdit('programme', EDIT_PROGRAMME_FIELDS, (chain, editor, params, v) =>
    changeProgrammeItem(app.db, chain, editor, params.id, params.partId, {
      day: v.itemDay ?? '',
      startsAt: v.itemStart ?? '',
      endsAt: v.itemEnd ?? '',
      kind: v.itemKind ?? '',
      title: v.itemTitle ?? '',
      location: v.itemLocation ?? '',
      description: v.itemDescription ?? '',
    }),
  );
  partEdit('seminars', SEMINAR_FIELDS, (chain, editor, params, v) =>
    changeSeminar(app.db, chain, editor, params.id, params.partId, {
      title: v.seminarTitle ?? '',
      topicArea: v.seminarTopic ?? '',
      speakers: v.seminarSpeakers ?? '',
      description: v.seminarDescription ?? '',
    }),
  );
  partEdit('documents', EDIT_DOCUMENT_FIELDS, (chain, editor, params, v) =>
    changeDocument(app.db, chain, editor, params.id, params.partId, {
      kind: v.docKind ?? '',
      title: v.docTitle ?? '',
      visibility: v.docVisibility ?? '',
    }),
  );
  for (const [segment, kind] of [
    ['programme', 'programme'],
    ['seminars', 'seminar'],
    ['documents', 'document'],
  ] as const) {
    app.post(
      `/workspace/meetings/:id/${segment}/:partId/delete`,
      { config: MEETINGS, schema: { params: partParams } },
      async (request, reply) => {
        const chain = await chainOrThrow();
        const { id, partId } = request.params;
        await removePart(app.db, chain, editorOf(request), id, kind, partId);
        return redirectWithFlash(
          reply,
          `/workspace/meetings/${id}`,
          request.i18n.t('flash.partRemoved'),
        );
      },
    );
  }
};
