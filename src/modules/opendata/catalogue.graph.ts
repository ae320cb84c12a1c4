/**
 * The DCAT-AP-SE 3.0.1 catalogue as triples (decision 020). Every resource the profile
 * requires to be named is an absolute IRI: the catalogue, datasets and distributions under
 * PUBLIC_URL, the publisher at Sweden's data portal, the contact point beside the catalogue.
 * The controlled vocabularies' concepts (data theme, frequency, file type, language, access
 * right, licence and publisher type) come with their labels and schemes, as the profile's
 * SHACL shapes check them.
 */
import { DATASETS, type Dataset, type Frequency, type Licence } from './datasets.ts';
import { iri, q, text, typed, type Term, type Triple } from './rdf.ts';

/** Göteborgs Stad, organisation number 212000-1355, at Sweden's data portal. */
export const PUBLISHER_IRI = 'http://dataportal.se/organisation/SE2120001355';

const EU = 'http://publications.europa.eu/resource/authority/';
const ADMS_PUBLISHER_TYPE = 'http://purl.org/adms/publishertype/';
const ADMS_LICENCE_TYPE = 'http://purl.org/adms/licencetype/';

interface Concept {
  iri: string;
  scheme: string;
  labels: { sv: string; en: string };
  /** The class the profile's range shapes expect besides skos:Concept. */
  type?: string;
}

const concept = (
  vocabulary: string,
  code: string,
  sv: string,
  en: string,
  type?: string,
): Concept => ({
  iri: `${EU}${vocabulary}/${code}`,
  scheme: `${EU}${vocabulary}`,
  labels: { sv, en },
  ...(type ? { type } : {}),
});

/** A concept of one of the ADMS vocabularies (publisher type, licence type), version 1.0. */
const admsConcept = (vocabulary: string, name: string, sv: string, en: string): Concept => ({
  iri: `${vocabulary}${name}`,
  scheme: `${vocabulary}1.0`,
  labels: { sv, en },
});

const THEME_GOVERNMENT = concept(
  'data-theme',
  'GOVE',
  'Regeringen och den offentliga sektorn',
  'Government and public sector',
);
const ACCESS_PUBLIC = concept(
  'access-right',
  'PUBLIC',
  'Offentlig',
  'Public',
  q('dct:RightsStatement'),
);
const FREQUENCIES: Record<Frequency, Concept> = {
  IRREG: concept('frequency', 'IRREG', 'Oregelbunden', 'Irregular', q('dct:Frequency')),
  UPDATE_CONT: concept(
    'frequency',
    'UPDATE_CONT',
    'Uppdateras löpande',
    'Continuously updated',
    q('dct:Frequency'),
  ),
};
const FILE_TYPES = {
  csv: concept('file-type', 'CSV', 'CSV', 'CSV', q('dct:MediaTypeOrExtent')),
  json: concept('file-type', 'JSON', 'JSON', 'JSON', q('dct:MediaTypeOrExtent')),
};
const MEDIA_TYPES = {
  csv: 'https://www.iana.org/assignments/media-types/text/csv',
  json: 'https://www.iana.org/assignments/media-types/application/json',
};
/** The languages of the data: Swedish first, and the chain's other languages. */
const LANGUAGES = [
  concept('language', 'SWE', 'svenska', 'Swedish', q('dct:LinguisticSystem')),
  concept('language', 'ENG', 'engelska', 'English', q('dct:LinguisticSystem')),
  concept('language', 'DAN', 'danska', 'Danish', q('dct:LinguisticSystem')),
  concept('language', 'NOB', 'norskt bokmål', 'Norwegian Bokmål', q('dct:LinguisticSystem')),
  concept('language', 'FIN', 'finska', 'Finnish', q('dct:LinguisticSystem')),
];
const LOCAL_AUTHORITY = admsConcept(
  ADMS_PUBLISHER_TYPE,
  'LocalAuthority',
  'Kommun',
  'Local Authority',
);

