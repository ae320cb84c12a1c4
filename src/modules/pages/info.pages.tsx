import type { FastifyInstance } from 'fastify';
import { renderPage } from '../../platform/render.ts';
import { renderWithRelated } from '../../platform/related-content.ts';
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
    // With what other modules add to the start page (the latest news), without importing them.
    return renderWithRelated(app.db, reply, { kind: 'home', id: '' }, HomePage, {
      cities,
      next,
      last: lastHeld(meetings),
    });
  });

  app.get(
    '/policy',
    { config: { permission: 'public', pageCache: true } },
    async (request, reply) => renderPage(reply, PolicyPage, {}),
  );

  app.get(
    '/accessibility',
    { config: { permission: 'public', pageCache: true } },
    async (request, reply) =>
      renderPage(reply, AccessibilityPage, { feedbackEmail: app.config.feedbackEmail }),
  );
}
