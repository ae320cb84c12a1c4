import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { createUser } from '../../src/modules/accounts/account.service.ts';
import {
  beginMfaEnrollment,
  confirmMfaEnrollment,
} from '../../src/modules/accounts/mfa.service.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service.ts';
import { draftProposal } from '../../src/modules/decisions/proposal.service.ts';
import { COORDINATOR, TROMSO_PROPOSAL } from '../helpers/decision-fixtures.ts';
import { TestAgent } from '../helpers/agent.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { signedIn } from '../helpers/sign-in.ts';

/**
 * Safe actions (decision 033): every removal and final step has a confirmation page at
 * `GET <the POST's address>` that names the item, says when it cannot be undone, posts the
 * step with CSRF and offers "Avbryt" back; it is refused to whoever may not take the step,
 * answers 404 for an item no longer there, and changes nothing until confirmed.
 */

const IRREVERSIBLE = 'Det går inte att ångra.';

/** The page is a confirmation of `path`: its form posts there, "Avbryt" leads to `cancel`. */
function expectConfirmation(
  res: LightMyRequestResponse,
  path: string,
  cancel: string,
  texts: readonly string[],
) {
  expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
  expect(res.body).toContain(`<form method="post" action="${path}"`);
  expect(res.body).toMatch(/name="_csrf" value="[^"]+"/);
  expect(res.body).toContain(`<a href="${cancel}" class="confirm-cancel">Avbryt</a>`);
  for (const text of texts) expect(res.body).toContain(text);
}

