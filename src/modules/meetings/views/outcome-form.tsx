import type { PageContext } from '../../../platform/page-context.ts';
import { Button, DateField, Form, RadioGroup, SelectField, TextArea } from '../../../ui/fields.tsx';
import type { City } from '../../cities/city.service.ts';
import { OUTCOME_KINDS, type Meeting, type Outcome } from '../meeting.service.ts';
import { choices, cityOptions, PanelForm, type Values } from './meeting-fields.tsx';
import { OutcomeText } from './public-meetings.tsx';

/** The meeting page's form to record an outcome (a decision, information or an action). */
export function AddOutcomeForm({
  ctx,
  meeting,
  hosts,
  values,
}: {
  ctx: PageContext;
  meeting: Meeting;
  /** The chain's members, for the responsible city. */
  hosts: City[];
  values: Values;
}) {
  const { t } = ctx.i18n;
  return (
    <PanelForm
      ctx={ctx}
      id="add-outcome-heading"
      heading={t('workspace.meetings.addOutcome')}
      action={`/workspace/meetings/${meeting.id}/outcomes`}
      values={values}
      submit={t('workspace.meetings.record')}
    >
      <RadioGroup
        name="outcomeKind"
        legend={t('workspace.meetings.field.outcomeKind')}
        options={choices(ctx, 'outcomeKind', OUTCOME_KINDS)}
      />
      <TextArea name="outcomeText" label={t('workspace.meetings.field.outcomeText')} rows={3} />
      <SelectField
        name="outcomeCity"
        label={t('workspace.meetings.field.outcomeCity')}
        hint={t('workspace.meetings.field.outcomeCityHint')}
        options={cityOptions(ctx, hosts, t('workspace.meetings.field.outcomeCityNone'))}
      />
      <DateField name="outcomeDue" label={t('workspace.meetings.field.outcomeDue')} optional />
    </PanelForm>
  );
}

/** The open actions (this meeting's and earlier ones'), each with a form that closes it. */
export function CloseActionForms({
  ctx,
  meeting,
  actions,
  values,
}: {
  ctx: PageContext;
  meeting: Meeting;
  actions: Outcome[];
  values: Values;
}) {
  const { t } = ctx.i18n;
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="close-heading">
      <h2 id="close-heading">{t('workspace.meetings.close')}</h2>
      <ul>
        {actions.map((outcome) => (
          <li key={outcome.id}>
            <OutcomeText ctx={ctx} outcome={outcome} />
            <Form
              ctx={ctx}
              action={`/workspace/meetings/${meeting.id}/outcomes/${outcome.id}/close`}
              values={values}
            >
              <TextArea
                name={`closingNote-${outcome.id}`}
                label={t('workspace.meetings.field.closingNote')}
                rows={2}
              />
              <Button variant="secondary">{t('workspace.meetings.close')}</Button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
