import type { ComponentChildren } from 'preact';
import type { I18n, PlainKey } from '../../platform/i18n/i18n.ts';
import { renderDocument } from '../../platform/render.ts';
import { formatInstant } from '../../shared/dates.ts';
import { Facts } from '../../ui/facts.tsx';
import type { KindId } from './privacy.register.ts';
import type { PersonData } from './privacy.service.ts';
import { kindTitle } from './views/register-page.tsx';

/**
 * A person's export as one readable standalone HTML document in the reader's language: every
 * part of the JSON export as a table, no script, no external resource. Headless Chromium
 * prints it as the PDF (the evaluation module's printer, decision 027).
 */

const STYLE = `
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; line-height: 1.45;
  color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.7rem; color: #004b89; margin: 0 0 0.5rem; }
h2 { font-size: 1.25rem; color: #004b89; margin: 1.8rem 0 0.4rem; break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin: 0 0 1rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 0.3rem; }
th, td { text-align: left; padding: 0.25rem 0.4rem; border-bottom: 1px solid #8a8a8a; vertical-align: top;
  overflow-wrap: anywhere; }
thead th { border-bottom: 2px solid #1a1a1a; }
tr { break-inside: avoid; }
.empty { font-style: italic; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.colophon { margin-top: 2.5rem; font-size: 0.85rem; color: #4a4a4a; }
@page { size: A4; margin: 16mm 14mm; }
`;

type Cell = string | number | boolean | null | undefined;

/** The export's column names: each has its header `privacy.col.<name>`. */
type ColKey = Extract<PlainKey, `privacy.col.${string}`>;
type Col = ColKey extends `privacy.col.${infer N}` ? N : never;

