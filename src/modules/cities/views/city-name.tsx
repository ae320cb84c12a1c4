import type { Locale } from '../../../platform/i18n/locales.ts';
import { type City, localized } from '../city.service.ts';

/** A city's name in the page language, marked with its own language when it falls back. */
export function CityName({ city, locale }: { city: City; locale: Locale }) {
  const text = localized(city, locale);
  return text.lang === locale ? <>{text.name}</> : <span lang={text.lang}>{text.name}</span>;
}

export { countryName } from '../../../shared/intl.ts';
