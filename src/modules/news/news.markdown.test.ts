import { describe, expect, it } from 'vitest';
import { bodyProblems, renderNewsBody } from './news.markdown.ts';

describe('news bodies: Markdown to sanitised HTML', () => {
  it('shows raw HTML as text: no script, no element with an event attribute', () => {
    const html = renderNewsBody(
      'Hej\n\n<script>alert(1)</script>\n\n<img src="https://x.se/a.png" onerror="alert(1)">\n\n<a href="https://x.se" onclick="alert(1)">x</a>',
    );
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // No element carries an event attribute (the text may show one, escaped).
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
    expect(html).not.toContain('<a href="https://x.se" onclick');
  });

  it('keeps http(s), mailto and site-relative links and drops javascript:, data: and vbscript:', () => {
    const html = renderNewsBody(
      '[a](https://www.bergen.kommune.no) [b](mailto:vanort@goteborg.se) [c](/cities/bergen) [d](javascript:alert(1)) [e](JaVaScRiPt:alert(1)) [f](data:text/html;base64,PHNjcmlwdD4=) [g](vbscript:x) [h](//evil.example/x)',
    );
    expect(html).toContain('<a href="https://www.bergen.kommune.no">a</a>');
    expect(html).toContain('<a href="mailto:vanort@goteborg.se">b</a>');
    expect(html).toContain('<a href="/cities/bergen">c</a>');
    expect(html).not.toMatch(/href="(javascript|data|vbscript):/i);
    expect(html).not.toContain('href="//evil');
    expect(html.toLowerCase()).not.toContain('href="javascript');
  });

  it('moves headings down a level (the title is the page’s h1) and keeps lists, emphasis and tables', () => {
    const html = renderNewsBody(
      '# Rubrik\n\n## Under\n\n- **fet**\n- *kursiv*\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    );
    expect(html).toContain('<h2>Rubrik</h2>');
    expect(html).toContain('<h3>Under</h3>');
    expect(html).not.toContain('<h1>');
    expect(html).toContain('<strong>fet</strong>');
    expect(html).toContain('<em>kursiv</em>');
    expect(html).toContain('<td>1</td>');
  });

  it('keeps an https image with alt text; names an image without alt or from elsewhere', () => {
    expect(renderNewsBody('![Rådhuset i Bergen](https://example.org/r.jpg)')).toContain(
      '<img src="https://example.org/r.jpg" alt="Rådhuset i Bergen" />',
    );
    expect(bodyProblems('![Rådhuset](https://example.org/r.jpg)')).toEqual([]);
    expect(bodyProblems('![](https://example.org/r.jpg)')).toEqual(['imageAltMissing']);
    expect(bodyProblems('![   ](https://example.org/r.jpg)')).toEqual(['imageAltMissing']);
    expect(bodyProblems('![Bild](http://example.org/r.jpg)')).toEqual(['imageSourceInvalid']);
    expect(bodyProblems('![Bild](/static/r.jpg)')).toEqual(['imageSourceInvalid']);
    // A non-https image never reaches the page even if it got past the check.
    expect(renderNewsBody('![Bild](http://example.org/r.jpg)')).not.toContain('<img');
  });
});
