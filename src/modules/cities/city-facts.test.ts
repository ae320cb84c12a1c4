import { beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectRedirect, expectRefused } from '../../../test/helpers/forms.ts';
import { type UsedTestApp, useTestApp } from '../../../test/helpers/test-app.ts';
import { formOf, postCityForm } from '../../../test/helpers/city-fixtures.ts';
import { getCity } from './city.service.ts';
import { DEMO_EMAIL, signedIn, useSignedIn } from '../../../test/helpers/sign-in.ts';
import { rowsWhere } from '../../../test/helpers/rows.ts';

const auditFor = (t: UsedTestApp, cityId: string) =>
  rowsWhere(t.db, 'audit_event', { entity: 'city', entity_id: cityId, action: 'facts.update' }, [
    'action',
    'changes',
    'actor_label',
  ]);

describeEachDialect('city facts edited by coordinators', (dialect) => {
  const t = useTestApp(dialect);
  const [coordinator] = useSignedIn(t, DEMO_EMAIL.coordinator);

  beforeEach(async () => {
    await coordinator.get('/workspace/cities');
  });

  it('lists every city with a link to its form, and says status is not edited here', async () => {
    const res = await coordinator.get('/workspace/cities');
    expect(res.statusCode).toBe(200);
    for (const slug of ['goteborg', 'bergen', 'aarhus', 'turku', 'nelson-mandela-bay'])
      expect(res.body).toContain(`href="/workspace/cities/${slug}"`);
    const form = await coordinator.get('/workspace/cities/bergen');
    expect(form.body).toContain('Status och slag ändras bara genom ett beslut');
    expect(form.body).not.toMatch(/name="(status|kind)"/);
  });

  it('saves names, descriptions and facts, shows them publicly and audits every change', async () => {
    const before = await getCity(t.db, 'bergen');
    const res = await postCityForm(coordinator, 'bergen', {
      name_fi: 'Bergen (Björgvin)',
      description_nb: 'Byen mellom de syv fjell.',
      population: '291 940',
      website: 'https://www.bergen.kommune.no/internasjonalt',
      region: 'Vestland fylke',
      contactName: 'Internasjonalt kontor',
      contactEmail: 'internasjonal@bergen.kommune.no',
      // A crafted post cannot change what only a decision changes.
      status: 'ended',
      kind: 'partner',
    });
    expectRedirect(res, '/cities/bergen');
    const after = await getCity(t.db, 'bergen');
    expect(after.status).toBe(before.status);
    expect(after.kind).toBe(before.kind);
    expect(after.population).toBe(291940);
    expect(after.region).toBe('Vestland fylke');
    expect(after.texts.nb).toEqual({ name: 'Bergen', description: 'Byen mellom de syv fjell.' });
    expect(after.contact).toEqual({
      name: 'Internasjonalt kontor',
      email: 'internasjonal@bergen.kommune.no',
    });
    const page = await coordinator.get('/cities/bergen');
    expect(page.body).toContain('Uppgifterna om Bergen är sparade.');
    expect(page.body).toContain('291');
    expect(page.body).toContain('href="mailto:internasjonal@bergen.kommune.no"');
    expect(page.body).toContain('<dd lang="nb">Bergen</dd>');

    const events = await auditFor(t, after.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.actor_label).toBe('samordnare@vanort.example');
    const changes = JSON.parse(events[0]!.changes) as Record<string, unknown>;
    expect(Object.keys(changes).sort()).toEqual(
      [
        'contact_email',
        'contact_name',
        'description_nb',
        'name_fi',
        'population',
        'region',
        'website',
      ].sort(),
    );
    expect(changes.population).toEqual({ before: before.population, after: 291940 });

    // Saving the same values again changes nothing and audits nothing.
    const again = await postCityForm(coordinator, 'bergen');
    expect(again.statusCode).toBe(303);
    expect(await auditFor(t, after.id)).toHaveLength(1);
  });

  it('refuses bad values field by field, keeps what was typed and changes nothing', async () => {
    const before = await getCity(t.db, 'turku');
    const fields = await formOf(coordinator, 'turku');
    const res = await coordinator.post('/workspace/cities/turku', {
      ...fields,
      name_sv: '  ',
      name_en: 'x'.repeat(120) + '  ', // the service trims: 120 characters fit
      description_da: 'En beskrivelse uden navn',
      name_da: '',
      countryCode: 'Finland',
      latitude: '91',
      longitude: 'öster',
      population: 'många',
      website: 'javascript:alert(1)',
      contactEmail: 'inte en adress',
    });
    expect(res.statusCode).toBe(400);
    const html = res.body;
    for (const [field, message] of [
      ['name_sv', 'Ange ortens namn på svenska'],
      ['name_da', 'Ange namnet på det här språket när du skriver en beskrivning'],
      ['countryCode', 'Ange landskoden med två bokstäver'],
      ['latitude', 'Ange latituden i decimalgrader'],
      ['longitude', 'Ange longituden i decimalgrader'],
      ['population', 'Ange folkmängden som ett heltal'],
      ['website', 'Ange webbplatsens hela adress'],
      ['contactEmail', 'Ange en e-postadress i rätt format'],
    ] as const) {
      expect(html, field).toContain(`<a href="#${field}">${message}`);
    }
    expect(html).not.toContain('href="#name_en"');
    expect(html).toContain('value="Finland"');
    expect(html).toContain('En beskrivelse uden navn');
    // A longer name is refused by the form reader, saying how long it may be.
    const long = await coordinator.submit('/workspace/cities/turku', {
      ...fields,
      name_en: 'x'.repeat(121),
    });
    expectRefused(long, ['<a href="#name_en">Skriv högst 120 tecken. Du skrev 121.']);
    expect(await getCity(t.db, 'turku')).toEqual(before);
    expect(await auditFor(t, before.id)).toHaveLength(0);
  });

  it('answers in English and requires both coordinates', async () => {
    const fields = await formOf(coordinator, 'aarhus');
    await coordinator.get('/workspace/cities/aarhus?lang=en');
    const res = await coordinator.post('/workspace/cities/aarhus', {
      ...fields,
      latitude: '56,1567',
      longitude: '',
    });
    expectRefused(res, ['Enter both latitude and longitude, or neither']);
    await coordinator.get('/workspace/cities?lang=sv');
  });

  it('answers 404 for an unknown city and 403 for other roles, changing nothing', async () => {
    expect((await coordinator.get('/workspace/cities/atlantis')).statusCode).toBe(404);
    const staff = await signedIn(t.app, DEMO_EMAIL.staff);
    expect((await staff.get('/workspace/cities/bergen')).statusCode).toBe(403);
    const council = await signedIn(t.app, DEMO_EMAIL.council);
    const before = await getCity(t.db, 'bergen');
    const res = await council.post('/workspace/cities/bergen', { name_sv: 'Björgvin' });
    expect(res.statusCode).toBe(403);
    expect(await getCity(t.db, 'bergen')).toEqual(before);
  });
});