describeEachDialect('confirmation pages', (dialect) => {
  let t: TestApp;
  let meeting2027: string;
  const as = (email: string) => signedIn(t.app, email);
  const coordinator = () => as('samordnare@vanort.example');

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const row = await t.db.kysely
      .selectFrom('meeting')
      .select('id')
      .where('year', '=', 2027)
      .executeTakeFirstOrThrow();
    meeting2027 = row.id;
  });
  afterAll(() => t.close());

  describe('a meeting part', () => {
    const parts = [
      ['programme', 'meeting_programme_item', 'Ta bort programpunkten?'],
      ['seminars', 'meeting_seminar', 'Ta bort seminariet?'],
      ['documents', 'meeting_document', 'Ta bort dokumentet?'],
    ] as const;

    it.each(parts)(
      '%s: asks first, naming it; cancel changes nothing; confirm removes it',
      async (segment, table, question) => {
        const part = await t.db.kysely
          .selectFrom(table)
          .select(['id', 'title'])
          .where('meeting_id', '=', meeting2027)
          .orderBy('title')
          .executeTakeFirstOrThrow();
        // The part is listed, and removed, on its section's page (decision 035).
        const base = `/workspace/meetings/${meeting2027}/${segment}`;
        const path = `/workspace/meetings/${meeting2027}/${segment}/${part.id}/delete`;
        const agent = await coordinator();

        // The section page's button beside it is a link to the confirmation, not a form.
        const page = await agent.get(base);
        expect(page.body).toContain(`href="${path}"`);
        expect(page.body).not.toContain(`action="${path}"`);

        const res = await agent.get(path);
        expectConfirmation(res, path, base, [question, part.title, '2027', IRREVERSIBLE]);
        expect(res.body).toContain('<title>' + question);
        // Looking at it (or cancelling: the link is a plain GET of the meeting) removes nothing.
        expect((await agent.get(base)).statusCode).toBe(200);
        expect(
          await t.db.kysely.selectFrom(table).select('id').where('id', '=', part.id).execute(),
        ).toHaveLength(1);

        await agent.get(path);
        const done = await agent.post(path);
        expect(done.statusCode).toBe(303);
        expect(done.headers.location).toBe(base);
        expect(
          await t.db.kysely.selectFrom(table).select('id').where('id', '=', part.id).execute(),
        ).toHaveLength(0);
        // Gone (e.g. a second tab): 404, not a confirmation of nothing.
        expect((await agent.get(path)).statusCode).toBe(404);
      },
    );

    it('is refused like the removal to whoever may not remove it', async () => {
      const part = await t.db.kysely
        .selectFrom('meeting_programme_item')
        .select('id')
        .where('meeting_id', '=', meeting2027)
        .executeTakeFirstOrThrow();
      const path = `/workspace/meetings/${meeting2027}/programme/${part.id}/delete`;
      // Bergen's contact works on meetings, but not on the one Gothenburg hosts.
      const bergen = await as('bergen@vanort.example');
      expect((await bergen.get(path)).statusCode).toBe(403);
      expect((await bergen.post(path, {}, { csrf: null })).statusCode).toBe(403);
      const staff = await as('medarbetare@vanort.example');
      expect((await staff.get(path)).statusCode).toBe(403);
      const anonymous = await new TestAgent(t.app).get(path);
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toMatch(/^\/login/);
    });
  });

  it('removing a delegate asks first, naming the person, and is refused to other cities', async () => {
    const member = await t.db.kysely
      .selectFrom('delegation_member')
      .innerJoin('delegation', 'delegation.id', 'delegation_member.delegation_id')
      .innerJoin('city', 'city.id', 'delegation.city_id')
      .select(['delegation_member.id', 'delegation_member.name', 'delegation.meeting_id'])
      .where('city.slug', '=', 'goteborg')
      .orderBy('delegation_member.name')
      .executeTakeFirstOrThrow();
    const base = `/workspace/meetings/${member.meeting_id}/delegations/goteborg`;
    const path = `${base}/members/${member.id}/remove`;
    const presidium = await as('presidiet@vanort.example');
    const page = await presidium.get(base);
    expect(page.body).toContain(`href="${path}"`);
    expectConfirmation(await presidium.get(path), path, base, [
      'Ta bort deltagaren?',
      member.name,
      'Göteborg',
      IRREVERSIBLE,
    ]);
    // Bergen's contact manages Bergen's delegation only.
    expect((await (await as('bergen@vanort.example')).get(path)).statusCode).toBe(403);
    expect((await (await as('medarbetare@vanort.example')).get(path)).statusCode).toBe(403);

    await presidium.get(path);
    expect((await presidium.post(path)).statusCode).toBe(303);
    expect((await presidium.get(path)).statusCode).toBe(404);
  });

  it('closing an action asks first and takes the closing note there', async () => {
    const action = await t.db.kysely
      .selectFrom('meeting_outcome')
      .select(['id', 'text'])
      .where('kind', '=', 'action')
      .where('closed_on', 'is', null)
      .executeTakeFirstOrThrow();
    const base = `/workspace/meetings/${meeting2027}/outcomes`;
    const path = `${base}/${action.id}/close`;
    const agent = await coordinator();
    expect((await agent.get(base)).body).toContain(`href="${path}"`);
    expectConfirmation(await agent.get(path), path, base, [
      'Avsluta åtgärden?',
      action.text,
      IRREVERSIBLE,
      `name="closingNote-${action.id}"`,
    ]);
    // Without a note: the same confirmation page again, with the message at the field.
    const refused = await agent.post(path, { [`closingNote-${action.id}`]: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Avsluta åtgärden?');
    expect(refused.body).toContain(`href="#closingNote-${action.id}"`);
    const open = await t.db.kysely
      .selectFrom('meeting_outcome')
      .select('closed_on')
      .where('id', '=', action.id)
      .executeTakeFirstOrThrow();
    expect(open.closed_on).toBeNull();

    const done = await agent.post(path, { [`closingNote-${action.id}`]: 'Klart i maj.' });
    expect(done.statusCode).toBe(303);
    const closed = await t.db.kysely
      .selectFrom('meeting_outcome')
      .select(['closed_on', 'closing_note'])
      .where('id', '=', action.id)
      .executeTakeFirstOrThrow();
    expect(closed.closing_note).toBe('Klart i maj.');
    expect((await agent.get(path)).statusCode).toBe(404);
  });

  it('closing an inventory asks first, naming it and who has not answered', async () => {
    const campaign = await t.db.kysely
      .selectFrom('campaign')
      .select(['id', 'title'])
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const base = `/workspace/campaigns/${campaign.id}`;
    const path = `${base}/close`;
    const agent = await coordinator();
    expect((await agent.get(base)).body).toContain(`href="${path}"`);
    expectConfirmation(await agent.get(path), path, base, [
      'Avsluta inventeringen?',
      campaign.title,
      'har inte svarat',
      IRREVERSIBLE,
    ]);
    expect((await (await as('rapportor@vanort.example')).get(path)).statusCode).toBe(403);
    await agent.get(path);
    expect((await agent.post(path)).statusCode).toBe(303);
    const row = await t.db.kysely
      .selectFrom('campaign')
      .select('status')
      .where('id', '=', campaign.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('closed');
    // Closed already (another tab): nothing to confirm, back to the inventory.
    const again = await agent.get(path);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(base);
  });

  it('sending a proposal to the council asks first; withdrawing too', async () => {
    const proposal = await draftProposal(t.db, COORDINATOR, TROMSO_PROPOSAL);
    const send = `/workspace/proposals/${proposal.id}/send`;
    const withdraw = `/workspace/proposals/${proposal.id}/withdraw`;
    const agent = await coordinator();
    const list = await agent.get('/workspace/proposals');
    expect(list.body).toContain(`href="${send}"`);
    expect(list.body).toContain(`href="${withdraw}"`);
    expectConfirmation(await agent.get(send), send, '/workspace/proposals', [
      'Skicka förslaget för beslut?',
      TROMSO_PROPOSAL.title,
      'Tromsø',
      IRREVERSIBLE,
    ]);
    expectConfirmation(await agent.get(withdraw), withdraw, '/workspace/proposals', [
      'Återta förslaget?',
      TROMSO_PROPOSAL.title,
    ]);
    expect((await (await as('sekretariatet@vanort.example')).get(send)).statusCode).toBe(403);
    await agent.get(send);
    expect((await agent.post(send)).statusCode).toBe(303);
    const row = await t.db.kysely
      .selectFrom('proposal')
      .select('status')
      .where('id', '=', proposal.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    // No longer a draft: nothing to confirm.
    expect((await agent.get(withdraw)).headers.location).toBe('/workspace/proposals');
    expect((await agent.get('/workspace/proposals/no-such-id/send')).statusCode).toBe(404);
  });

  it('sending a newsletter issue asks first, with its subject and number of recipients', async () => {
    const issue = await t.db.kysely
      .selectFrom('newsletter_issue')
      .select('id')
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    const base = `/workspace/newsletter/${issue.id}`;
    const path = `${base}/send`;
    const agent = await coordinator();
    expect((await agent.get(base)).body).toContain(`href="${path}"`);
    expectConfirmation(await agent.get(path), path, base, [
      'Skicka utskicket nu?',
      'Vänortsnytt: exempelutskick',
      'inga prenumeranter',
      'name="follow"',
      IRREVERSIBLE,
    ]);
    expect((await (await as('medarbetare@vanort.example')).get(path)).statusCode).toBe(403);
  });

  it('revoking an API key, or all of them, asks first; another person’s key is not found', async () => {
    const agent = await as('medarbetare@vanort.example');
    await agent.get('/account/tokens');
    expect((await agent.post('/account/tokens', { name: 'Rapportskriptet' })).statusCode).toBe(200);
    const token = await t.db.kysely
      .selectFrom('api_token')
      .select('id')
      .where('name', '=', 'Rapportskriptet')
      .executeTakeFirstOrThrow();
    const path = `/account/tokens/${token.id}/revoke`;
    expect((await agent.get('/account/tokens')).body).toContain(`href="${path}"`);
    expectConfirmation(await agent.get(path), path, '/account/tokens', [
      'Återkalla API-nyckeln?',
      'Rapportskriptet',
      'aldrig använts',
      IRREVERSIBLE,
    ]);
    expectConfirmation(
      await agent.get('/account/tokens/revoke-all'),
      '/account/tokens/revoke-all',
      '/account/tokens',
      ['Återkalla din API-nyckel?', '<li>Rapportskriptet</li>'],
    );
    expect((await (await coordinator()).get(path)).statusCode).toBe(404);

    await agent.get(path);
    expect((await agent.post(path)).statusCode).toBe(303);
    const row = await t.db.kysely
      .selectFrom('api_token')
      .select('revoked_at')
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
    expect((await agent.get(path)).headers.location).toBe('/account/tokens');
    expect((await agent.get('/account/tokens/revoke-all')).headers.location).toBe(
      '/account/tokens',
    );
  });

  it('resetting a user’s two-step verification asks the administrator first', async () => {
    const user = await createUser(t.db, SYSTEM_ACTOR, {
      email: 'tvasteg.bekraftelse@vanort.example',
      name: 'Tora Tvåsteg',
      roles: [{ role: 'staff', organisationId: null, cityId: null }],
      password: 'tvasteg bekraftelse 2026',
    });
    await beginMfaEnrollment(t.db, SYSTEM_ACTOR, user.id);
    const { totp_secret } = await t.db.kysely
      .selectFrom('app_user')
      .select('totp_secret')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    const secret = Secret.fromBase32(totp_secret!);
    await confirmMfaEnrollment(t.db, SYSTEM_ACTOR, user.id, TOTP.generate({ secret }));

    const base = `/admin/users/${user.id}`;
    const path = `${base}/mfa-reset`;
    const admin = await as('admin@vanort.example');
    expect((await admin.get(base)).body).toContain(`href="${path}"`);
    expectConfirmation(await admin.get(path), path, base, [
      'Återställ tvåstegsverifieringen?',
      'Tora Tvåsteg (tvasteg.bekraftelse@vanort.example)',
      IRREVERSIBLE,
    ]);
    expect((await (await coordinator()).get(path)).statusCode).toBe(403);
    await admin.get(path);
    expect((await admin.post(path)).statusCode).toBe(303);
    const row = await t.db.kysely
      .selectFrom('app_user')
      .select('totp_enabled')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.totp_enabled).toBe(0);
    // Nothing left to reset: back to the user's page.
    expect((await admin.get(path)).headers.location).toBe(base);
    expect((await admin.get('/admin/users/no-such-id/mfa-reset')).statusCode).toBe(404);
  });
});
