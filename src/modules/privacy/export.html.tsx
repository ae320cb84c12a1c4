import type { ComponentChildren } from 'preact';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { renderDocument } from '../../platform/render.ts';
import { formatInstant } from '../../shared/dates.ts';
import { Facts } from '../../ui/facts.tsx';
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

function Table({
  i18n,
  caption,
  head,
  rows,
}: {
  i18n: I18n;
  caption: string;
  head: string[];
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
          {head.map((h) => (
            <th scope="col" key={h}>
              {h}
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

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section>
      <h2>{title}</h2>
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
  return (
    <main>
      <h1>{t('privacy.export.title')}</h1>
      <p>
        {t('privacy.export.subject', { email: data.subject.email })}
        {data.subject.name ? ` (${data.subject.name})` : ''}
      </p>
      <p>{t('privacy.export.intro')}</p>
      <Section title={t(kindTitle('account'))}>
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
          head={[t('privacy.col.role'), t('privacy.col.organisation'), t('privacy.col.city')]}
          rows={data.roles.map((r) => [r.role, r.organisation, r.city])}
        />
      </Section>
      <Section title={t(kindTitle('sessions'))}>
        <Table
          i18n={i18n}
          caption={t(kindTitle('sessions'))}
          head={[
            t('privacy.col.created'),
            t('privacy.col.lastSeen'),
            t('privacy.col.expires'),
            t('privacy.col.ip'),
            t('privacy.col.browser'),
          ]}
          rows={data.sessions.map((s) => [
            when(s.created_at),
            when(s.last_seen_at),
            when(s.expires_at),
            s.ip,
            s.user_agent,
          ])}
        />
      </Section>
      <Section title={t(kindTitle('tokens'))}>
        <Table
          i18n={i18n}
          caption={t('privacy.export.links')}
          head={[
            t('privacy.col.kind'),
            t('privacy.col.created'),
            t('privacy.col.expires'),
            t('privacy.col.used'),
          ]}
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
          head={[
            t('privacy.col.name'),
            t('privacy.col.created'),
            t('privacy.col.expires'),
            t('privacy.col.lastUsed'),
            t('privacy.col.revoked'),
          ]}
          rows={data.apiTokens.map((k) => [
            k.name,
            when(k.created_at),
            when(k.expires_at),
            when(k.last_used_at),
            when(k.revoked_at),
          ])}
        />
      </Section>
      <Section title={t(kindTitle('loginAttempts'))}>
        <Table
          i18n={i18n}
          caption={t(kindTitle('loginAttempts'))}
          head={[
            t('privacy.col.when'),
            t('privacy.col.kind'),
            t('privacy.col.ip'),
            t('privacy.col.succeeded'),
          ]}
          rows={data.loginAttempts.map((l) => [
            when(l.occurred_at),
            l.kind,
            l.ip,
            yes(l.succeeded),
          ])}
        />
      </Section>
      <Section title={t(kindTitle('contacts'))}>
        <Table
          i18n={i18n}
          caption={t(kindTitle('contacts'))}
          head={[
            t('privacy.col.place'),
            t('privacy.col.record'),
            t('privacy.col.name'),
            t('privacy.col.email'),
          ]}
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
      </Section>
      <Section title={t(kindTitle('delegates'))}>
        <Table
          i18n={i18n}
          caption={t(kindTitle('delegates'))}
          head={[
            t('privacy.col.meeting'),
            t('privacy.col.city'),
            t('privacy.col.name'),
            t('privacy.col.title'),
            t('privacy.col.affiliation'),
            t('privacy.col.diet'),
            t('privacy.col.access'),
            t('privacy.col.travel'),
            t('privacy.col.phone'),
            t('privacy.col.erased'),
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
      </Section>
      <Section title={t(kindTitle('subscribers'))}>
        <Table
          i18n={i18n}
          caption={t(kindTitle('subscribers'))}
          head={[
            t('privacy.col.email'),
            t('privacy.col.status'),
            t('privacy.col.language'),
            t('privacy.col.topics'),
            t('privacy.col.created'),
            t('privacy.col.confirmed'),
            t('privacy.col.unsubscribed'),
          ]}
          rows={
            data.newsletter
              ? [
                  [
                    data.newsletter.subscription.email,
                    data.newsletter.subscription.status,
                    data.newsletter.subscription.language,
                    data.newsletter.subscription.topics.join(', '),
                    when(data.newsletter.subscription.createdAt),
                    when(data.newsletter.subscription.confirmedAt),
                    when(data.newsletter.subscription.unsubscribedAt),
                  ],
                ]
              : []
          }
        />
        <Table
          i18n={i18n}
          caption={t('privacy.export.newsletters')}
          head={[t('privacy.col.subject'), t('privacy.col.status'), t('privacy.col.sent')]}
          rows={(data.newsletter?.newsletters ?? []).map((n) => [
            n.subject,
            n.status,
            when(n.sentAt),
          ])}
        />
      </Section>
      <Section title={t(kindTitle('outbox'))}>
        <Table
          i18n={i18n}
          caption={t(kindTitle('outbox'))}
          head={[t('privacy.col.when'), t('privacy.col.subject')]}
          rows={data.outbox.map((m) => [when(m.created_at), m.subject])}
        />
      </Section>
      <Section title={t(kindTitle('authorship'))}>
        <Table
          i18n={i18n}
          caption={t(kindTitle('authorship'))}
          head={[t('privacy.col.place'), t('privacy.col.field'), t('privacy.col.record')]}
          rows={data.authored.map((r) => [r.table, r.column, r.label || r.id])}
        />
        <Table
          i18n={i18n}
          caption={t('privacy.export.comments')}
          head={[t('privacy.col.when'), t('privacy.col.text')]}
          rows={data.evaluationComments.map((m) => [when(m.created_at), m.body])}
        />
      </Section>
      <Section title={t(kindTitle('audit'))}>
        <Table
          i18n={i18n}
          caption={t(kindTitle('audit'))}
          head={[
            t('privacy.col.when'),
            t('privacy.col.action'),
            t('privacy.col.record'),
            t('privacy.col.ip'),
          ]}
          rows={data.audit.map((e) => [
            when(e.occurred_at),
            e.action,
            `${e.entity} ${e.entity_id ?? ''}`,
            e.ip,
          ])}
        />
      </Section>
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
