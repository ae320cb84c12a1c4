import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useDemoDb } from '../../../test/helpers/test-app.ts';
import { jobContext } from '../../../test/helpers/jobs.ts';
import { loadConfig } from '../../config/config.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { runJob } from '../../platform/scheduler.ts';
import { nowIso } from '../../shared/dates.ts';
import { newId } from '../../shared/ids.ts';
import { delegationRetentionJob } from './retention.job.ts';
import { insertMeeting } from '../../../test/helpers/meeting-fixtures.ts';
import { rowsWhere, rowWhere } from '../../../test/helpers/rows.ts';

describeEachDialect('delegation retention job', (dialect) => {
  const demo = useDemoDb(dialect);
  const mailer = createMailer({ smtpUrl: undefined, from: 'vanortsportalen@goteborg.se' });
  const context = (now: Date, env: Record<string, string> = {}) =>
    jobContext({
      db: demo.db,
      mailer,
      now,
      publicUrl: 'http://127.0.0.1',
      config: loadConfig({ NODE_ENV: 'test', ...env }),
    });
  let ended: string;
  let noEnd: string;
  let future: string;

  /** A meeting with one delegation and two members with logistics. */
  async function meetingWith(year: number, start: string | null, end: string | null) {
    const id = await insertMeeting(demo.db.kysely, {
      year,
      host: 'turku',
      startDate: start,
      endDate: end,
      status: 'held',
    });
    const city = await rowWhere(demo.db, 'city', { slug: 'turku' }, ['id']);
    const now = nowIso();
    const delegationId = newId();
    await demo.db.kysely
      .insertInto('delegation')
      .values({
        id: delegationId,
        meeting_id: id,
        city_id: city.id,
        status: 'confirmed',
        presidium_decision_on: null,
        note: null,
        confirmed_by: null,
        confirmed_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const name of ['Aino Virtanen', 'Mikko Laine'])
      await demo.db.kysely
        .insertInto('delegation_member')
        .values({
          id: newId(),
          delegation_id: delegationId,
          position: 0,
          name,
          title: 'Kaupunginvaltuutettu',
          affiliation: 'SDP',
          dietary_needs: 'Gluteeniton',
          access_needs: 'Pyörätuoli',
          travel: 'Laiva',
          phone: '+358 40 123 4567',
          logistics_erased_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    return delegationId;
  }

  const logistics = (delegationId: string) =>
    demo.db.kysely
      .selectFrom('delegation_member')
      .select([
        'name',
        'affiliation',
        'dietary_needs',
        'access_needs',
        'travel',
        'phone',
        'logistics_erased_at',
      ])
      .where('delegation_id', '=', delegationId)
      .orderBy('name')
      .execute();

  beforeAll(async () => {
    ended = await meetingWith(2041, '2041-06-10', '2041-06-12');
    noEnd = await meetingWith(2043, '2043-06-10', null);
    future = await meetingWith(2045, '2045-06-10', '2045-06-12');
  });
  afterAll(() => mailer.close());

  it('does nothing within the retention period', async () => {
    // 90 days after 12 June 2041 is 10 September 2041: still kept that day.
    const result = await runJob(delegationRetentionJob, context(new Date('2041-09-10T20:00:00Z')));
    expect(result).toMatchObject({ ran: true, outcome: 'ok' });
    expect((await logistics(ended)).every((m) => m.phone !== null && !m.logistics_erased_at)).toBe(
      true,
    );
  });

  it('erases the logistics after the period, keeps the public fields, audits per delegation', async () => {
    const now = new Date('2041-09-11T01:00:00Z'); // 11 September in Gothenburg
    const result = await runJob(delegationRetentionJob, context(now));
    expect(result).toEqual({
      ran: true,
      outcome: 'ok',
      details: 'erased logistics of 2 members in 1 delegations (retention 90 days)',
    });
    expect(await logistics(ended)).toEqual(
      ['Aino Virtanen', 'Mikko Laine'].map((name) => ({
        name,
        affiliation: 'SDP',
        dietary_needs: null,
        access_needs: null,
        travel: null,
        phone: null,
        logistics_erased_at: now.toISOString(),
      })),
    );
    expect((await logistics(noEnd))[0]?.phone).toBe('+358 40 123 4567');
    const audit = await rowsWhere(
      demo.db,
      'audit_event',
      { action: 'logistics.erase', entity_id: ended },
      ['entity', 'entity_id', 'action', 'actor_label', 'changes'],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entity: 'delegation',
      entity_id: ended,
      actor_label: 'job:delegation-retention',
    });
    expect(JSON.parse(audit[0]!.changes)).toMatchObject({ logistics_erased: { after: 2 } });
    const runs = await demo.db.kysely.selectFrom('job_run').select(['job', 'outcome']).execute();
    expect(runs.filter((r) => r.job === 'delegation-retention')).toHaveLength(2);
  });

  it('uses the start date without an end date, and the configured period', async () => {
    // 10 days after 10 June 2043 with DELEGATION_RETENTION_DAYS=10.
    await runJob(
      delegationRetentionJob,
      context(new Date('2043-06-20T12:00:00Z'), { DELEGATION_RETENTION_DAYS: '10' }),
    );
    expect((await logistics(noEnd))[0]?.phone).toBe('+358 40 123 4567');
    const result = await runJob(
      delegationRetentionJob,
      context(new Date('2043-06-21T12:00:00Z'), { DELEGATION_RETENTION_DAYS: '10' }),
    );
    expect(result.ran && result.details).toContain(
      '2 members in 1 delegations (retention 10 days)',
    );
    expect((await logistics(noEnd)).every((m) => m.phone === null && m.logistics_erased_at)).toBe(
      true,
    );
    expect((await logistics(future))[0]?.phone).toBe('+358 40 123 4567');
    // Running again erases nothing more.
    const again = await runJob(
      delegationRetentionJob,
      context(new Date('2043-06-22T12:00:00Z'), { DELEGATION_RETENTION_DAYS: '10' }),
    );
    expect(again.ran && again.details).toContain('erased logistics of 0 members');
  });

  it('refuses a bad DELEGATION_RETENTION_DAYS at start', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', DELEGATION_RETENTION_DAYS: 'ninety' })).toThrow(
      /DELEGATION_RETENTION_DAYS: must be a whole number of days/,
    );
  });
});
