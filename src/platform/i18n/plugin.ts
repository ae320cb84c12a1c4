import type { FastifyInstance } from 'fastify';
import { i18nFor, type I18n } from './i18n.ts';
import { DEFAULT_LOCALE, isEnabledLocale, type Locale } from './locales.ts';

declare module 'fastify' {
  interface FastifyRequest {
    i18n: I18n;
  }
}

export const LANG_COOKIE = 'lang';

/**
 * The language of a request: `?lang=xx` (remembered in a cookie), then the cookie,
 * then Swedish. Accept-Language is deliberately not used: the portal speaks Swedish
 * first, and the switch in the header is one click away.
 */
export function registerI18n(app: FastifyInstance): void {
  app.decorateRequest('i18n', null as unknown as I18n);
  app.addHook('onRequest', async (request, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const fromQuery = query?.lang;
    let locale: Locale = DEFAULT_LOCALE;
    if (isEnabledLocale(fromQuery)) {
      locale = fromQuery;
      if (request.cookies[LANG_COOKIE] !== fromQuery) {
        reply.setCookie(LANG_COOKIE, fromQuery, {
          path: '/',
          maxAge: 365 * 24 * 3600,
          sameSite: 'lax',
          httpOnly: true,
          secure: app.config.env === 'production',
        });
      }
    } else {
      const fromCookie = request.cookies[LANG_COOKIE];
      if (isEnabledLocale(fromCookie)) locale = fromCookie;
    }
    request.i18n = i18nFor(locale);
  });
}

/**
 * The locale a request gets, from its `lang` query value and cookie, without side
 * effects; null when the request would set the language cookie (a switch).
 */
export function localeWithoutSwitch(
  queryLang: unknown,
  cookieLang: string | undefined,
): Locale | null {
  if (isEnabledLocale(queryLang)) return queryLang === cookieLang ? queryLang : null;
  return isEnabledLocale(cookieLang) ? cookieLang : DEFAULT_LOCALE;
}
