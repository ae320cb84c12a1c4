import type { FastifyReply, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TestAgent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { errors } from '../shared/errors.ts';
import { isPlainDate } from '../shared/dates.ts';
import {
  Button,
  CheckboxGroup,
  DateField,
  Form,
  RadioGroup,
  TextArea,
  TextField,
} from '../ui/fields.tsx';
import { Layout } from '../ui/layout.tsx';
import { multiline, parseOrThrow } from '../shared/validation.ts';
import { inputProblems, readForm, submitForm } from './forms.ts';
import { pageContext, sendPage } from './render.ts';

/** A form with one field of each kind; messages are catalogue keys, as in the modules. */
const testForm = z.object({
  name: z.string().trim().min(1, { error: 'delegation.error.nameRequired' }),
  note: multiline(z.string().max(20, { error: 'delegation.error.tooLong200' })),
  day: z.string().refine(isPlainDate, { error: 'form.dateFormat' }),
  areas: z.array(z.string()).min(1, { error: 'delegation.error.nameRequired' }),
  kind: z.enum(['a', 'b'], { error: 'delegation.error.nameRequired' }),
});
type Values = ReturnType<typeof readForm<typeof testForm>>;

describe('the form home (submitForm, readForm and the field components)', () => {
  let t: TestApp;
  const saved: z.output<typeof testForm>[] = [];
  beforeAll(async () => {
    t = await buildTestApp('sqlite', {
      demo: false,
      extend: (app) => {
        const page = (
          request: FastifyRequest,
          reply: FastifyReply,
          values: Partial<Values> = {},
        ) => {
          const ctx = pageContext(request, reply, { withCsrf: true });
          return sendPage(
            reply,
            <Layout ctx={ctx} title="Test">
              <h1>Test</h1>
              <Form ctx={ctx} action="/test-form" values={values}>
                <TextField name="name" label="Namn" />
                <TextArea name="note" label="Anteckning" optional />
                <DateField name="day" label="Dag" />
                <CheckboxGroup
                  name="areas"
                  legend="Områden"
                  hint="Välj minst ett"
                  options={[
                    { value: 'x', label: 'X' },
                    { value: 'y', label: 'Y' },
                  ]}
                />
                <RadioGroup
                  name="kind"
                  legend="Slag"
                  options={[
                    { value: 'a', label: 'A' },
                    { value: 'b', label: 'B' },
                  ]}
                />
                <Button>Spara</Button>
              </Form>
            </Layout>,
          );
        };
        app.get('/test-form', { config: { permission: 'public' } }, async (request, reply) =>
          page(request, reply),
        );
        app.post('/test-form', { config: { permission: 'public' } }, async (request, reply) =>
          submitForm(request, reply, {
            values: readForm(request.body, testForm),
            submit: async (values) => {
              if (values.name === 'forbidden') throw errors.forbidden();
              saved.push(parseOrThrow(testForm, values));
            },
            invalid: ({ values }) => page(request, reply, values),
            done: () => ({ to: '/test-form', flash: 'delegation.flash.added' }),
          }),
        );
        // A success without a flash message, and one answered on the response itself.
        app.post('/test-form/quiet', { config: { permission: 'public' } }, async (request, reply) =>
          submitForm(request, reply, {
            values: {},
            submit: async () => 'ok',
            invalid: () => page(request, reply),
            done: () => ({ to: '/test-form' }),
          }),
        );
        app.post('/test-form/show', { config: { permission: 'public' } }, async (request, reply) =>
          submitForm(request, reply, {
            values: readForm(request.body, testForm),
            submit: async (values) => parseOrThrow(testForm, values).name,
            invalid: ({ values, error }) => {
              reply.header('x-error-code', error.code);
              return page(request, reply, values);
            },
            show: (name) => reply.type('text/plain').send(`shown once: ${name}`),
          }),
        );
      },
    });
  });
  afterAll(() => t.close());

  const good = { name: 'Anna', note: 'kort', day: '2027-06-14', areas: ['x', 'y'], kind: 'a' };

  it('renders each field with its label, hint and error ids, the optional mark and the date format', async () => {
    const res = await t.app.inject({ url: '/test-form' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<label for="note">Anteckning (valfritt)</label>');
    expect(res.body).toMatch(/<p class="hint" id="day-hint">Skriv datumet som ÅÅÅÅ-MM-DD/);
    expect(res.body).toMatch(/<input class="input input-short" id="day" name="day" type="text"/);
    expect(res.body).not.toContain('type="date"');
    // The first option of a group carries the group's name: the error link's target.
    expect(res.body).toMatch(/<input type="checkbox" id="areas" name="areas" value="x"/);
    expect(res.body).toMatch(/<input type="radio" id="kind" name="kind" value="a"/);
    expect(res.body).toContain('<fieldset class="field" aria-describedby="areas-hint">');
    expect(res.body).toContain('novalidate');
    expect(res.body).not.toContain('error-summary');
  });

  it('re-renders a bad submission with 400, a focused summary, "Fel: " in the title and the input kept; nothing is saved', async () => {
    const agent = new TestAgent(t.app);
    await agent.get('/test-form');
    const res = await agent.post('/test-form', { name: ' ', note: 'x'.repeat(30), day: '14/6' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<title>Fel: Test – Vänortsportalen</title>');
    expect(res.body).toMatch(/<div class="error-summary" role="alert"[^>]*autofocus/);
    for (const field of ['name', 'note', 'day', 'areas', 'kind']) {
      expect(res.body).toContain(`<a href="#${field}">`);
      // Every link lands on a control with that id (an input, textarea or the first option).
      expect(res.body).toMatch(new RegExp(`<(input|textarea)[^>]* id="${field}"`));
    }
    expect(res.body).toContain('value="14/6"');
    expect(res.body).toContain(`>${'x'.repeat(30)}</textarea>`);
    // The group's error sits inside its fieldset and describes it.
    expect(res.body).toMatch(
      /<fieldset class="field field-error" aria-describedby="areas-hint areas-error"><legend>Områden<\/legend><p class="hint" id="areas-hint">Välj minst ett<\/p><p class="error-message" id="areas-error">/,
    );
    expect(saved).toHaveLength(0);
    // Exactly one summary and one autofocus on the page.
    expect(res.body.match(/autofocus/g)).toHaveLength(1);
  });

  it('says "Error: " in English', async () => {
    const agent = new TestAgent(t.app);
    await agent.get('/test-form?lang=en');
    const res = await agent.post('/test-form', {});
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<title>Error: Test – Vänortsportalen</title>');
    expect(res.body).toContain('There is a problem');
  });

  it('on success redirects with 303 and a flash message for the next page', async () => {
    const agent = new TestAgent(t.app);
    await agent.get('/test-form');
    const res = await agent.post('/test-form', good);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/test-form');
    expect(saved).toEqual([{ ...good }]);
    const next = await agent.get('/test-form');
    expect(next.body).toContain('<div class="flash" role="status">');
  });

  it('redirects without a flash message when there is none, or answers on the response itself', async () => {
    const agent = new TestAgent(t.app);
    await agent.get('/test-form');
    const quiet = await agent.post('/test-form/quiet', {});
    expect(quiet.statusCode).toBe(303);
    expect(quiet.cookies.find((c) => c.name === 'flash')).toBeUndefined();
    const shown = await agent.post('/test-form/show', good);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toBe('shown once: Anna');
    const bad = await agent.post('/test-form/show', { ...good, name: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['x-error-code']).toBe('VALIDATION_FAILED');
    expect(bad.body).toContain('<a href="#name">');
  });

  it('lets other errors through to the error handler', async () => {
    const agent = new TestAgent(t.app);
    await agent.get('/test-form');
    const res = await agent.post('/test-form', { ...good, name: 'forbidden' });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('error-summary');
  });

  it('readForm reads strings and lists by the schema and never throws', () => {
    expect(readForm({ name: 'a', areas: 'x', kind: 3 }, testForm)).toEqual({
      name: 'a',
      note: '',
      day: '',
      areas: ['x'],
      kind: '',
    });
    expect(readForm(null, testForm).areas).toEqual([]);
    expect(inputProblems(readForm({ name: 'Anna', areas: ['x', 'y'] }, testForm))).toEqual([]);
  });

  it('readForm changes nothing silently: a repeated field, an over-long value and a control character are problems', () => {
    const form = z.object({
      name: z.string(),
      note: multiline(z.string().max(20)),
      title: z.string().trim().max(20),
      areas: z.array(z.string()).max(2),
    });
    const repeated = readForm({ name: ['a', 'b'], areas: ['x', 'y'] }, form);
    expect(repeated.name).toBe('a');
    expect(repeated.areas).toEqual(['x', 'y']); // a checkbox group is a list
    expect(inputProblems(repeated)).toEqual([{ path: 'name', message: 'form.repeated' }]);

    // The field's own max, or the reader's cap for a field without one; never cut.
    const long = readForm({ name: 'n'.repeat(30), note: 'x'.repeat(50) }, form, 25);
    expect(long.note).toHaveLength(50);
    expect(inputProblems(long)).toEqual([
      { path: 'name', message: 'form.tooLong', params: { max: 25, length: 30 } },
      { path: 'note', message: 'form.tooLong', params: { max: 20, length: 50 } },
    ]);
    // Trimming counts as in the service: 20 characters inside spaces fit.
    expect(inputProblems(readForm({ title: ` ${'x'.repeat(20)} ` }, form))).toEqual([]);
    // Too many choices.
    expect(inputProblems(readForm({ areas: ['a', 'b', 'c'] }, form))).toEqual([
      { path: 'areas', message: 'form.tooManyChoices', params: { max: 2 } },
    ]);

    // A control character is shown as U+FFFD; a text area keeps line breaks and tabs only.
    const control = readForm(
      { name: 'An\u0000na', note: 'rad 1\r\n\trad 2', title: 'a\tb', areas: ['x\u001b'] },
      form,
    );
    expect(control.name).toBe('An\ufffdna');
    expect(control.note).toBe('rad 1\r\n\trad 2');
    expect(inputProblems(control).map((p) => [p.path, p.message])).toEqual([
      ['name', 'form.controlCharacter'],
      ['title', 'form.controlCharacter'],
      ['areas', 'form.controlCharacter'],
    ]);
    expect(inputProblems(readForm({ note: 'a\u0007b\u007f' }, form))).toEqual([
      { path: 'note', message: 'form.controlCharacter' },
    ]);
  });

  it('readForm adds the schema’s other problems when it refuses the input, in the order of the fields', () => {
    const read = readForm({ ...good, name: '', day: ['2027-06-14', '2027-06-15'] }, testForm);
    expect(inputProblems(read)).toEqual([
      { path: 'name', message: 'delegation.error.nameRequired' },
      { path: 'day', message: 'form.repeated' },
    ]);
  });

  it('refuses what readForm found before the service runs: 400 on the same page, each message at its field, the rest kept', async () => {
    const agent = new TestAgent(t.app);
    await agent.get('/test-form?lang=en');
    const before = saved.length;
    const res = await agent.post('/test-form', {
      ...good,
      name: ['Anna', 'Bertil'],
      note: 'x'.repeat(100_000),
      day: '2027-06-14\u0000',
    });
    expect(res.statusCode).toBe(400);
    expect(saved).toHaveLength(before);
    expect(res.body).toContain('<title>Error: Test – Vänortsportalen</title>');
    expect(res.body).toContain('<a href="#name">This field was sent more than once.');
    expect(res.body).toContain('<a href="#note">Enter at most 20 characters. You entered 100,000.');
    expect(res.body).toContain('<a href="#day">The text contains a control character');
    expect(res.body).toMatch(
      /<p class="error-message" id="note-error">.*Enter at most 20 characters/,
    );
    // The rest of the input kept: the other values, the long text as sent, � for the NUL.
    expect(res.body).toContain('value="Anna"');
    expect(res.body).toContain(`>${'x'.repeat(100_000)}</textarea>`);
    expect(res.body).toContain('value="2027-06-14\ufffd"');
    expect(res.body).not.toContain('\u0000');
  });

  it('refuses a NUL in a field the form does not read, as a problem of the whole form', async () => {
    const agent = new TestAgent(t.app);
    await agent.get('/test-form');
    const before = saved.length;
    const res = await agent.post('/test-form', { ...good, extra: 'a\u0000b' });
    expect(res.statusCode).toBe(400);
    expect(saved).toHaveLength(before);
    expect(res.body).toContain('Texten innehåller ett styrtecken');
  });
});
