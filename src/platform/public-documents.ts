import { ENABLED_LOCALES, type Locale } from './i18n/locales.ts';
import type { SearchDocument } from './search.ts';

/** A public record as the portal search knows it, whatever the reader's language. */
type PublicRecord = Pick<SearchDocument, 'kind' | 'id' | 'cityIds' | 'publicPath' | 'date'>;

/** What a record's document says to readers of one language. */
type PublicText = Pick<SearchDocument, 'textLang' | 'title' | 'body'>;

/**
 * A public record's search documents, one per reader language (ENABLED_LOCALES): the same
 * record, with the text `textIn` gives for each language.
 */
export function publicDocuments(
  record: PublicRecord,
  textIn: (lang: Locale) => PublicText,
): SearchDocument[] {
  return ENABLED_LOCALES.map((lang) => {
    const { textLang, title, body } = textIn(lang);
    return {
      kind: record.kind,
      id: record.id,
      lang,
      textLang,
      title,
      body,
      visibility: 'public',
      cityIds: record.cityIds,
      publicPath: record.publicPath,
      workspacePath: null,
      date: record.date,
    };
  });
}
