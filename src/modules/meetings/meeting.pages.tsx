import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readForm, readVersion, submitForm } from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
import { currentYear } from '../../shared/dates.ts';
import { errors, isAppError } from '../../shared/errors.ts';
import type { Chain } from '../cities/index.ts';
import {
  chainOrThrow,
  editorOf,
  idParams,
  MEETINGS,
  renderMeeting,
} from './meeting.page-helpers.tsx';
import { canAdjustRotation, canEditMeeting } from './meeting.policy.ts';
import { adjustmentForm, meetingForm } from './meeting.schema.ts';
import { getMeeting, listMeetings, scheduleMeeting, updateMeeting } from './meeting.service.ts';
import { adjustRotation, listAdjustments, rotationOverview } from './rotation.service.ts';
import type { Values } from './views/meeting-fields.tsx';
import { MEETING_SECTIONS } from './views/meeting-page.tsx';
import { MeetingFormPage, WorkspaceMeetingsPage } from './views/workspace-meetings.tsx';

/**
 * The workspace for meetings: coordinators (every meeting) and partner contacts (own city).
 * The list with the rotation, a meeting's form and its page; the forms on the meeting page
 * are in the plugins of programme items, seminars, documents and outcomes.
 */
export const meetingPages: FastifyPluginAsyncZod = async (app) => {
  const renderList = async (request: FastifyRequest, reply: FastifyReply, values?: Values) => {
    const chain = await chainOrThrow(app.db);
    const [meetings, overview, adjustments] = await Promise.all([
      listMeetings(app.db, chain),
      rotationOverview(app.db, chain, currentYear(), 1),
      listAdjustments(app.db, chain),
    ]);
    const user = request.user ?? null;
    return renderPage(reply, WorkspaceMeetingsPage, {
      meetings,
      overview,
      members: chain.members.length,
      adjustments,
      hosts: chain.members.map((m) => m.city),
      canAdjust: canAdjustRotation(user),
      editable: new Set(meetings.filter((m) => canEditMeeting(user, m.host.id)).map((m) => m.id)),
      values,
    });
  };

  app.get('/workspace/meetings', { config: MEETINGS }, async (request, reply) =>
    renderList(request, reply),
  );

  app.post(
    '/workspace/rotation',
    { config: { permission: 'coordinator' } },
    async (request, reply) => {
      const chain = await chainOrThrow(app.db);
      return submitForm(request, reply, {
        values: readForm(request.body, adjustmentForm),
        submit: (values) => adjustRotation(app.db, chain, editorOf(request), values),
        invalid: ({ values }) => renderList(request, reply, values),
        done: () => ({ to: '/workspace/meetings', flash: 'flash.rotationAdjusted' }),
      });
    },
  );

  /** The form of a new meeting (null) or of one to change, with its values or the user's. */
  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    chain: Chain,
    meetingId: string | null,
    values?: Values,
    /** After a refused save: the version the form sent (or, on a conflict, the saved one). */
    sent?: { version: string | undefined; conflict: boolean },
  ) => {
    const meeting = meetingId ? await getMeeting(app.db, chain, meetingId) : null;
    const user = request.user ?? null;
    if (meeting && !canEditMeeting(user, meeting.host.id)) throw errors.forbidden();
    // The hosts the user may choose: every member for a coordinator, their own city for a
    // partner contact (issue 19: the Bergen contact's new meeting is hosted by Bergen).
    const hosts = chain.members.map((m) => m.city).filter((c) => canEditMeeting(user, c.id));
    const saved: Values = meeting
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
      : { status: 'planned', ...(hosts.length === 1 ? { host: hosts[0]!.slug } : {}) };
    return renderPage(reply, MeetingFormPage, {
      action: meeting ? `/workspace/meetings/${meeting.id}/edit` : '/workspace/meetings/new',
      meeting,
      hosts,
      values: values ?? saved,
      version: meeting && (!sent || sent.conflict) ? meeting.updatedAt : sent?.version,
      conflict:
        meeting && sent?.conflict ? { savedAt: meeting.updatedAt, values: saved } : undefined,
    });
  };

  app.get('/workspace/meetings/new', { config: MEETINGS }, async (request, reply) =>
    renderForm(request, reply, await chainOrThrow(app.db), null),
  );

  app.post('/workspace/meetings/new', { config: MEETINGS }, async (request, reply) => {
    const chain = await chainOrThrow(app.db);
    return submitForm(request, reply, {
      values: readForm(request.body, meetingForm),
      submit: (values) => scheduleMeeting(app.db, chain, editorOf(request), values),
      invalid: ({ values }) => renderForm(request, reply, chain, null, values),
      done: (id) => ({ to: `/workspace/meetings/${id}`, flash: 'flash.meetingScheduled' }),
    });
  });

  app.get(
    '/workspace/meetings/:id/edit',
    { config: MEETINGS, schema: { params: idParams } },
    async (request, reply) =>
      renderForm(request, reply, await chainOrThrow(app.db), request.params.id),
  );

  app.post(
    '/workspace/meetings/:id/edit',
    { config: MEETINGS, schema: { params: idParams } },
    async (request, reply) => {
      const chain = await chainOrThrow(app.db);
      const { id } = request.params;
      const version = readVersion(request.body);
      return submitForm(request, reply, {
        values: readForm(request.body, meetingForm),
        submit: (values) => updateMeeting(app.db, chain, editorOf(request), id, values, version),
        invalid: ({ values, error }) =>
          renderForm(request, reply, chain, id, values, {
            version,
            conflict: isAppError(error, 'EDIT_CONFLICT'),
          }),
        done: () => ({ to: `/workspace/meetings/${id}`, flash: 'flash.meetingUpdated' }),
      });
    },
  );

  // The meeting's overview at its own address, and a page for each section (decision 035).
  for (const section of MEETING_SECTIONS)
    app.get(
      section === 'overview' ? '/workspace/meetings/:id' : `/workspace/meetings/:id/${section}`,
      { config: MEETINGS, schema: { params: idParams } },
      async (request, reply) =>
        renderMeeting(
          app.db,
          request,
          reply,
          await chainOrThrow(app.db),
          request.params.id,
          section,
        ),
    );
};
