import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Content, langAttr, withParts } from './content.tsx';

describe('Content', () => {
  it('adds nothing on a page in the content language', () => {
    expect(renderToString(<Content locale="sv">Hållbar mobilitet</Content>)).toBe(
      'Hållbar mobilitet',
    );
    expect(
      renderToString(
        <Content locale="sv" as="p" class="lead">
          Hållbar mobilitet
        </Content>,
      ),
    ).toBe('<p class="lead">Hållbar mobilitet</p>');
  });

  it('marks the content with its language on a page in another', () => {
    expect(renderToString(<Content locale="da">Hållbar mobilitet</Content>)).toBe(
      '<span lang="sv">Hållbar mobilitet</span>',
    );
    expect(
      renderToString(
        <Content locale="fi" as="h1">
          Unga i staden
        </Content>,
      ),
    ).toBe('<h1 lang="sv">Unga i staden</h1>');
    expect(
      renderToString(
        <Content locale="sv" lang="en">
          Culture
        </Content>,
      ),
    ).toBe('<span lang="en">Culture</span>');
    expect(renderToString(<Content locale="da">{''}</Content>)).toBe('');
  });

  it('langAttr names the language only when it differs', () => {
    expect(langAttr('sv')).toBeUndefined();
    expect(langAttr('nb')).toBe('sv');
    expect(langAttr('en', 'en')).toBeUndefined();
  });
});

describe('withParts', () => {
  const download = (title: string) => `Hent ${title} (Dagsorden, 1 kB)`;

  it('puts content nodes where their arguments were', () => {
    const html = renderToString(
      <a href="/x">
        {withParts(({ title }) => download(title), {
          title: <Content locale="da">Dagordning 2027</Content>,
        })}
      </a>,
    );
    expect(html).toBe(
      '<a href="/x">Hent <span lang="sv">Dagordning 2027</span> (Dagsorden, 1 kB)</a>',
    );
  });

  it('reads as the plain message when the parts are plain', () => {
    const html = renderToString(
      <p>
        {withParts(({ a, b }) => `${b} och ${a}`, {
          a: <Content locale="sv">A</Content>,
          b: 'B',
        })}
      </p>,
    );
    expect(html).toBe('<p>B och A</p>');
  });
});
