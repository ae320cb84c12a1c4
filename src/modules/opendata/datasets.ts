/**
 * The open datasets: what the catalogue (`/datasets/dcat`) describes and the `/datasets` page
 * lists. Each one's `identifier` is its `dct:identifier` and must never change (harvesters
 * know a dataset by it); its downloads are the open API's JSON and CSV lists.
 */

export const DATASET_KEYS = [
  'cities',
  'decisions',
  'meetings',
  'collaborations',
  'exchanges',
  'news',
] as const;
export type DatasetKey = (typeof DATASET_KEYS)[number];

/** The EU frequency vocabulary's codes used here. */
export type Frequency = 'IRREG' | 'UPDATE_CONT';
/** The licences used here, both on the DCAT-AP-SE licence list. */
export type Licence = 'CC0' | 'CC_BY_4';

export interface Dataset {
  key: DatasetKey;
  /** `dct:identifier`: stable for ever, whatever address the portal moves to. */
  identifier: string;
  title: { sv: string; en: string };
  description: { sv: string; en: string };
  keywords: { sv: string[]; en: string[] };
  /** Site paths (no language prefix) of the downloads and of the page that shows the data. */
  json: string;
  csv: string;
  landingPage: string;
  frequency: Frequency;
  licence: Licence;
}

/** Fields a dataset declares; `landingPage` is `/<key>` and `licence` CC0 unless given. */
type DatasetFields = Omit<Dataset, 'key' | 'json' | 'csv' | 'landingPage' | 'licence'> &
  Partial<Pick<Dataset, 'landingPage' | 'licence'>>;

/** A dataset whose downloads are the open API's list of the same name, as JSON and as CSV. */
const dataset = (key: DatasetKey, fields: DatasetFields): Dataset => ({
  key,
  identifier: fields.identifier,
  title: fields.title,
  description: fields.description,
  keywords: fields.keywords,
  json: `/api/v1/${key}`,
  csv: `/api/v1/${key}.csv`,
  landingPage: fields.landingPage ?? `/${key}`,
  frequency: fields.frequency,
  licence: fields.licence ?? 'CC0',
});

export const DATASETS: readonly Dataset[] = [
  dataset('cities', {
    identifier: 'goteborg-vanorter-stader',
    title: {
      sv: 'Göteborgs vänorter och partnerstäder',
      en: "Gothenburg's twin cities and partner cities",
    },
    description: {
      sv: 'Registret över Göteborgs Stads vänorter (Aarhus, Bergen och Åbo) och partnerstäder: namn på fem språk, land, koordinater, status och sedan vilket år.',
      en: 'The register of the City of Gothenburg’s twin cities (Aarhus, Bergen and Turku) and partner cities: names in five languages, country, coordinates, status and the year since.',
    },
    keywords: {
      sv: ['vänorter', 'partnerstäder', 'Norden'],
      en: ['twin cities', 'partner cities', 'Nordic'],
    },
    frequency: 'IRREG',
  }),
  dataset('decisions', {
    identifier: 'goteborg-vanorter-beslut',
    title: {
      sv: 'Beslut om Göteborgs vänorter',
      en: "Council decisions on Gothenburg's twin cities",
    },
    description: {
      sv: 'Kommunfullmäktiges, kommunstyrelsens och fullmäktiges presidiums beslut om vänorter och partnerstäder sedan 1946: datum, paragraf, diarienummer, rubrik och utfall.',
      en: 'Decisions of the City Council, the City Executive Board and the Council presidium on twin and partner cities since 1946: date, section, case number, title and outcome.',
    },
    keywords: {
      sv: ['vänorter', 'beslut', 'kommunfullmäktige'],
      en: ['twin cities', 'decisions', 'city council'],
    },
    frequency: 'IRREG',
  }),
  dataset('meetings', {
    identifier: 'goteborg-vanorter-vanortsmoten',
    title: { sv: 'Vänortsmöten', en: 'Twin-city meetings' },
    description: {
      sv: 'De nordiska vänortsmötena, som hålls vartannat år med roterande värdskap: år, värdstad, datum, plats, tema och status.',
      en: 'The Nordic twin-city meetings, held every other year with rotating hosts: year, host city, dates, venue, theme and status.',
    },
    keywords: {
      sv: ['vänortsmöte', 'värdskap', 'Norden'],
      en: ['twin-city meeting', 'host city', 'Nordic'],
    },
    frequency: 'IRREG',
  }),
  dataset('collaborations', {
    identifier: 'goteborg-vanorter-samarbeten',
    title: {
      sv: 'Samarbeten med vänorterna',
      en: 'Collaborations with the twin cities',
    },
    description: {
      sv: 'Förvaltningarnas och bolagens offentliga samarbeten med vänorterna: ansvarig organisation, städer, områden, typ, period, status, mål, resultat och finansiering.',
      en: 'The public collaborations of the City’s administrations and companies with the twin cities: organisation, cities, areas, kind, period, status, goals, results and funding.',
    },
    keywords: {
      sv: ['vänorter', 'samarbete', 'projekt'],
      en: ['twin cities', 'collaboration', 'projects'],
    },
    frequency: 'UPDATE_CONT',
  }),
  dataset('exchanges', {
    identifier: 'goteborg-vanorter-erfarenhetsutbyten',
    title: {
      sv: 'Erfarenhetsutbyten med vänorterna',
      en: 'Experience exchanges with the twin cities',
    },
    description: {
      sv: 'Offentliga erfarenhetsutbyten mellan Göteborgs Stads verksamheter och vänorterna: datum, stad, riktning, antal deltagare, vad som gjordes och vad man lärde sig.',
      en: 'Public experience exchanges between the City of Gothenburg’s services and the twin cities: date, city, direction, number of participants, what was done and what was learned.',
    },
    keywords: {
      sv: ['erfarenhetsutbyte', 'studiebesök', 'vänorter'],
      en: ['experience exchange', 'study visit', 'twin cities'],
    },
    landingPage: '/collaborations',
    frequency: 'UPDATE_CONT',
  }),
  dataset('news', {
    identifier: 'goteborg-vanorter-nyheter',
    title: { sv: 'Nyheter om vänortssamarbetet', en: 'News about the twin-city cooperation' },
    description: {
      sv: 'Stadsledningskontorets publicerade nyheter om vänortssamarbetet, på de språk de är skrivna på: rubrik, ingress, text och publiceringsdatum.',
      en: 'The City Executive Office’s published news about the twin-city cooperation, in the languages they are written in: title, summary, text and publication date.',
    },
    keywords: { sv: ['nyheter', 'vänorter'], en: ['news', 'twin cities'] },
    frequency: 'UPDATE_CONT',
    licence: 'CC_BY_4',
  }),
];
