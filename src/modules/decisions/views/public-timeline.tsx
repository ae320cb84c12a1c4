import type { JSX } from 'preact';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { PlainKey } from '../../../platform/i18n/i18n.ts';
import { formatDateRange } from '../../../shared/dates.ts';
import type { Meeting } from '../../meetings/index.ts';
import type { StatusChange } from '../history.service.ts';
import { DecisionSummary, PlainDate } from './public-parts.tsx';

interface Entry {
  key: string;
  /** Sort key: a plain date, or a year for meetings without dates. */
  sortKey: string;
  node: JSX.Element;
}

/**
 * A city's history since 1946 as an ordered list in date order: each status change with
 * the decision behind it, and each twin-city meeting it hosted.
 */
export function CityTimeline({
  i18n,
  cityName,
  history,
  meetings,
}: {
  i18n: I18n;
  cityName: string;
  history: readonly StatusChange[];
  meetings: readonly Meeting[];
}) {
  const { t } = i18n;
  const status = (s: string) => t(`status.${s}` as PlainKey);
  const kind = (k: string) => t(`kind.${k}` as PlainKey);
  const entries: Entry[] = [
    ...history.map((h) => ({
      key: `s-${h.id}`,
      sortKey: h.changedOn,
      node: (
        <li key={`s-${h.id}`}>
          <PlainDate value={h.changedOn} i18n={i18n} />
          {': '}
          {h.fromStatus
            ? t('timeline.statusChange', { from: status(h.fromStatus), to: status(h.toStatus) })
            : t('timeline.statusSet', { to: status(h.toStatus) })}
          {h.fromKind && h.fromKind !== h.toKind
            ? `. ${t('timeline.kindChange', { from: kind(h.fromKind), to: kind(h.toKind) })}`
            : ''}
          <br />
          {h.decision ? (
            <DecisionSummary decision={h.decision} i18n={i18n} />
          ) : h.note === 'proposal' ? (
            t('timeline.proposalNote')
          ) : (
            t('timeline.noDecision')
          )}
        </li>
      ),
    })),
    ...meetings.map((m) => ({
      key: `m-${m.id}`,
      sortKey: m.startDate ?? String(m.year),
      node: (
        <li key={`m-${m.id}`}>
          {m.startDate ? (
            <time datetime={m.startDate}>{formatDateRange(m.startDate, m.endDate, i18n.intl)}</time>
          ) : (
            <time datetime={String(m.year)}>{m.year}</time>
          )}
          {': '}
          {t('timeline.meeting', {
            city: cityName,
            status: t(`meetingStatus.${m.status}` as PlainKey),
          })}
        </li>
      ),
    })),
  ].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));

  if (entries.length === 0) return <p>{t('timeline.empty', { city: cityName })}</p>;
  return <ol class="timeline">{entries.map((e) => e.node)}</ol>;
}