function Table({
  i18n,
  caption,
  cols,
  rows,
}: {
  i18n: I18n;
  caption: string;
  cols: readonly Col[];
  rows: Cell[][];
}) {
  if (rows.length === 0)
    return (
      <p class="empty">
        {caption}: {i18n.t('privacy.export.none')}
      </p>
    );
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {cols.map((c) => (
            <th scope="col" key={c}>
              {i18n.t(`privacy.col.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j}>{c === null || c === undefined ? '–' : String(c)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One kind of data: its title as the heading, then (given `cols` and `rows`) its table,
 * captioned with the same title, then any further parts.
 */
function Part({
  i18n,
  kind,
  cols,
  rows = [],
  children,
}: {
  i18n: I18n;
  kind: KindId;
  cols?: readonly Col[];
  rows?: Cell[][];
  children?: ComponentChildren;
}) {
  const title = i18n.t(kindTitle(kind));
  return (
    <section>
      <h2>{title}</h2>
      {cols ? <Table i18n={i18n} caption={title} cols={cols} rows={rows} /> : null}
      {children}
    </section>
  );
}

/** The document's body: every part of the person's data. */
export function PersonDocument({
  i18n,
  data,
  producedAt,
}: {
  i18n: I18n;
  data: PersonData;
  producedAt: string;
}) {
  const { t, locale } = i18n;
  const when = (v: string | null | undefined) => (v ? formatInstant(v, locale) : null);
  const yes = (v: boolean) => (v ? t('privacy.export.yes') : t('privacy.export.no'));
  const a = data.account;
  const s = data.newsletter?.subscription;
  return (
    <main>
      <h1>{t('privacy.export.title')}</h1>
      <p>
        {t('privacy.export.subject', { email: data.subject.email })}
        {data.subject.name ? ` (${data.subject.name})` : ''}
      </p>
      <p>{t('privacy.export.intro')}</p>
      <Part i18n={i18n} kind="account">
        {a ? (
          <Facts
            rows={[
              [t('privacy.col.name'), a.name],
              [t('privacy.col.email'), a.email],
              [t('privacy.col.language'), a.language],
              [t('privacy.col.active'), yes(a.active)],
              [t('privacy.col.twoStep'), yes(a.twoStepVerification)],
              [t('privacy.col.sso'), yes(a.singleSignOn)],
              [t('privacy.col.lastLogin'), when(a.lastLoginAt) ?? '–'],
              [t('privacy.col.created'), when(a.createdAt)],
            ]}
          />
        ) : (
          <p class="empty">
            {t(kindTitle('account'))}: {t('privacy.export.none')}
          </p>
        )}
        <Table
          i18n={i18n}
          caption={t('privacy.export.roles')}
          cols={['role', 'organisation', 'city']}
          rows={data.roles.map((r) => [r.role, r.organisation, r.city])}
        />
      </Part>
      <Part
        i18n={i18n}
        kind="sessions"
        cols={['created', 'lastSeen', 'expires', 'ip', 'browser']}
        rows={data.sessions.map((x) => [
          when(x.created_at),
          when(x.last_seen_at),
          when(x.expires_at),
          x.ip,
          x.user_agent,
        ])}
      />
      <Part i18n={i18n} kind="tokens">
        <Table
          i18n={i18n}
          caption={t('privacy.export.links')}
          cols={['kind', 'created', 'expires', 'used']}
          rows={data.links.map((l) => [
            l.kind,
            when(l.created_at),
            when(l.expires_at),
            when(l.used_at),
          ])}
        />
        <Table
          i18n={i18n}
          caption={t('privacy.export.apiTokens')}
          cols={['name', 'created', 'expires', 'lastUsed', 'revoked']}
          rows={data.apiTokens.map((k) => [
            k.name,
            when(k.created_at),
            when(k.expires_at),
            when(k.last_used_at),
            when(k.revoked_at),
          ])}
        />
      </Part>
      <Part
        i18n={i18n}
        kind="loginAttempts"
        cols={['when', 'kind', 'ip', 'succeeded']}
        rows={data.loginAttempts.map((l) => [when(l.occurred_at), l.kind, l.ip, yes(l.succeeded)])}
      />
      <Part
        i18n={i18n}
        kind="contacts"
        cols={['place', 'record', 'name', 'email']}
        rows={[
          ...data.contacts.collaborations.map((x) => [
            t('privacy.place.collaboration'),
            x.title,
            x.contact_name,
            x.contact_email,
          ]),
          ...data.contacts.cities.map((x) => [
            t('privacy.place.city'),
            x.slug,
            x.contact_name,
            x.contact_email,
          ]),
          ...data.contacts.citySuggestions.map((x) => [
            t('privacy.place.citySuggestion'),
            x.slug,
            [x.contact_name?.before, x.contact_name?.after].filter(Boolean).join(' → ') || null,
            [x.contact_email?.before, x.contact_email?.after].filter(Boolean).join(' → '),
          ]),
          ...data.contacts.organisations.map((x) => [
            t('privacy.place.organisation'),
            x.name,
            null,
            x.email,
          ]),
        ]}
      />
      <Part
        i18n={i18n}
        kind="delegates"
        cols={[
          'meeting',
          'city',
          'name',
          'title',
          'affiliation',
          'diet',
          'access',
          'travel',
          'phone',
          'erased',
        ]}
        rows={data.delegates.map((d) => [
          `${d.year} (${d.host_city})`,
          d.delegation_city,
          d.name,
          d.title,
          d.affiliation,
          d.dietary_needs,
          d.access_needs,
          d.travel,
          d.phone,
          when(d.logistics_erased_at),
        ])}
      />
      <Part
        i18n={i18n}
        kind="subscribers"
        cols={['email', 'status', 'language', 'topics', 'created', 'confirmed', 'unsubscribed']}
        rows={
          s
            ? [
                [
                  s.email,
                  s.status,
                  s.language,
                  s.topics.join(', '),
                  when(s.createdAt),
                  when(s.confirmedAt),
                  when(s.unsubscribedAt),
                ],
              ]
            : []
        }
      >
        <Table
          i18n={i18n}
          caption={t('privacy.export.newsletters')}
          cols={['subject', 'status', 'sent']}
          rows={(data.newsletter?.newsletters ?? []).map((n) => [
            n.subject,
            n.status,
            when(n.sentAt),
          ])}
        />
      </Part>
      <Part
        i18n={i18n}
        kind="outbox"
        cols={['when', 'subject']}
        rows={data.outbox.map((m) => [when(m.created_at), m.subject])}
      />
      <Part
        i18n={i18n}
        kind="authorship"
        cols={['place', 'field', 'record']}
        rows={data.authored.map((r) => [r.table, r.column, r.label || r.id])}
      >
        <Table
          i18n={i18n}
          caption={t('privacy.export.comments')}
          cols={['when', 'text']}
          rows={data.evaluationComments.map((m) => [when(m.created_at), m.body])}
        />
      </Part>
      <Part
        i18n={i18n}
        kind="audit"
        cols={['when', 'action', 'record', 'ip']}
        rows={data.audit.map((e) => [
          when(e.occurred_at),
          e.action,
          `${e.entity} ${e.entity_id ?? ''}`,
          e.ip,
        ])}
      />
      <p class="colophon">
        {t('privacy.export.produced', { date: formatInstant(producedAt, locale) })}
      </p>
    </main>
  );
}

/** The standalone HTML of a person's export, in the reader's language. */
export function personHtml(i18n: I18n, data: PersonData, producedAt: string): string {
  return renderDocument(
    <html lang={i18n.locale}>
      <head>
        <meta charset="utf-8" />
        <title>{i18n.t('privacy.export.title')}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <PersonDocument i18n={i18n} data={data} producedAt={producedAt} />
      </body>
    </html>,
  );
}
