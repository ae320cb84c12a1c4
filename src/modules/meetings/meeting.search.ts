import type { Db } from '../../db/database.ts';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import { ENABLED_LOCALES } from '../../platform/i18n/locales.ts';
import type { SearchDocument, SearchSource } from '../../platform/search.ts';
import { getChain, listCities, localized } from '../cities/index.ts';
import { getMeetingDetail, listMeetings } from './meeting.service.ts';

/**
 * The chain's meetings, their seminars and their outcomes for the portal search, as a
 * visitor reads them on the public meeting page (internal documents are not searched). A
 * meeting has one document per reader language (its heading, "Vänortsmöte i Bergen 2013",
 * is the page's own); seminars and outcomes are the staff's text, one for every reader.
 */
async function meetingDocuments(db: Db): Promise<SearchDocument[]> {
  const cities = await listCities(db);
  const chain = await getChain(db, cities);
  if (!chain) return [];
  const meetings = await listMeetings(db, chain, cities);
  const docs: SearchDocument[] = [];
  for (const meeting of meetings) {
    const detail = await getMeetingDetail(db, chain, meeting.id, null, cities);
    const path = `/meetings/${meeting.id}`;
    const date = meeting.startDate ?? `${meeting.year}-01-01`;
    const common = {
      visibility: 'public' as const,
      cityIds: [meeting.host.id],
      publicPath: path,
      workspacePath: null,
      date,
    };
    const hostNames = [...new Set(Object.values(meeting.host.texts).map((t) => t.name))];
    for (const lang of ENABLED_LOCALES) {
      const { t } = i18nFor(lang);
      docs.push({
        ...common,
        kind: 'meeting',
        id: meeting.id,
        lang,
        textLang: lang,
        title: t('meeting.title', {
          year: meeting.year,
          city: localized(meeting.host, lang).name,
        }),
        body: [
          meeting.theme ?? '',
          meeting.venue ?? '',
          hostNames.join(', '),
          ...detail.programme.map((p) => [p.title, p.description ?? ''].join(' ')),
        ]
          .filter(Boolean)
          .join('\n'),
      });
    }
    for (const s of detail.seminars) {
      docs.push({
        ...common,
        kind: 'seminar',
        id: s.id,
        lang: null,
        textLang: 'sv',
        title: s.title,
        body: [s.topicArea ?? '', s.speakers ?? '', s.description ?? ''].filter(Boolean).join('\n'),
        publicPath: `${path}#seminars-heading`,
      });
    }
    for (const o of detail.outcomes) {
      docs.push({
        ...common,
        kind: 'outcome',
        id: o.id,
        lang: null,
        textLang: 'sv',
        title: o.text.length > 160 ? `${o.text.slice(0, 159)}…` : o.text,
        body: [o.text, o.closingNote ?? ''].filter(Boolean).join('\n'),
        cityIds: o.responsibleCity ? [meeting.host.id, o.responsibleCity.id] : [meeting.host.id],
        publicPath: `${path}#outcomes-heading`,
      });
    }
  }
  return docs;
}

export const meetingsSearch: SearchSource = {
  kinds: ['meeting', 'seminar', 'outcome'],
  all: meetingDocuments,
};
