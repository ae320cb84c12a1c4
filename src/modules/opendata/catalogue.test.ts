import { readFileSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { Parser as TurtleParser } from 'n3';
import ClownfaceFactory from 'clownface/Factory.js';
import rdf, {
  DataFactory,
  DatasetFactory,
  Environment,
  NamespaceFactory,
  TermMapFactory,
} from 'rdf-ext';
import SHACLValidator from 'rdf-validate-shacl';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { DATASETS } from './datasets.ts';
import { negotiate } from './catalogue.routes.ts';

const PUBLIC_URL = 'https://vanort.example';
const FIXTURES = new URL('../../../test/fixtures/dcat-ap/', import.meta.url);
const DCT = 'http://purl.org/dc/terms/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const DCAT = 'http://www.w3.org/ns/dcat#';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const SH_VIOLATION = 'http://www.w3.org/ns/shacl#Violation';

const turtle = (text: string, baseIRI?: string): Quad[] =>
  new TurtleParser(baseIRI ? { baseIRI } : {}).parse(text);

function rdfXml(xml: string): Promise<Quad[]> {
  const parser = new RdfXmlParser({ baseIRI: `${PUBLIC_URL}/datasets/dcat` });
  const quads: Quad[] = [];
  return new Promise((resolve, reject) => {
    parser.on('data', (q: Quad) => quads.push(q));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.write(xml);
    parser.end();
  });
}

/** rdf-ext's factories, with the graph traversal (clownface) the validator walks shapes with. */
const factory = new Environment([
  DataFactory,
  DatasetFactory,
  NamespaceFactory,
  TermMapFactory,
  ClownfaceFactory,
]);

/** The EU DCAT-AP 3.0.1 shapes (SEMIC) and ours for DCAT-AP-SE's rules. */
function shapes() {
  const files = ['shapes.ttl', 'range.ttl', 'mdr-vocabularies.shape.ttl', 'dcat-ap-se.ttl'];
  return rdf.dataset(
    files.flatMap((f) => turtle(readFileSync(new URL(f, FIXTURES), 'utf8'), `urn:shapes:${f}`)),
  );
}

interface Finding {
  severity: string;
  path: string | undefined;
  focus: string;
  message: string;
}

/** The violations (warnings and infos apart) of the catalogue against the shapes. */
async function violations(quads: readonly Quad[]): Promise<Finding[]> {
  const validator = new SHACLValidator(shapes(), { factory: factory as never });
  const report = await validator.validate(rdf.dataset(quads));
  return report.results
    .map((r) => ({
      severity: r.severity?.value ?? '',
      path: r.path?.value,
      focus: r.focusNode?.value ?? '',
      message: r.message.map((m) => m.value).join(' '),
    }))
    .filter((r) => r.severity === SH_VIOLATION);
}

/** Canonical N-Triples lines, to compare graphs (they have no blank nodes). */
const lines = (quads: readonly Quad[]) =>
  new Set(
    rdf
      .dataset(quads)
      .toCanonical()
      .split('\n')
      .filter((l) => l.length > 0),
  );

describe('content negotiation of the catalogue', () => {
  it('gives RDF/XML by default and to harvesters, JSON-LD and Turtle when asked', () => {
    expect(negotiate(undefined)).toBe('application/rdf+xml');
    expect(negotiate('*/*')).toBe('application/rdf+xml');
    expect(negotiate('text/html,application/xhtml+xml,*/*;q=0.8')).toBe('application/rdf+xml');
    expect(negotiate('application/rdf+xml')).toBe('application/rdf+xml');
    expect(negotiate('application/ld+json')).toBe('application/ld+json');
    expect(negotiate('application/json')).toBe('application/ld+json');
    expect(negotiate('text/turtle')).toBe('text/turtle');
    expect(negotiate('text/turtle;q=0.5, application/ld+json;q=0.9')).toBe('application/ld+json');
    expect(negotiate('text/plain')).toBe('application/rdf+xml');
    expect(negotiate('text/turtle;q=0')).toBe('application/rdf+xml');
  });
});

describeEachDialect('the DCAT-AP-SE catalogue', (dialect) => {
  const t = useTestApp(dialect, { env: { PUBLIC_URL } });
  let xml: string;
  let graph: Quad[];
  beforeAll(async () => {
    // The demo's news would count too: this test writes the news it counts.
    for (const table of ['news_link', 'news_translation', 'news_item'] as const)
      await t.db.kysely.deleteFrom(table).execute();
    const res = await t.app.inject({
      url: '/datasets/dcat',
      headers: { accept: 'application/rdf+xml' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rdf+xml; charset=utf-8');
    expect(res.headers.vary).toMatch(/accept/i);
    xml = res.body;
    graph = await rdfXml(xml);
  });

  it('passes the DCAT-AP 3.0.1 shapes and the DCAT-AP-SE rules, as served in RDF/XML', async () => {
    expect(graph.length).toBeGreaterThan(200);
    expect(await violations(graph)).toEqual([]);
  });

  it('fails validation when a dataset loses its title, its publisher or the publisher its type', async () => {
    const cities = `${PUBLIC_URL}/datasets#cities`;
    const noTitle = graph.filter(
      (q) => !(q.subject.value === cities && q.predicate.value === `${DCT}title`),
    );
    const found = await violations(noTitle);
    expect(found.some((v) => v.focus === cities && v.path === `${DCT}title`)).toBe(true);

    const noPublisher = graph.filter(
      (q) => !(q.subject.value === cities && q.predicate.value === `${DCT}publisher`),
    );
    expect(
      (await violations(noPublisher)).some(
        (v) => v.focus === cities && v.path === `${DCT}publisher`,
      ),
    ).toBe(true);

    const untypedPublisher = graph.filter(
      (q) =>
        !(
          q.subject.value === 'http://dataportal.se/organisation/SE2120001355' &&
          q.predicate.value === `${DCT}type`
        ),
    );
    expect((await violations(untypedPublisher)).some((v) => v.path === `${DCT}type`)).toBe(true);
  });

  it('names everything with absolute IRIs: no blank node anywhere', () => {
    for (const q of graph) {
      expect(q.subject.termType).toBe('NamedNode');
      expect(q.object.termType).not.toBe('BlankNode');
      expect(q.subject.value).toMatch(/^(https?|mailto):/);
    }
  });

  it('has one dataset per list, each with its stable identifier and a CSV and JSON distribution', () => {
    const datasets = graph
      .filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${DCAT}Dataset`)
      .map((q) => q.subject.value);
    expect(datasets.sort()).toEqual(DATASETS.map((d) => `${PUBLIC_URL}/datasets#${d.key}`).sort());
    for (const d of DATASETS) {
      const subject = `${PUBLIC_URL}/datasets#${d.key}`;
      const of = (p: string) =>
        graph.filter((q) => q.subject.value === subject && q.predicate.value === p);
      expect(of(`${DCT}identifier`).map((q) => q.object.value)).toEqual([d.identifier]);
      const downloads = of(`${DCAT}distribution`).flatMap((dist) =>
        graph
          .filter(
            (q) =>
              q.subject.value === dist.object.value && q.predicate.value === `${DCAT}downloadURL`,
          )
          .map((q) => q.object.value),
      );
      expect(downloads.sort()).toEqual([`${PUBLIC_URL}${d.csv}`, `${PUBLIC_URL}${d.json}`].sort());
    }
    // The identifiers are the ones harvesters know: changing one is a breaking change.
    expect(DATASETS.map((d) => d.identifier)).toEqual([
      'goteborg-vanorter-stader',
      'goteborg-vanorter-beslut',
      'goteborg-vanorter-vanortsmoten',
      'goteborg-vanorter-samarbeten',
      'goteborg-vanorter-erfarenhetsutbyten',
      'goteborg-vanorter-nyheter',
    ]);
  });

  it("gives the publisher, the office's contact address and each dataset's modification date", async () => {
    const publisher = graph.filter(
      (q) => q.subject.value === 'http://dataportal.se/organisation/SE2120001355',
    );
    expect(publisher.map((q) => q.object.value)).toEqual(
      expect.arrayContaining([
        `${FOAF}Agent`,
        'Göteborgs Stad',
        'http://purl.org/adms/publishertype/LocalAuthority',
      ]),
    );
    const emails = graph.filter((q) => q.predicate.value.endsWith('#hasEmail'));
    expect(new Set(emails.map((q) => q.object.value))).toEqual(
      new Set(['mailto:stadsledningskontoret@stadshuset.goteborg.se']),
    );
    // The decisions' date is when the latest one was recorded.
    const modified = (key: string) =>
      graph.find(
        (q) =>
          q.subject.value === `${PUBLIC_URL}/datasets#${key}` &&
          q.predicate.value === `${DCT}modified`,
      )?.object;
    const decisions = modified('decisions');
    expect(decisions?.termType).toBe('Literal');
    expect((decisions as { datatype: { value: string } }).datatype.value).toBe(
      'http://www.w3.org/2001/XMLSchema#dateTime',
    );
    expect(Date.parse(decisions!.value)).not.toBeNaN();
    // No published news in the demo: no date rather than a made-up one.
    expect(modified('news')).toBeUndefined();
  });

  it('serves the same graph as JSON-LD and Turtle by content negotiation', async () => {
    const expected = lines(graph);
    const ld = await t.app.inject({
      url: '/datasets/dcat',
      headers: { accept: 'application/ld+json' },
    });
    expect(ld.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const nquads = await jsonld.toRDF(JSON.parse(ld.body) as object, {
      format: 'application/n-quads',
    });
    const fromLd = turtle(nquads);
    expect(lines(fromLd)).toEqual(expected);
    expect(await violations(fromLd)).toEqual([]);

    const ttl = await t.app.inject({ url: '/datasets/dcat', headers: { accept: 'text/turtle' } });
    expect(ttl.headers['content-type']).toBe('text/turtle; charset=utf-8');
    expect(lines(turtle(ttl.body))).toEqual(expected);
  });

  it('gives a dataset its new modification date as soon as its data changes', async () => {
    const newsModified = async () => {
      const res = await t.app.inject({ url: '/datasets/dcat' });
      return (await rdfXml(res.body)).find(
        (q) =>
          q.subject.value === `${PUBLIC_URL}/datasets#news` &&
          q.predicate.value === `${DCT}modified`,
      )?.object.value;
    };
    expect(await newsModified()).toBeUndefined();
    const at = '2026-12-01T09:30:00.000Z';
    await t.db.kysely
      .insertInto('news_item')
      .values({
        id: 'news-modified',
        status: 'published',
        publish_at: at,
        published_at: at,
        created_by: null,
        updated_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    expect(await newsModified()).toBe(at);
  });
});