/** The licences: both on DCAT-AP-SE's list, each with its ADMS licence type. */
const LICENCES: Record<Licence, { iri: string; title: string; type: Concept }> = {
  CC0: {
    iri: 'http://creativecommons.org/publicdomain/zero/1.0/',
    title: 'Creative Commons CC0 1.0 Universal',
    type: admsConcept(ADMS_LICENCE_TYPE, 'PublicDomain', 'Allmän egendom', 'Public domain'),
  },
  CC_BY_4: {
    iri: 'http://creativecommons.org/licenses/by/4.0/',
    title: 'Creative Commons Attribution 4.0 International',
    type: admsConcept(ADMS_LICENCE_TYPE, 'Attribution', 'Erkännande', 'Attribution'),
  },
};

/** The IRIs of the catalogue's own resources under the portal's address. */
export function catalogueIris(base: string) {
  const root = base.replace(/\/$/, '');
  return {
    catalogue: `${root}/datasets/dcat`,
    contact: `${root}/datasets#contact`,
    dataset: (d: Dataset) => `${root}/datasets#${d.key}`,
    distribution: (d: Dataset, format: 'csv' | 'json') => `${root}/datasets#${d.key}-${format}`,
    url: (path: string) => `${root}${path}`,
  };
}

export interface CatalogueInput {
  /** PUBLIC_URL, or the address the request came to. */
  base: string;
  contactEmail: string;
  /** When each dataset's data last changed (ISO instants); null when it has no data yet. */
  modified: Readonly<Record<Dataset['key'], string | null>>;
}

