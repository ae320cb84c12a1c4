import type { DemoContext } from '../../platform/demo.ts';
import { newId } from '../../shared/ids.ts';
import { insertIssue, replaceIssueTexts } from './newsletter.repository.ts';

/** One draft issue to try the editor with; no subscribers (their addresses are personal data). */
export async function seedNewsletterDemo(ctx: DemoContext): Promise<void> {
  const id = newId();
  await insertIssue(ctx.trx, {
    id,
    status: 'draft',
    topics: '',
    digest_since: null,
    created_by: null,
    sent_by: null,
    created_at: ctx.now,
    updated_at: ctx.now,
    send_started_at: null,
    sent_at: null,
  });
  await replaceIssueTexts(ctx.trx, id, [
    {
      issue_id: id,
      lang: 'sv',
      subject: 'Vänortsnytt: exempelutskick',
      body: 'Det här är ett exempel på ett utskick.\n\nNytt från vänorterna\n- Kulturutbyte med Bergen\n- Klimatnätverket med Åbo och Aarhus',
    },
    {
      issue_id: id,
      lang: 'en',
      subject: 'Twin-city news: an example issue',
      body: 'This is an example of an issue.\n\nNews from the twin cities\n- Cultural exchange with Bergen\n- The climate network with Turku and Aarhus',
    },
  ]);
}
