/**
 * A small RDF model and its three serialisations (decision 020): the catalogue is a few
 * hundred triples about named resources only, so it is written directly: RDF/XML (what
 * Sweden's data portal harvests) by hand, Turtle with n3's writer, JSON-LD as a flat
 * `@graph` with a prefix context. Every subject is an absolute IRI: no blank nodes.
 */
import { escapeMarkup } from '../../shared/markup.ts';
import { loadN3 } from '../../shared/lazy-modules.ts';

export type Term =
  | { kind: 'iri'; value: string }
  | { kind: 'literal'; value: string; lang?: string; datatype?: string };

export interface Triple {
  subject: string;
  predicate: string;
  object: Term;
}

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
} as const;
type Prefix = keyof typeof NS;

/** `dcat:Dataset` → the full IRI. */
export function q(name: `${Prefix}:${string}`): string {
  const [prefix, local] = name.split(':') as [Prefix, string];
  return NS[prefix] + local;
}

export const iri = (value: string): Term => ({ kind: 'iri', value });
export const text = (value: string, lang?: string): Term =>
  lang ? { kind: 'literal', value, lang } : { kind: 'literal', value };
export const typed = (value: string, datatype: string): Term => ({
  kind: 'literal',
  value,
  datatype,
});

/** The triples of one subject, in order, with rdf:type first. */
function bySubject(triples: readonly Triple[]): Map<string, Triple[]> {
  const subjects = new Map<string, Triple[]>();
  for (const t of triples) {
    const list = subjects.get(t.subject) ?? [];
    list.push(t);
    subjects.set(t.subject, list);
  }
  return subjects;
}

/** `http://purl.org/dc/terms/title` → `dct:title`, or null outside the known namespaces. */
function qname(full: string): string | null {
  for (const [prefix, ns] of Object.entries(NS)) {
    if (full.startsWith(ns)) {
      const local = full.slice(ns.length);
      if (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(local)) return `${prefix}:${local}`;
    }
  }
  return null;
}

const escapeXml = (value: string) => escapeMarkup(value).replace(/\r/g, '&#13;');

/** XML 1.0 forbids most control characters even as references: they are left out. */
const xmlSafe = (value: string) =>
  // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
  value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

/** RDF/XML: one `rdf:Description` per subject, with `rdf:about`, typed by `rdf:type` elements. */
export function toRdfXml(triples: readonly Triple[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<rdf:RDF'];
  for (const [prefix, ns] of Object.entries(NS)) out.push(`    xmlns:${prefix}="${ns}"`);
  out[out.length - 1] += '>';
  for (const [subject, list] of bySubject(triples)) {
    out.push(`  <rdf:Description rdf:about="${escapeXml(subject)}">`);
    for (const t of list) {
      const name = qname(t.predicate);
      if (!name) throw new Error(`No prefix for the predicate ${t.predicate}`);
      const o = t.object;
      if (o.kind === 'iri') {
        out.push(`    <${name} rdf:resource="${escapeXml(o.value)}"/>`);
      } else {
        const attrs = o.lang
          ? ` xml:lang="${escapeXml(o.lang)}"`
          : o.datatype
            ? ` rdf:datatype="${escapeXml(o.datatype)}"`
            : '';
        out.push(`    <${name}${attrs}>${escapeXml(xmlSafe(o.value))}</${name}>`);
      }
    }
    out.push('  </rdf:Description>');
  }
  out.push('</rdf:RDF>', '');
  return out.join('\n');
}

/** Turtle, written by n3 with the prefixes above. */
export async function toTurtle(triples: readonly Triple[]): Promise<string> {
  const { Writer, DataFactory } = await loadN3();
  const namedNode = (value: string) => DataFactory.namedNode(value);
  const writer = new Writer({ prefixes: { ...NS } });
  for (const t of triples) {
    const o = t.object;
    writer.addQuad(
      DataFactory.quad(
        namedNode(t.subject),
        namedNode(t.predicate),
        o.kind === 'iri'
          ? namedNode(o.value)
          : DataFactory.literal(
              o.value,
              o.lang ?? (o.datatype ? namedNode(o.datatype) : undefined),
            ),
      ),
    );
  }
  return new Promise((resolve, reject) =>
    writer.end((error: Error | null, result: string) => (error ? reject(error) : resolve(result))),
  );
}

type JsonLdValue = { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string };

/** JSON-LD: a flat `@graph` of nodes with compact IRIs from a prefix-only context. */
export function toJsonLd(triples: readonly Triple[]): object {
  const graph: Record<string, unknown>[] = [];
  for (const [subject, list] of bySubject(triples)) {
    const node: Record<string, unknown> = { '@id': subject };
    const types: string[] = [];
    for (const t of list) {
      const o = t.object;
      if (t.predicate === q('rdf:type') && o.kind === 'iri') {
        types.push(qname(o.value) ?? o.value);
        continue;
      }
      const key = qname(t.predicate) ?? t.predicate;
      const value: JsonLdValue =
        o.kind === 'iri'
          ? { '@id': o.value }
          : {
              '@value': o.value,
              ...(o.lang ? { '@language': o.lang } : {}),
              ...(o.datatype ? { '@type': qname(o.datatype) ?? o.datatype } : {}),
            };
      const values = (node[key] as JsonLdValue[] | undefined) ?? [];
      values.push(value);
      node[key] = values;
    }
    if (types.length) node['@type'] = types;
    graph.push(node);
  }
  return { '@context': { ...NS }, '@graph': graph };
}
