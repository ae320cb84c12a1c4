import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { actorOf } from '../../platform/auth.ts';
import { readForm, submitForm } from '../../platform/forms.ts';
import type { PlainKey } from '../../platform/i18n/i18n.ts';
import { pageContext, sendPage } from '../../platform/render.ts';
import { errors } from '../../shared/errors.ts';
import { getChain, type Chain } from '../cities/index.ts';
import { canEditMeeting } from './meeting.policy.ts';
import {
  getMeetingDetail,
  removePart,
  type Editor,
  type MeetingDetail,
} from './meeting.service.ts';
import { RemovePartPage } from './views/meeting-confirm.tsx';
import type { Values } from './views/meeting-fields.tsx';
import {
  MeetingPartFormPage,
  SECTION_OF,
  sectionHref,
  WorkspaceMeetingPage,
  type MeetingSection,
  type PartPageProps,
  type PartSegment,
} from './views/meeting-page.tsx';
import { meetingsErrors } from './errors.ts';

/**
 * What the routes of the meeting workspace share: the chain, the editor, the meeting's
 * pages (an overview and a page per section, decision 035) that the forms re-render, and
 * the routes of a meeting's parts (programme items,
 * seminars, documents), which differ only in their fields and services.
 */

export const MEETINGS = { permission: 'meetings' } as const;
export const idParams = z.object({ id: z.string().max(100) });
const partParams = idParams.extend({ partId: z.string().max(100) });

export async function chainOrThrow(db: Db): Promise<Chain> {
  const chain = await getChain(db);
  if (!chain) throw meetingsErrors.chainNotFound();
  return chain;
}

export const editorOf = (request: FastifyRequest): Editor => ({
  actor: actorOf(request),
  user: { roles: request.user?.roles ?? [] },
});

/**
 * A service input's keys → the names of the page's fields (the forms of the meeting page
 * share one page, so their names differ: `itemTitle`, `seminarTitle`, `docTitle`).
 */
export type FieldNames<K extends string> = Readonly<Record<K, string>>;

/**
 * The page's fields, each read by the field of the service's schema it fills (its limit,
 * whether it is a text area), under the page's name; a field the schema lacks (a file) as
 * text. `readForm` reads the body by it.
 */
function pageFields(form: z.ZodObject, names: FieldNames<string>): z.ZodObject {
  const shape = form.shape as Record<string, z.ZodType>;
  return z.object(
    Object.fromEntries(
      Object.entries<string>(names).map(([key, name]) => [name, shape[key] ?? z.string()]),
    ),
  );
}

/** The form's values as sent, read by the page's fields (see `pageFields`). */
const readPage = (body: unknown, form: z.ZodObject, names: FieldNames<string>): Values =>
  readForm(body, pageFields(form, names));

/** The service input from the page's values. */
function inputOf<K extends string>(values: Values, names: FieldNames<K>): Record<K, string> {
  const input = {} as Record<K, string>;
  for (const key of Object.keys(names) as K[]) input[key] = values[names[key]] ?? '';
  return input;
}

/** A service problem's path → the page field it belongs to. */
const fieldOf =
  <K extends string>(names: FieldNames<K>) =>
  (path: string) =>
    (names as Record<string, string>)[path] ?? 'form';

/** A section of one meeting's workspace; after a failed form, with the user's values. */
export async function renderMeeting(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  chain: Chain,
  id: string,
  section: MeetingSection,
  values?: Values,
) {
  const detail = await getMeetingDetail(db, chain, id, request.user);
  return sendPage(
    reply,
    <WorkspaceMeetingPage
      ctx={pageContext(request, reply)}
      detail={detail}
      canEdit={canEditMeeting(request.user ?? null, detail.meeting.host.id)}
      hosts={chain.members.map((m) => m.city)}
      section={section}
      values={values}
    />,
  );
}

/** What a change made on the meeting page works on; `body` holds an upload's file. */
export interface MeetingChange {
  db: Db;
  chain: Chain;
  editor: Editor;
  meetingId: string;
  body: unknown;
}

export interface MeetingPageForm<K extends string> {
  /** The service's schema of the form (its fields' limits; the service validates with it). */
  form: z.ZodObject;
  names: FieldNames<K>;
  flash: PlainKey;
  /** The section the form is on: shown again with the problems, or after the change. */
  section: MeetingSection;
  submit: (change: MeetingChange, input: Record<K, string>) => Promise<unknown>;
}

const changeOf = (
  db: Db,
  request: FastifyRequest,
  chain: Chain,
  meetingId: string,
): MeetingChange => ({ db, chain, editor: editorOf(request), meetingId, body: request.body });

/** A form on a section's page: back to it with a flash message, or with the problems. */
export async function submitOnMeetingPage<K extends string>(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  meetingId: string,
  form: MeetingPageForm<K>,
) {
  const chain = await chainOrThrow(db);
  return submitForm(request, reply, {
    values: readPage(request.body, form.form, form.names),
    submit: (values) =>
      form.submit(changeOf(db, request, chain, meetingId), inputOf(values, form.names)),
    invalid: ({ values }) =>
      renderMeeting(db, request, reply, chain, meetingId, form.section, values),
    fieldOf: fieldOf(form.names),
    done: () => ({ to: sectionHref(meetingId, form.section), flash: form.flash }),
  });
}

