// Generated from sv.json by `npm run i18n:types`: do not edit.
import type { CatalogueOf } from '../../../platform/i18n/catalogue.ts';
import type messages from './sv.json';

/** The messages that take arguments: the keys that take each set of argument types. */
type Args = Record<"workspace.cities.editTitle" | "flash.cityFactsSaved" | "flash.cityFactsUnchanged" | "citySuggestion.title" | "citySuggestion.lead" | "citySuggestion.publicPage" | "citySuggestion.reviewLink" | "citySuggestion.reviewTitle" | "citySuggestion.backToCity" | "flash.citySuggestion.suggested" | "flash.citySuggestion.withdrawn" | "flash.citySuggestion.unchanged" | "flash.citySuggestion.approved" | "flash.citySuggestion.returned" | "home.cities.suggestion.review", { city: string | number }> &
  Record<"workspace.cities.statusNote", { status: string | number; kind: string | number }> &
  Record<"workspace.cities.field.name" | "workspace.cities.field.description", { language: string | number }> &
  Record<"home.cities.p1.ok", { cities: string | number; since: string | number }> &
  Record<"home.cities.p1.inactive", { count: number; cities: string | number }> &
  Record<"citySuggestion.state.pending" | "citySuggestion.state.returned" | "citySuggestion.state.approved" | "citySuggestion.pendingNote", { when: string | number }> &
  Record<"citySuggestion.reviewLead", { who: string | number; when: string | number }> &
  Record<"home.cities.suggestion.own", { state: string; city: string | number }>;

declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}
}
