import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * A news body: Markdown as the coordinator writes it, rendered once when saved to HTML that
 * is safe to insert in a page (decision 017). Two layers:
 *
 * 1. markdown-it with raw HTML off (`<script>` is shown as text, never passed through) and
 *    its own link check (a `javascript:` link stays text);
 * 2. sanitize-html with an allow-list of tags and attributes, only http(s) and mailto links
 *    and site-relative ones, images only from https, no event attributes, no style.
 *
 * Headings move down one level (`#` is an `<h2>`): the page's `<h1>` is the title.
 */

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
type Token = ReturnType<typeof markdown.parse>[number];

export const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h2',
    h2: 'h3',
    h3: 'h4',
    h4: 'h5',
    h5: 'h6',
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** A problem of a body the author must fix: an image without alt text or from a non-https address. */
export type BodyProblem = 'imageAltMissing' | 'imageSourceInvalid';

function* images(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    if (token.type === 'image') yield token;
    if (token.children) yield* images(token.children);
  }
}

const isHttps = (src: string): boolean => {
  try {
    return new URL(src).protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * The problems of a body's images: every image needs alt text (WCAG 1.1.1) and an https
 * address (no uploads, no tracking over plain http; decision 017). Empty: none.
 */
export function bodyProblems(body: string): BodyProblem[] {
  const problems = new Set<BodyProblem>();
  for (const image of images(markdown.parse(body, {}))) {
    const alt = image.children?.map((c) => c.content).join('') ?? image.content;
    if (alt.trim() === '') problems.add('imageAltMissing');
    if (!isHttps(String(image.attrGet('src') ?? ''))) problems.add('imageSourceInvalid');
  }
  return [...problems];
}

/** Safe HTML from Markdown (see above): what `body_html` stores. */
export function renderNewsBody(body: string): string {
  return sanitizeHtml(markdown.render(body), SANITIZE).trim();
}
