import type { PageContext } from '../../../platform/page-context.ts';
import { ConfirmLink } from '../../../ui/confirm.tsx';
import { Content } from '../../../ui/content.tsx';
import {
  DateField,
  messageOptions,
  RadioGroup,
  SelectField,
  TextArea,
} from '../../../ui/fields.tsx';
import type { City } from '../../cities/index.ts';
import type { Meeting } from '../meeting.service.ts';
import type { Outcome } from '../outcome.service.ts';
import { OUTCOME_KINDS } from '../outcome.schema.ts';
import { cityOptions, meetingField, type Values } from './meeting-fields.tsx';
import { OutcomeText } from './public-meetings.tsx';

/** The fields of an outcome (a decision, information or an action). */
export function OutcomeFields({ ctx, hosts }: { ctx: PageContext; hosts: City[] }) {
  const { t } = ctx.i18n;
  const field = meetingField(ctx);
  return (
    <>
      <RadioGroup
        {...field.legend('outcomeKind')}
        options={messageOptions(ctx.i18n, 'outcomeKind', OUTCOME_KINDS)}
      />
      <TextArea {...field('outcomeText')} rows={3} />
      <SelectField
        {...field('outcomeCity', 'hint')}
        options={cityOptions(ctx, hosts, t('workspace.meetings.field.outcomeCityNone'))}
      />
      <DateField {...field('outcomeDue')} optional />
    </>
  );
}

/**
 * The open actions (this meeting's and earlier ones'), each with the link that closes it:
 * closing is final, so the link leads to a page that asks first and takes the closing note
 * (decision 033).
 */
export function CloseActionForms({
  ctx,
  meeting,
  actions,
}: {
  ctx: PageContext;
  meeting: Meeting;
  actions: Outcome[];
  /** No longer used: the closing note is written on the confirmation page. */
  values?: Values;
}) {
  const { t, locale } = ctx.i18n;
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="close-heading">
      <h2 id="close-heading">{t('workspace.meetings.close')}</h2>
      <ul>
        {actions.map((outcome) => (
          <li key={outcome.id}>
            <OutcomeText ctx={ctx} outcome={outcome} />{' '}
            <ConfirmLink
              variant="link"
              href={`/workspace/meetings/${meeting.id}/outcomes/${outcome.id}/close`}
              name={<Content locale={locale}>{outcome.text}</Content>}
            >
              {t('workspace.meetings.close')}
            </ConfirmLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
