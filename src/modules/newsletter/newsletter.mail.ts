import { escapeMarkup } from '../../shared/markup.ts';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { localizePath } from '../../platform/i18n/paths.ts';

/** One language version of an issue. */
export interface IssueVersion {
  lang: Locale;
  subject: string;
  body: string;
}

/** The mail one recipient gets. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** The language of the issue's text (Swedish when the recipient's is missing). */
  language: Locale;
  headers: Record<string, string>;
}

const trimBase = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

/** The page a newsletter's unsubscribe link opens (with its button), in the reader's language. */
export const unsubscribeUrl = (baseUrl: string, token: string, lang: Locale) =>
  `${trimBase(baseUrl)}${localizePath(`/newsletter/unsubscribe/${token}`, lang)}`;

/** The RFC 8058 one-click address (`List-Unsubscribe`): a POST there unsubscribes. */
export const oneClickUrl = (baseUrl: string, token: string) =>
  `${trimBase(baseUrl)}/newsletter/unsubscribe/${token}/one-click`;

/** The page where a subscriber sees, exports and erases what is stored. */
export const subscriptionUrl = (baseUrl: string, token: string, lang: Locale) =>
  `${trimBase(baseUrl)}${localizePath(`/newsletter/subscription/${token}`, lang)}`;

export const confirmUrl = (baseUrl: string, token: string, lang: Locale) =>
  `${trimBase(baseUrl)}${localizePath(`/newsletter/confirm/${token}`, lang)}`;

/** The version in `lang` when it has a subject and a text, else the Swedish one. */
export function versionFor(versions: readonly IssueVersion[], lang: Locale): IssueVersion {
  const complete = (v: IssueVersion | undefined) =>
    v && v.subject.trim() !== '' && v.body.trim() !== '' ? v : undefined;
  return (
    complete(versions.find((v) => v.lang === lang)) ??
    versions.find((v) => v.lang === 'sv') ?? { lang: 'sv', subject: '', body: '' }
  );
}

const escapeHtml = (value: string) => escapeMarkup(value).replace(/'/g, '&#39;');

const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+/g;

/** Escaped text with its web addresses as links. */
function linkify(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?]+$/, '');
    const at = match.index;
    out += escapeHtml(text.slice(last, at));
    out += `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = at + url.length;
  }
  return out + escapeHtml(text.slice(last));
}

/**
 * The issue's plain text as HTML: paragraphs at blank lines, lines starting with "- " as a
 * list, a paragraph of one line followed by a list as its heading; everything escaped.
 */
export function bodyToHtml(body: string): string {
  const blocks = body
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    const items = lines.filter((l) => l.startsWith('- '));
    if (items.length > 0 && items.length >= lines.length - 1) {
      const head = lines[0]!.startsWith('- ') ? null : lines[0]!;
      if (head) out.push(`<h2 style="font-size:1.15em;margin:1.2em 0 .4em">${linkify(head)}</h2>`);
      out.push(`<ul>${items.map((l) => `<li>${linkify(l.slice(2))}</li>`).join('')}</ul>`);
    } else {
      out.push(`<p>${lines.map(linkify).join('<br>')}</p>`);
    }
  }
  return out.join('\n');
}

/**
 * A newsletter as one recipient gets it: the issue in their language (or Swedish), the
 * footer in their own language with the unsubscribe and subscription links, and the
 * RFC 8058 headers.
 */
export function renderIssueMail(
  versions: readonly IssueVersion[],
  recipient: { language: Locale; manageToken: string },
  baseUrl: string,
): RenderedMail {
  const version = versionFor(versions, recipient.language);
  const { t } = i18nFor(recipient.language);
  const unsubscribe = unsubscribeUrl(baseUrl, recipient.manageToken, recipient.language);
  const manage = subscriptionUrl(baseUrl, recipient.manageToken, recipient.language);
  const footerText = [
    t('newsletter.mail.footer.why'),
    t('newsletter.mail.footer.unsubscribe', { link: unsubscribe }),
    t('newsletter.mail.footer.manage', { link: manage }),
  ];
  const text = `${version.body.trim()}\n\n-- \n${footerText.join('\n')}\n`;
  const html = [
    '<!doctype html>',
    `<html lang="${version.lang}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(version.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;max-width:40em;margin:0 auto;padding:1em">',
    `<h1 style="font-size:1.4em">${escapeHtml(version.subject)}</h1>`,
    bodyToHtml(version.body),
    `<hr><div lang="${recipient.language}" style="font-size:.9em;color:#333">`,
    `<p>${escapeHtml(footerText[0]!)}</p>`,
    `<p><a href="${escapeHtml(unsubscribe)}">${escapeHtml(t('newsletter.mail.footer.unsubscribeLink'))}</a> · `,
    `<a href="${escapeHtml(manage)}">${escapeHtml(t('newsletter.mail.footer.manageLink'))}</a></p>`,
    '</div></body></html>',
  ].join('\n');
  return {
    subject: version.subject,
    text,
    html,
    language: version.lang,
    headers: {
      'List-Unsubscribe': `<${oneClickUrl(baseUrl, recipient.manageToken)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