type PartKind = Parameters<typeof removePart>[4];

/** A kind of part of a meeting: how it is added, corrected in place and removed. */
export interface PartSpec<A extends string, E extends string> {
  segment: PartSegment;
  kind: PartKind;
  /** The parts of this kind of a meeting; their fields are named as the edit input's keys. */
  parts: (detail: MeetingDetail) => readonly { id: string; title: string }[];
  add: Omit<MeetingPageForm<A>, 'section'> & { uploads?: boolean };
  edit: {
    form: z.ZodObject;
    names: FieldNames<E>;
    submit: (
      change: MeetingChange & { partId: string },
      input: Record<E, string>,
    ) => Promise<unknown>;
  };
}

/** The routes of one kind of part: add (on its section's page), edit (a page of its own), remove. */
export const meetingPartPages =
  <A extends string, E extends string>(spec: PartSpec<A, E>): FastifyPluginAsyncZod =>
  async (app) => {
    const base = `/workspace/meetings/:id/${spec.segment}`;
    const section = SECTION_OF[spec.segment];

    app.post(
      base,
      { config: { ...MEETINGS, uploads: spec.add.uploads ?? false }, schema: { params: idParams } },
      async (request, reply) =>
        submitOnMeetingPage(app.db, request, reply, request.params.id, { ...spec.add, section }),
    );

    /**
     * The part, for someone who may edit it (404 for a part no longer there), and what every
     * page about one part shows: the meeting, the part's section and the part.
     */
    const findPart = async (
      request: FastifyRequest,
      reply: FastifyReply,
      chain: Chain,
      params: { id: string; partId: string },
    ) => {
      const detail = await getMeetingDetail(app.db, chain, params.id, request.user);
      if (!canEditMeeting(request.user ?? null, detail.meeting.host.id)) throw errors.forbidden();
      const part = spec.parts(detail).find((p) => p.id === params.partId) as
        (Record<string, unknown> & { title: string }) | undefined;
      if (!part) throw meetingsErrors.meetingPartNotFound(params.partId);
      const page: PartPageProps = {
        ctx: pageContext(request, reply),
        meeting: detail.meeting,
        segment: spec.segment,
        partId: params.partId,
        partTitle: part.title,
      };
      return { page, part };
    };

    /** The edit form, with the part's saved values or the user's. */
    const renderPartForm = (
      reply: FastifyReply,
      { page, part }: Awaited<ReturnType<typeof findPart>>,
      values?: Values,
    ) => {
      const saved = Object.fromEntries(
        Object.entries<string>(spec.edit.names).map(([key, name]) => [
          name,
          typeof part[key] === 'string' ? part[key] : '',
        ]),
      );
      return sendPage(
        reply,
        <MeetingPartFormPage
          {...page}
          filename={typeof part.filename === 'string' ? part.filename : undefined}
          values={values ?? saved}
        />,
      );
    };

    app.get(
      `${base}/:partId/edit`,
      { config: MEETINGS, schema: { params: partParams } },
      async (request, reply) =>
        renderPartForm(
          reply,
          await findPart(request, reply, await chainOrThrow(app.db), request.params),
        ),
    );

    app.post(
      `${base}/:partId/edit`,
      { config: MEETINGS, schema: { params: partParams } },
      async (request, reply) => {
        const chain = await chainOrThrow(app.db);
        const { names } = spec.edit;
        return submitForm(request, reply, {
          values: readPage(request.body, spec.edit.form, names),
          submit: (values) =>
            spec.edit.submit(
              {
                ...changeOf(app.db, request, chain, request.params.id),
                partId: request.params.partId,
              },
              inputOf(values, names),
            ),
          invalid: async ({ values }) =>
            renderPartForm(reply, await findPart(request, reply, chain, request.params), values),
          fieldOf: fieldOf(names),
          done: () => ({
            to: sectionHref(request.params.id, section),
            flash: 'flash.partUpdated',
          }),
        });
      },
    );

    // Asks first (decision 033): the button beside the part leads here.
    app.get(
      `${base}/:partId/delete`,
      { config: MEETINGS, schema: { params: partParams } },
      async (request, reply) => {
        const { page } = await findPart(request, reply, await chainOrThrow(app.db), request.params);
        return sendPage(reply, <RemovePartPage {...page} />);
      },
    );

    app.post(
      `${base}/:partId/delete`,
      { config: MEETINGS, schema: { params: partParams } },
      async (request, reply) => {
        const chain = await chainOrThrow(app.db);
        const { id, partId } = request.params;
        return submitForm(request, reply, {
          values: {},
          submit: () => removePart(app.db, chain, editorOf(request), id, spec.kind, partId),
          invalid: () => renderMeeting(app.db, request, reply, chain, id, section),
          done: () => ({ to: sectionHref(id, section), flash: 'flash.partRemoved' }),
        });
      },
    );
  };
