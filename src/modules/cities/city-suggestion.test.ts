import { beforeAll, expect, it } from 'vitest';
import { formOf, postCityForm } from '../../../test/helpers/city-fixtures.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import {
  expectPage,
  expectRedirect,
  expectRefused,
  oddPostFailures,
} from '../../../test/helpers/forms.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { getCity } from './city.service.ts';
import { DEMO_EMAIL, useSignedIn } from '../../../test/helpers/sign-in.ts';
import { rowsWhere } from '../../../test/helpers/rows.ts';

/**
 * The partner contact keeps their own city's facts (issue 19, point 6; decision 036): what
 * they save is a suggestion a coordinator approves (then published) or returns. With the
 * page cache on, so the public page is shown from the cache until the approval.
 */
describeEachDialect('the partner contact’s own city, reviewed by a coordinator', (dialect) => {
  const t = useTestApp(dialect, { env: { PAGE_CACHE_TTL_MS: '60000' } });
  const [bergen, coordinator] = useSignedIn(t, DEMO_EMAIL.bergen, DEMO_EMAIL.coordinator);
  beforeAll(() => {
    bergen.locale = 'nb';
  });

  const anonymous = (url: string) => t.app.inject({ url });
  const suggestion = () => t.db.kysely.selectFrom('city_suggestion').selectAll().executeTakeFirst();
  const audit = (action: string) =>
    rowsWhere(t.db, 'audit_event', { action }, ['actor_label', 'changes']);

  it('opens their own city in their language, with only what is theirs to keep', async () => {
    const res = await bergen.get('/workspace/cities/bergen');
    expectPage(res, 200, [
      '<h1>Opplysninger om Bergen</h1>',
      'gjennomgår endringene før de blir publisert',
    ]);
    // The texts in Norwegian, Swedish and English; not the other languages, not the
    // country, coordinates, kind or status; no link to the coordinators' list.
    for (const field of ['name_nb', 'description_nb', 'name_sv', 'description_en', 'region'])
      expect(res.body).toContain(`name="${field}"`);
    for (const field of ['name_da', 'description_fi', 'countryCode', 'latitude', 'status'])
      expect(res.body).not.toContain(`name="${field}"`);
    expect(res.body).not.toContain('href="/nb/workspace/cities"');
    expect(res.body).toContain('Send til gjennomgang');
  });

  it('refuses another city, the list and the review, as 403, changing nothing', async () => {
    const before = await getCity(t.db, 'aarhus');
    expect((await bergen.get('/workspace/cities/aarhus')).statusCode).toBe(403);
    await bergen.get('/workspace/cities/bergen');
    const post = await bergen.post('/workspace/cities/aarhus', {
      name_sv: 'Århus',
      description_sv: 'Kapret',
    });
    expect(post.statusCode).toBe(403);
    expect(await getCity(t.db, 'aarhus')).toEqual(before);
    expect(await suggestion()).toBeUndefined();
    expect((await bergen.get('/workspace/cities')).statusCode).toBe(403);
    expect((await bergen.get('/workspace/cities/bergen/suggestion')).statusCode).toBe(403);
    await bergen.get('/workspace/cities/bergen');
    expect((await bergen.post('/workspace/cities/bergen/suggestion/approve')).statusCode).toBe(403);
  });

  it('refuses bad values at the field, keeps what was typed and saves nothing', async () => {
    const res = await postCityForm(bergen, 'bergen', {
      population: 'mange',
      contactEmail: 'ikke en adresse',
    });
    expectRefused(res, [
      '<a href="#population">',
      '<a href="#contactEmail">',
      'value="ikke en adresse"',
    ]);
    expect(await suggestion()).toBeUndefined();
  });

  it('sends a change for review: the public page and the city stay as they were', async () => {
    const before = await getCity(t.db, 'bergen');
    await anonymous('/nb/cities/bergen');
    expect((await anonymous('/nb/cities/bergen')).headers['x-cache']).toBe('hit');

    const res = await postCityForm(bergen, 'bergen', {
      description_nb: 'Byen mellom de syv fjell, med Bryggen på UNESCOs verdensarvliste.',
      population: '291 940',
      contactEmail: 'internasjonalt@bergen.kommune.no',
      // A crafted post cannot reach what is not the partner's.
      countryCode: 'SE',
      latitude: '10',
      longitude: '10',
      name_da: 'Bjørgvin',
      status: 'ended',
    });
    expectRedirect(res, '/nb/workspace/cities/bergen');
    expect(await getCity(t.db, 'bergen')).toEqual(before);
    const row = await suggestion();
    expect(row?.status).toBe('pending');
    expect(Object.keys(JSON.parse(row!.changes) as object).sort()).toEqual([
      'contactEmail',
      'description_nb',
      'population',
    ]);
    const [event] = await audit('facts.suggest');
    expect(event?.actor_label).toBe('bergen@vanort.example');

    // The suggestion touches no public table: the cached public page is still served.
    const page = await anonymous('/nb/cities/bergen');
    expect(page.headers['x-cache']).toBe('hit');
    expect(page.body).not.toContain('UNESCOs verdensarvliste');

    // Their form shows the suggestion and its state; their start page says where it stands.
    const form = await bergen.get('/workspace/cities/bergen');
    expectPage(form, 200, [
      'Takk! Forslaget deres om Bergen er sendt til gjennomgang',
      'venter på gjennomgang',
      'UNESCOs verdensarvliste',
    ]);
    const home = await bergen.get('/workspace');
    expectPage(home, 200, [
      'Byens opplysninger (Bergen): forslaget venter på gjennomgang',
      'href="/nb/workspace/cities/bergen"',
    ]);
  });

  it('shows the coordinator what waits, and returns it with a comment (required)', async () => {
    const home = await coordinator.get('/workspace');
    expectPage(home, 200, [
      'Granska ändrade ortfakta från Bergen',
      'href="/workspace/cities/bergen/suggestion"',
    ]);
    const form = await coordinator.get('/workspace/cities/bergen');
    expectPage(form, 200, ['Kontaktpersonen hos vänorten föreslog ändringar']);

    const review = await coordinator.get('/workspace/cities/bergen/suggestion');
    expectPage(review, 200, [
      'Skickat av bergen@vanort.example',
      'UNESCOs verdensarvliste',
      'internasjonalt@bergen.kommune.no',
      'Beskrivning på norskt bokmål',
    ]);
    expect(review.body).not.toContain('Beskrivning på danska');

    const empty = await coordinator.post('/workspace/cities/bergen/suggestion/return', {
      comment: '  ',
    });
    expectRefused(empty, ['Skriv en kommentar om vad som behöver ändras']);
    expect((await suggestion())?.status).toBe('pending');

    await coordinator.get('/workspace/cities/bergen/suggestion');
    const returned = await coordinator.post('/workspace/cities/bergen/suggestion/return', {
      comment: 'Skriv gärna folkmängden per 1 januari 2026.',
    });
    expect(returned.statusCode).toBe(303);
    expect((await suggestion())?.status).toBe('returned');
    expect(await audit('facts.suggestion.return')).toHaveLength(1);
    // Nothing waits any more: the review is gone.
    expect((await coordinator.get('/workspace/cities/bergen/suggestion')).statusCode).toBe(404);

    const back = await bergen.get('/workspace/cities/bergen');
    expect(back.body).toContain('Stadsledningskontoret sendte forslaget deres tilbake');
    expect(back.body).toContain('Skriv gärna folkmängden per 1 januari 2026.');
    expect((await bergen.get('/workspace')).body).toContain(
      'Byens opplysninger (Bergen): forslaget er sendt tilbake, se kommentaren',
    );
  });

  it('approves a sent-again suggestion over the version it read; the public page follows', async () => {
    const fields = await formOf(bergen, 'bergen');
    expect(fields.description_nb).toContain('UNESCOs verdensarvliste');
    const sent = await bergen.post('/workspace/cities/bergen', {
      ...fields,
      population: '291 189',
    });
    expect(sent.statusCode).toBe(303);
    expect((await suggestion())?.status).toBe('pending');

    // The coordinator opens the review; the partner changes the suggestion meanwhile.
    const review = await coordinator.get('/workspace/cities/bergen/suggestion');
    const version = /name="version" value="([^"]+)"/.exec(review.body)?.[1];
    expect(version).toBeTruthy();
    await new Promise((r) => setTimeout(r, 5));
    const again = await postCityForm(bergen, 'bergen', {
      region: 'Vestland fylke',
    });
    expect(again.statusCode).toBe(303);
    const stale = await coordinator.post('/workspace/cities/bergen/suggestion/approve', {
      version: version!,
    });
    expect(stale.statusCode).toBe(409);
    // The review shown again carries the newer suggestion, with its region.
    expect(stale.body).toContain('Vestland fylke');
    expect((await getCity(t.db, 'bergen')).population).not.toBe(291189);

    await anonymous('/nb/cities/bergen');
    expect((await anonymous('/nb/cities/bergen')).headers['x-cache']).toBe('hit');
    const approved = await coordinator.post('/workspace/cities/bergen/suggestion/approve', {
      version: /name="version" value="([^"]+)"/.exec(stale.body)![1]!,
    });
    expectRedirect(approved, '/workspace/cities/bergen');
    const city = await getCity(t.db, 'bergen');
    expect(city.population).toBe(291189);
    expect(city.region).toBe('Vestland fylke');
    expect(city.texts.nb?.description).toContain('UNESCOs verdensarvliste');
    expect(city.contact?.email).toBe('internasjonalt@bergen.kommune.no');
    expect(city.countryCode).toBe('NO');
    expect((await suggestion())?.status).toBe('approved');
    const [update] = await audit('facts.update');
    expect(update?.actor_label).toBe('samordnare@vanort.example');
    expect(await audit('facts.suggestion.approve')).toHaveLength(1);

    // The public page is rendered anew at the new generation, in Norwegian.
    const page = await anonymous('/nb/cities/bergen');
    expect(page.headers['x-cache']).not.toBe('hit');
    expect(page.body).toContain('UNESCOs verdensarvliste');
    expect(page.body).toContain('href="mailto:internasjonalt@bergen.kommune.no"');
    expect((await bergen.get('/workspace')).body).toContain(
      'Byens opplysninger (Bergen): forslaget er godkjent og publisert',
    );
    expect((await coordinator.get('/workspace')).body).not.toContain('Granska ändrade ortfakta');
  });

  it('withdraws an open suggestion when the form is sent back as published', async () => {
    const fields = await formOf(bergen, 'bergen');
    await bergen.post('/workspace/cities/bergen', { ...fields, region: 'Hordaland' });
    expect((await suggestion())?.status).toBe('pending');
    const withdrawn = await postCityForm(bergen, 'bergen', {
      region: 'Vestland fylke',
    });
    expect(withdrawn.statusCode).toBe(303);
    expect(await suggestion()).toBeUndefined();
    expect(await audit('facts.suggestion.withdraw')).toHaveLength(1);
    const unchanged = await postCityForm(bergen, 'bergen');
    expect(unchanged.statusCode).toBe(303);
    expect((await bergen.get('/workspace/cities/bergen')).body).toContain('Ingenting ble sendt');
  });

  it('lets the coordinator save directly, refusing a save over a newer version', async () => {
    const fields = await formOf(coordinator, 'bergen');
    await coordinator.post('/workspace/cities/bergen', { ...fields, population: '291 200' });
    const stale = await coordinator.submit('/workspace/cities/bergen', {
      ...fields,
      population: '1',
    });
    expectPage(stale, 409, ['291200']);
    expect((await getCity(t.db, 'bergen')).population).toBe(291200);
  });

  it('answers odd bodies on every form of it with a clear 4xx, never a 5xx', async () => {
    const bodies: Record<string, string | string[]>[] = [
      {},
      { population: ['1', '2'], region: ['a', 'b'] },
      { description_nb: 'x'.repeat(5000), comment: 'y'.repeat(5000) },
      { contactName: 'a\u0000b', comment: 'c\u0000d' },
      { version: 'not-a-version', name_sv: '' },
      { comment: ['a', 'b'], version: ['1', '2'] },
    ];
    const outcomes: string[] = [];
    for (const [agent, who] of [
      [bergen, 'bergen'],
      [coordinator, 'coordinator'],
    ] as const) {
      const failures = await oddPostFailures(
        agent,
        '/workspace/cities/bergen',
        [
          '/workspace/cities/bergen',
          '/workspace/cities/bergen/suggestion/approve',
          '/workspace/cities/bergen/suggestion/return',
        ],
        bodies,
      );
      outcomes.push(...failures.map((failure) => `${who} ${failure}`));
    }
    expect(outcomes).toEqual([]);
  });
});
