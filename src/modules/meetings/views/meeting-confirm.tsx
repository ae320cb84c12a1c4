import type { PageContext } from '../../../platform/page-context.ts';
import { ConfirmPage } from '../../../ui/confirm.tsx';
import { Content, withParts } from '../../../ui/content.tsx';
import { TextArea } from '../../../ui/fields.tsx';
import { localized, type City } from '../../cities/index.ts';
import type { Meeting } from '../meeting.service.ts';
import type { Outcome } from '../outcome.service.ts';
import type { Values } from './meeting-fields.tsx';
import { SECTION_OF, sectionHref, type PartPageProps } from './meeting-page.tsx';
import { OutcomeText } from './public-meetings.tsx';

/**
 * The confirmation pages of the meeting workspace (decision 033): removing a programme
 * item, a seminar, a document or a delegate, and closing an action for good.
 */

const REMOVE_PART = {
  programme: {
    title: 'workspace.meetings.confirmRemove.programme.title',
    what: 'workspace.meetings.confirmRemove.programme.what',
  },
  seminars: {
    title: 'workspace.meetings.confirmRemove.seminars.title',
    what: 'workspace.meetings.confirmRemove.seminars.what',
  },
  documents: {
    title: 'workspace.meetings.confirmRemove.documents.title',
    what: 'workspace.meetings.confirmRemove.documents.what',
  },
} as const;

/** Remove a programme item, a seminar or a document of a meeting? */
export function RemovePartPage({ ctx, meeting, segment, partId, partTitle }: PartPageProps) {
  const { t, locale } = ctx.i18n;
  const base = `/workspace/meetings/${meeting.id}`;
  const keys = REMOVE_PART[segment];
  return (
    <ConfirmPage
      ctx={ctx}
      section="meetings"
      title={t(keys.title)}
      lead={withParts(({ title }) => t(keys.what, { title, year: meeting.year }), {
        title: <Content locale={locale}>{partTitle}</Content>,
      })}
      irreversible
      destructive
      action={`${base}/${segment}/${partId}/delete`}
      confirm={t('workspace.meetings.confirmRemove.confirm')}
      cancel={sectionHref(meeting.id, SECTION_OF[segment])}
    />
  );
}

/** Remove a person from a city's delegation to a meeting? */
export function RemoveMemberPage({
  ctx,
  meeting,
  city,
  memberId,
  name,
}: {
  ctx: PageContext;
  meeting: { id: string; year: number };
  city: City;
  memberId: string;
  name: string;
}) {
  const { t } = ctx.i18n;
  const back = `/workspace/meetings/${encodeURIComponent(meeting.id)}/delegations/${city.slug}`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('delegation.confirmRemove.title')}
      lead={t('delegation.confirmRemove.what', {
        name,
        city: localized(city, ctx.i18n.locale).name,
        year: meeting.year,
      })}
      irreversible
      destructive
      action={`${back}/members/${encodeURIComponent(memberId)}/remove`}
      confirm={t('delegation.confirmRemove.confirm')}
      cancel={back}
    />
  );
}

/** Close an action for good, with the note that says how it was done. */
export function CloseActionPage({
  ctx,
  meeting,
  outcome,
  values,
}: {
  ctx: PageContext;
  meeting: Meeting;
  outcome: Outcome;
  values?: Values | undefined;
}) {
  const { t } = ctx.i18n;
  const base = `/workspace/meetings/${meeting.id}`;
  return (
    <ConfirmPage
      ctx={ctx}
      section="meetings"
      title={t('workspace.meetings.confirmClose.title')}
      lead={t('workspace.meetings.confirmClose.what', { year: meeting.year })}
      details={
        <p>
          <OutcomeText ctx={ctx} outcome={outcome} />
        </p>
      }
      irreversible
      action={`${base}/outcomes/${outcome.id}/close`}
      confirm={t('workspace.meetings.close')}
      cancel={sectionHref(meeting.id, 'outcomes')}
      values={values}
      fields={
        <TextArea
          name={`closingNote-${outcome.id}`}
          label={t('workspace.meetings.field.closingNote')}
          rows={3}
        />
      }
    />
  );
}
