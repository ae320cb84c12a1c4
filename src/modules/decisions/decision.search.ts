import type { Db } from '../../db/database.ts';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import { publicDocuments } from '../../platform/public-documents.ts';
import type { SearchDocument, SearchSource } from '../../platform/search.ts';
import { listDecisions, type CouncilDecision } from './decision.service.ts';

const BATCH = 500;

async function allDecisions(db: Db): Promise<CouncilDecision[]> {
  const all: CouncilDecision[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const { decisions } = await listDecisions(db.kysely, { limit: BATCH, offset });
    all.push(...decisions);
    if (decisions.length < BATCH) return all;
  }
}

/**
 * The public register of council decisions for the portal search, one document per reader
 * language: the title as recorded (Swedish), the case number and § (so "SLK-2023-01047"
 * finds it), and the deciding body and outcome in the reader's language.
 */
async function decisionDocuments(db: Db): Promise<SearchDocument[]> {
  const decisions = await allDecisions(db);
  return decisions.flatMap((d) => {
    const record = { kind: 'decision', id: d.id, cityIds: [], date: d.meetingDate } as const;
    return publicDocuments({ ...record, publicPath: `/decisions/${d.id}` }, (lang) => {
      const { t } = i18nFor(lang);
      return {
        textLang: 'sv',
        title: d.title,
        body: [
          d.caseNumber ?? '',
          d.section ? `§ ${d.section}` : '',
          t(`decisions.body.${d.body}`),
          t(`decisions.outcome.${d.outcome}`),
        ]
          .filter(Boolean)
          .join('\n'),
      };
    });
  });
}

export const decisionsSearch: SearchSource = { kinds: ['decision'], all: decisionDocuments };
