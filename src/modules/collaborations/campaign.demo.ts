import { insertWithNewId, type DemoContext } from '../../platform/demo.ts';
import { nowIso } from '../../shared/dates.ts';
import { stockholmToday } from './campaign.service.ts';

/** Days from the seeding day to the demo campaign's deadline. */
const DEADLINE_IN_DAYS = 21;

/**
 * One campaign in progress: the 2026 inventory, asked of every active organisation, with a
 * deadline three weeks after the day the demo is seeded; two organisations have answered.
 * Runs after the collaborations' demo data (if any), whose lists the answers confirm.
 */
export async function seedCampaignDemo(context: DemoContext): Promise<void> {
  const { trx, now, userIds } = context;
  const deadline = new Date(`${stockholmToday(new Date(now))}T12:00:00Z`);
  deadline.setUTCDate(deadline.getUTCDate() + DEADLINE_IN_DAYS);
  const coordinator = userIds.get('samordnare@vanort.example') ?? null;
  const id = await insertWithNewId(trx, 'campaign', {
    title: 'Inventering av vänortssamarbeten 2026',
    period_from: '2026-01-01',
    period_to: '2026-12-31',
    deadline: deadline.toISOString().slice(0, 10),
    message:
      'Stadsledningskontoret sammanställer stadens vänortssamarbeten inför nästa samlade avrapportering. Bekräfta er lista för 2026 eller meddela att ni inte haft någon vänortsaktivitet.',
    status: 'open',
    created_by: coordinator,
    created_at: now,
    closed_at: null,
    closed_by: null,
  });
  const organisations = await trx
    .selectFrom('organisation')
    .select(['id', 'slug'])
    .where('active', '=', 1)
    .execute();
  const answered = nowIso();
  const answers: Record<string, { answer: string; comment: string | null; by: string | null }> = {
    kulturforvaltningen: {
      answer: 'confirmed',
      comment: 'Listan stämmer. Litteraturutbytet med Bergen fortsätter 2027.',
      by: userIds.get('rapportor@vanort.example') ?? null,
    },
    liseberg: {
      answer: 'no_activity',
      comment: 'Inga vänortssamarbeten under 2026 (svar via e-post, registrerat av samordnaren).',
      by: coordinator,
    },
  };
  await trx
    .insertInto('campaign_organisation')
    .values(
      organisations.map((o) => {
        const a = answers[o.slug];
        return {
          campaign_id: id,
          organisation_id: o.id,
          answer: a?.answer ?? null,
          comment: a?.comment ?? null,
          answered_at: a ? answered : null,
          answered_by: a?.by ?? null,
          snapshot: null,
          reminded_at: null,
          overdue_reminded_at: null,
        };
      }),
    )
    .execute();
}
