import { describe, expect, it } from 'vitest';
import {
  isLocalizable,
  localizeHtml,
  localizeLink,
  localizePath,
  preferredLocale,
  splitLocaleUrl,
} from './paths.ts';

describe('language in the address', () => {
  it('splits a language prefix off the URL the routes see', () => {
    expect(splitLocaleUrl('/da/meetings?year=2027')).toEqual({
      locale: 'da',
      url: '/meetings?year=2027',
    });
    expect(splitLocaleUrl('/fi')).toEqual({ locale: 'fi', url: '/' });
    expect(splitLocaleUrl('/nb?x=1')).toEqual({ locale: 'nb', url: '/?x=1' });
    // Swedish has no prefix; a path that only starts like a language is not one.
    expect(splitLocaleUrl('/sv/meetings')).toEqual({ locale: null, url: '/sv/meetings' });
    expect(splitLocaleUrl('/english')).toEqual({ locale: null, url: '/english' });
    expect(splitLocaleUrl('/de/')).toEqual({ locale: null, url: '/de/' });
  });

  it('prefixes pages but not the API, static files or downloads', () => {
    expect(localizePath('/meetings', 'da')).toBe('/da/meetings');
    expect(localizePath('/', 'fi')).toBe('/fi/');
    expect(localizePath('/meetings', 'sv')).toBe('/meetings');
    expect(localizePath('/da/meetings', 'da')).toBe('/da/meetings');
    for (const path of ['/api/v1/cities', '/static/styles.css', '/meetings.ics', '//evil.example'])
      expect(isLocalizable(path), path).toBe(false);
    expect(localizeLink('/meetings.ics', 'nb')).toBe('/meetings.ics?lang=nb');
    expect(localizeLink('/x/export.csv?year=2025', 'en')).toBe(
      '/x/export.csv?year=2025&amp;lang=en',
    );
  });

  it("gives a page's own links its language and leaves hreflang links as they are", () => {
    const html =
      '<a href="/cities">x</a><form method="post" action="/logout"></form>' +
      '<a hreflang="sv" href="/cities" lang="sv">Svenska</a>' +
      '<link rel="alternate" hreflang="sv" href="/"/><a href="https://example.org/">e</a>' +
      '<a class="button" href="/meetings.ics">ics</a><a href="#main">skip</a>';
    expect(localizeHtml(html, 'nb')).toBe(
      '<a href="/nb/cities">x</a><form method="post" action="/nb/logout"></form>' +
        '<a hreflang="sv" href="/cities" lang="sv">Svenska</a>' +
        '<link rel="alternate" hreflang="sv" href="/"/><a href="https://example.org/">e</a>' +
        '<a class="button" href="/meetings.ics?lang=nb">ics</a><a href="#main">skip</a>',
    );
    expect(localizeHtml(html, 'sv')).toBe(html);
  });

  it("finds the reader's language among the five from Accept-Language", () => {
    expect(preferredLocale('nb-NO,nb;q=0.9,en;q=0.5')).toBe('nb');
    expect(preferredLocale('no')).toBe('nb');
    expect(preferredLocale('de-DE,fi;q=0.8,sv;q=0.5')).toBe('fi');
    expect(preferredLocale('de-DE')).toBeNull();
    expect(preferredLocale(undefined)).toBeNull();
    expect(preferredLocale(';;;q=x,,')).toBeNull();
  });
});