/** The whole catalogue as triples. */
export function catalogueTriples(input: CatalogueInput): Triple[] {
  const ids = catalogueIris(input.base);
  const triples: Triple[] = [];
  const add = (subject: string, predicate: string, object: Term) =>
    triples.push({ subject, predicate, object });
  const a = (subject: string, type: string) => add(subject, q('rdf:type'), iri(type));
  const both = (subject: string, predicate: string, values: { sv: string; en: string }) => {
    add(subject, predicate, text(values.sv, 'sv'));
    add(subject, predicate, text(values.en, 'en'));
  };
  const dateTime = (value: string) => typed(value, q('xsd:dateTime'));
  const concepts = new Map<string, Concept>();
  const use = (c: Concept) => {
    concepts.set(c.iri, c);
    return iri(c.iri);
  };

  // The catalogue.
  const cat = ids.catalogue;
  a(cat, q('dcat:Catalog'));
  both(cat, q('dct:title'), {
    sv: 'Göteborgs Stads öppna data om vänorterna',
    en: 'The City of Gothenburg’s open data on its twin cities',
  });
  both(cat, q('dct:description'), {
    sv: 'Öppna data från Vänortsportalen: Göteborgs Stads vänorter, beslut, vänortsmöten, samarbeten, erfarenhetsutbyten och nyheter, som CSV och JSON.',
    en: 'Open data from the twin-city portal: the City of Gothenburg’s twin cities, council decisions, twin-city meetings, collaborations, experience exchanges and news, as CSV and JSON.',
  });
  add(cat, q('dct:publisher'), iri(PUBLISHER_IRI));
  add(cat, q('dct:license'), iri(LICENCES.CC0.iri));
  add(cat, q('foaf:homepage'), iri(ids.url('/datasets')));
  add(cat, q('dcat:themeTaxonomy'), iri(THEME_GOVERNMENT.scheme));
  for (const lang of LANGUAGES.slice(0, 2)) add(cat, q('dct:language'), use(lang));
  const dates = Object.values(input.modified)
    .filter((d): d is string => d !== null)
    .sort();
  const latest = dates[dates.length - 1];
  if (latest) add(cat, q('dct:modified'), dateTime(latest));
  for (const d of DATASETS) add(cat, q('dcat:dataset'), iri(ids.dataset(d)));

  // The publisher: Göteborgs Stad, a local authority.
  a(PUBLISHER_IRI, q('foaf:Agent'));
  a(PUBLISHER_IRI, q('foaf:Organization'));
  both(PUBLISHER_IRI, q('foaf:name'), { sv: 'Göteborgs Stad', en: 'City of Gothenburg' });
  add(PUBLISHER_IRI, q('dct:type'), use(LOCAL_AUTHORITY));

  // The contact point: the City Executive Office's functional mailbox, never a person's.
  a(ids.contact, q('vcard:Kind'));
  a(ids.contact, q('vcard:Organization'));
  both(ids.contact, q('vcard:fn'), {
    sv: 'Göteborgs Stad, Stadsledningskontoret',
    en: 'City of Gothenburg, City Executive Office',
  });
  add(ids.contact, q('vcard:hasEmail'), iri(`mailto:${input.contactEmail}`));

  for (const d of DATASETS) {
    const ds = ids.dataset(d);
    a(ds, q('dcat:Dataset'));
    add(ds, q('dct:identifier'), text(d.identifier));
    both(ds, q('dct:title'), d.title);
    both(ds, q('dct:description'), d.description);
    for (const k of d.keywords.sv) add(ds, q('dcat:keyword'), text(k, 'sv'));
    for (const k of d.keywords.en) add(ds, q('dcat:keyword'), text(k, 'en'));
    add(ds, q('dct:publisher'), iri(PUBLISHER_IRI));
    add(ds, q('dcat:contactPoint'), iri(ids.contact));
    add(ds, q('dcat:theme'), use(THEME_GOVERNMENT));
    add(ds, q('dct:accrualPeriodicity'), use(FREQUENCIES[d.frequency]));
    add(ds, q('dct:accessRights'), use(ACCESS_PUBLIC));
    for (const lang of LANGUAGES) add(ds, q('dct:language'), use(lang));
    add(ds, q('dcat:landingPage'), iri(ids.url(d.landingPage)));
    const modified = input.modified[d.key];
    if (modified) add(ds, q('dct:modified'), dateTime(modified));
    for (const format of ['csv', 'json'] as const) {
      const dist = ids.distribution(d, format);
      add(ds, q('dcat:distribution'), iri(dist));
      a(dist, q('dcat:Distribution'));
      const label = format.toUpperCase();
      both(dist, q('dct:title'), {
        sv: `${d.title.sv} (${label})`,
        en: `${d.title.en} (${label})`,
      });
      const url = iri(ids.url(format === 'csv' ? d.csv : d.json));
      add(dist, q('dcat:accessURL'), url);
      add(dist, q('dcat:downloadURL'), url);
      add(dist, q('dct:format'), use(FILE_TYPES[format]));
      add(dist, q('dcat:mediaType'), iri(MEDIA_TYPES[format]));
      add(dist, q('dct:license'), iri(LICENCES[d.licence].iri));
      if (modified) add(dist, q('dct:modified'), dateTime(modified));
    }
  }

  // What the named resources are, as the profile's range shapes expect.
  for (const format of ['csv', 'json'] as const) a(MEDIA_TYPES[format], q('dct:MediaType'));
  for (const d of new Set(DATASETS.map((x) => x.landingPage))) a(ids.url(d), q('foaf:Document'));
  a(ids.url('/datasets'), q('foaf:Document'));
  for (const licence of Object.values(LICENCES)) {
    a(licence.iri, q('dct:LicenseDocument'));
    add(licence.iri, q('dct:title'), text(licence.title, 'en'));
    add(licence.iri, q('dct:type'), use(licence.type));
  }
  for (const c of concepts.values()) {
    a(c.iri, q('skos:Concept'));
    if (c.type) a(c.iri, c.type);
    both(c.iri, q('skos:prefLabel'), c.labels);
    add(c.iri, q('skos:inScheme'), iri(c.scheme));
  }
  a(THEME_GOVERNMENT.scheme, q('skos:ConceptScheme'));
  add(THEME_GOVERNMENT.scheme, q('dct:title'), text('Data theme', 'en'));
  return triples;
}
