import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachment } from '../../platform/downloads.ts';
import { renderWithRelated } from '../../platform/related-content.ts';
import { renderPage } from '../../platform/render.ts';
import { currentYear } from '../../shared/dates.ts';
import { getChain, localized, type Chain } from '../cities/index.ts';
import { meetingCalendar } from './meeting.calendar.ts';
import { documentParams, meetingIdParams } from './meeting.schema.ts';
import { getMeetingDocument, isPublicDocument } from './meeting-document.service.ts';
import { getMeetingDetail, listMeetings, type Meeting } from './meeting.service.ts';
import { rotationOverview } from './rotation.service.ts';
import { MeetingPage, MeetingsPage } from './views/public-meetings.tsx';
import type { FastifyRequest } from 'fastify';
import { meetingsErrors } from './errors.ts';

const PUBLIC = { permission: 'public', pageCache: true } as const;

const noChain = meetingsErrors.chainNotFound;

/** The public meeting pages: the timeline, one meeting, documents and iCalendar. */
export const meetingPublicPages: FastifyPluginAsyncZod = async (app) => {
  const chainOrThrow = async (): Promise<Chain> => {
    const chain = await getChain(app.db);
    if (!chain) throw noChain();
    return chain;
  };
  const publicUrl = (request: FastifyRequest) =>
    app.config.publicUrl ?? `${request.protocol}://${request.host}`;
  const calendarTexts = (request: FastifyRequest) => ({
    calendarName: request.i18n.t('meetings.title'),
    meetingTitle: (m: Meeting) =>
      request.i18n.t('meeting.title', {
        year: m.year,
        city: localized(m.host, request.i18n.locale).name,
      }),
  });

  app.get('/meetings', { config: PUBLIC }, async (request, reply) => {
    const chain = await chainOrThrow();
    const meetings = await listMeetings(app.db, chain);
    const first = meetings[0]?.year ?? currentYear();
    const overview = await rotationOverview(
      app.db,
      chain,
      first,
      meetings.length + 2 * Math.max(1, chain.members.length),
    );
    return renderPage(reply, MeetingsPage, { overview, meetings, members: chain.members.length });
  });

  app.get('/meetings.ics', { config: PUBLIC }, async (request, reply) => {
    const chain = await chainOrThrow();
    const meetings = await listMeetings(app.db, chain);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', attachment('vanortsmoten.ics', true))
      .header('cache-control', 'public, max-age=300')
      .send(
        meetingCalendar(meetings, calendarTexts(request), request.i18n.locale, publicUrl(request)),
      );
  });

  app.get(
    '/meetings/:id',
    { config: PUBLIC, schema: { params: meetingIdParams } },
    async (request, reply) => {
      const chain = await chainOrThrow();
      const detail = await getMeetingDetail(app.db, chain, request.params.id, request.user);
      const target = { kind: 'meeting', id: detail.meeting.id } as const;
      return renderWithRelated(app.db, reply, target, MeetingPage, { detail });
    },
  );

  app.get(
    '/meetings/:id/calendar.ics',
    { config: PUBLIC, schema: { params: meetingIdParams } },
    async (request, reply) => {
      const chain = await chainOrThrow();
      const detail = await getMeetingDetail(app.db, chain, request.params.id, null);
      if (!detail.meeting.startDate || detail.meeting.status === 'cancelled')
        throw meetingsErrors.meetingWithoutDates(detail.meeting.id);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', attachment(`vanortsmote-${detail.meeting.year}.ics`))
        .header('cache-control', 'public, max-age=300')
        .send(
          meetingCalendar(
            [detail.meeting],
            calendarTexts(request),
            request.i18n.locale,
            publicUrl(request),
            detail.programme,
          ),
        );
    },
  );

  // Public documents for everyone; internal ones for those who work with the meeting
  // (decision 016; not cached).
  app.get(
    '/meetings/:id/documents/:docId',
    { config: { permission: 'public' }, schema: { params: documentParams } },
    async (request, reply) => {
      const doc = await getMeetingDocument(
        app.db,
        request.params.id,
        request.params.docId,
        request.user,
      );
      return reply
        .type(doc.content_type)
        .header('content-disposition', attachment(doc.filename))
        .header('content-length', String(doc.data.length))
        .header(
          'cache-control',
          isPublicDocument(doc) ? 'public, max-age=300' : 'private, no-store',
        )
        .send(Buffer.from(doc.data));
    },
  );
};
