/**
 * Intl objects are expensive to create (ICU data, native memory): make each one once
 * per locale and options, and reuse it.
 */
function memo<T>(make: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = make(key);
      cache.set(key, value);
    }
    return value;
  };
}

const regionNames = memo((locale) => new Intl.DisplayNames([locale], { type: 'region' }));
const coordinateFormat = memo(
  (locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }),
);
const integerFormat = memo((locale) => new Intl.NumberFormat(locale));
/** A date format per locale, made once (`memo`) from the same options. */
const dateFormat = (options: Intl.DateTimeFormatOptions) =>
  memo((locale) => new Intl.DateTimeFormat(locale, options));
const LONG_DATE = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
const longDate = dateFormat(LONG_DATE);
/** A day with its weekday, e.g. "tisdag 15 juni 2027" (the meeting workspace's day choice). */
const weekdayDate = dateFormat({ weekday: 'long', ...LONG_DATE });
const collator = memo((locale) => new Intl.Collator(locale));
const dateTime = dateFormat({
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
});

export const intlCache = {
  regionNames,
  coordinateFormat,
  integerFormat,
  longDate,
  weekdayDate,
  collator,
  dateTime,
};

/** The name of a country (ISO 3166-1 alpha-2) in the given locale; the code if unknown. */
export function countryName(code: string, locale: string): string {
  try {
    return regionNames(locale).of(code) ?? code;
  } catch {
    return code;
  }
}
