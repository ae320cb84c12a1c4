import type { FastifyInstance } from 'fastify';
import { pageContext, sendPage } from '../../platform/render.ts';
import { relatedContent } from '../../platform/related-content.ts';
import { getChain, listCities } from '../cities/index.ts';
import { lastHeld, listMeetings, nextMeeting } from '../meetings/index.ts';
import { AccessibilityPage } from './views/accessibility-page.tsx';
import { HomePage } from './views/home-page.tsx';
import { PolicyPage } from './views/policy-page.tsx';

export async function infoPages(app: FastifyInstance): Promise<void> {
  app.get('/', { config: { permission: 'public', pageCache: true } }, async (request, reply) => {
    const cities = await listCities(app.db);
    const chain = await getChain(app.db, cities);
    const meetings = chain ? await listMeetings(app.db, chain) : [];
    const next = chain ? nextMeeting(chain, meetings) : null;
    const ctx = pageContext(request, reply);
    // What other modules add to the start page (the latest news), without importing them.
    const related = await relatedContent(app.db, { kind: 'home', id: '' }, ctx);
    return sendPage(
      reply,
      <HomePage
        ctx={ctx}
        cities={cities}
        next={next}
        last={lastHeld(meetings)}
        related={related}
      />,
    );
  });

  app.get(
    '/policy',
    { config: { permission: 'public', pageCache: true } },
    async (request, reply) => sendPage(reply, <PolicyPage ctx={pageContext(request, reply)} />),
  );

  app.get(
    '/accessibility',
    { config: { permission: 'public', pageCache: true } },
    async (request, reply) =>
      sendPage(
        reply,
        <AccessibilityPage
          ctx={pageContext(request, reply)}
          feedbackEmail={app.config.feedbackEmail}
        />,
      ),
  );
}
