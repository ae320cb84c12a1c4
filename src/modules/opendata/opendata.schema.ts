import { z } from 'zod';
import { translatedText } from '../../platform/i18n/api.ts';
import { ALL_LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { cityFilterQuery } from '../cities/index.ts';
import { DIRECTIONS } from '../collaborations/index.ts';
import { MEETING_STATUSES } from '../meetings/index.ts';
import { csvPaging, jsonPaging, pageJson } from './paging.ts';

const slug = (what: string) =>
  z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/, { error: `${what} must be a slug: a–z, 0–9 and hyphens` })
    .optional();

const year = z
  .string()
  .regex(/^\d{4}$/, { error: 'year must be four digits, e.g. 2026' })
  .optional();

// ---- cities (the JSON list is GET /api/v1/cities; the CSV takes the same filters)

export const cityCsvQuery = cityFilterQuery;

// ---- decisions (the JSON list is GET /api/v1/decisions)

export const decisionCsvQuery = z.object(csvPaging);

// ---- meetings

const meetingFilters = {
  year: year.describe('Only the meeting of this year'),
  status: z
    .enum(MEETING_STATUSES, { error: `status must be one of: ${MEETING_STATUSES.join(', ')}` })
    .optional()
    .describe('Only meetings with this status'),
  host: slug('host').describe('Only meetings hosted by this city (its slug, e.g. bergen)'),
};
export const meetingListQuery = z.object({ ...meetingFilters, ...jsonPaging });
export const meetingCsvQuery = z.object({ ...meetingFilters, ...csvPaging });

export const meetingJson = z
  .object({
    id: z.string(),
    year: z.number().int(),
    host: z.object({ slug: z.string(), name: translatedText }),
    startDate: z.string().nullable().describe('Plain date YYYY-MM-DD'),
    endDate: z.string().nullable().describe('Plain date YYYY-MM-DD'),
    venue: z.string().nullable(),
    theme: z.string().nullable().describe('In Swedish, as the meeting was registered'),
    status: z.enum(MEETING_STATUSES),
    statusReason: z.string().nullable().describe('Why it was postponed or cancelled'),
    originalYear: z.number().int().nullable().describe('The year first planned, when postponed'),
    updatedAt: z.string().describe('When it last changed (ISO 8601 instant)'),
    links: z.object({ html: z.string() }),
  })
  .meta({ id: 'Meeting' });

export const meetingListJson = z
  .object({ data: z.array(meetingJson).describe('Latest year first'), page: pageJson })
  .meta({ id: 'MeetingList' });

// ---- exchanges

const exchangeFilters = {
  city: slug('city').describe('Only exchanges with this city (its slug)'),
  organisation: slug('organisation').describe('Only exchanges of this organisation (its slug)'),
  year: year.describe('Only exchanges in this year'),
};
export const exchangeListQuery = z.object({ ...exchangeFilters, ...jsonPaging });
export const exchangeCsvQuery = z.object({ ...exchangeFilters, ...csvPaging });

export const exchangeJson = z
  .object({
    id: z.string(),
    occurredOn: z.string().describe('Plain date YYYY-MM-DD'),
    city: z.object({ slug: z.string(), name: translatedText }),
    direction: z
      .enum(DIRECTIONS)
      .describe(
        '`visit_to`: Gothenburg visited the city; `visit_from`: the city visited; `digital`',
      ),
    participants: z.number().int().describe('How many took part'),
    organisation: z.object({ slug: z.string(), name: z.string() }),
    collaboration: z
      .object({ id: z.string(), title: z.string() })
      .nullable()
      .describe('The public collaboration it belongs to, if any'),
    activities: z.string().describe('What was done (in the language it was written in)'),
    learnings: z.string().nullable().describe('What was learned'),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: 'Exchange' });

export const exchangeListJson = z
  .object({ data: z.array(exchangeJson).describe('Latest first'), page: pageJson })
  .meta({ id: 'ExchangeList' });

// ---- news

const newsFilters = { year: year.describe('Only news published in this year (Swedish time)') };
export const newsListQuery = z.object({ ...newsFilters, ...jsonPaging });
export const newsCsvQuery = z.object({ ...newsFilters, ...csvPaging });

const locale = z.enum(ALL_LOCALES as [Locale, ...Locale[]]);

export const newsJson = z
  .object({
    id: z.string(),
    publishedAt: z.string().describe('ISO 8601 instant'),
    updatedAt: z.string().describe('ISO 8601 instant'),
    lang: locale.describe(
      'The language of this version: the language of the response when the item has one in it, else `sv`',
    ),
    title: z.string(),
    summary: z.string().nullable(),
    bodyHtml: z.string().describe('The text as sanitised HTML'),
    bodyMarkdown: z.string().describe('The text as written (Markdown)'),
    languages: z.array(locale).describe('Every language the item is written in'),
    about: z
      .array(z.object({ kind: z.enum(['city', 'meeting', 'collaboration']), id: z.string() }))
      .describe('The cities, meetings and collaborations it is about'),
    links: z.object({ html: z.string() }),
  })
  .meta({ id: 'NewsItem' });

export const newsListJson = z
  .object({ data: z.array(newsJson).describe('Newest first'), page: pageJson })
  .meta({ id: 'NewsList' });
