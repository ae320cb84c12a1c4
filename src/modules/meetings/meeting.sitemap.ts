import type { SitemapSource } from '../../platform/sitemap.ts';
import { getChain } from '../cities/index.ts';
import { listMeetings } from './meeting.service.ts';

/** The meetings list and every meeting of the chain. */
export const meetingsSitemap: SitemapSource = async (app) => {
  const chain = await getChain(app.db);
  const meetings = chain ? await listMeetings(app.db, chain) : [];
  return ['/meetings', ...meetings.map((m) => `/meetings/${m.id}`)];
};
