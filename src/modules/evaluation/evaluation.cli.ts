import { AppError } from '../../shared/errors.ts';
import { CliFailure, EXIT, UsageError, type Command } from '../../cli/core.ts';
import type { Count, PeriodFigures } from './evaluation.figures.ts';
import { figuresForMeeting } from './figures.service.ts';

// `vanort evaluation compile --meeting ID [--json]` (issue 15, point 7): the figures for the
// meeting's evaluation period, as readable text or as the API's JSON.

const counts = (list: readonly Count[]) =>
  list.length === 0 ? '–' : list.map((c) => `${c.label} ${c.value}`).join(', ');

function periodLines(p: PeriodFigures, before: PeriodFigures | null): string[] {
  const row = (label: string, pick: (f: PeriodFigures) => number) =>
    `  ${label.padEnd(28)}${String(pick(p)).padStart(8)}${before ? String(pick(before)).padStart(10) : ''}`;
  return [
    `  ${''.padEnd(28)}${'period'.padStart(8)}${before ? 'previous'.padStart(10) : ''}`,
    row('Meetings', (f) => f.meetings.length),
    row('Collaborations', (f) => f.collaborations.total),
    row('  new', (f) => f.collaborations.new),
    row('  ongoing throughout', (f) => f.collaborations.ongoing),
    row('  finished', (f) => f.collaborations.finished),
    row('Exchanges', (f) => f.exchanges.total),
    row('  participants', (f) => f.exchanges.participants),
    row('Inventories', (f) => f.campaigns.length),
    row('Council decisions', (f) => f.decisions.total),
    row('News published', (f) => f.news.published),
    row('Newsletter issues sent', (f) => f.newsletters.sent),
    row('  recipients', (f) => f.newsletters.recipients),
  ];
}

export const evaluationCommands: Record<string, Command> = {
  'evaluation compile': {
    options: ['meeting', 'json'],
    check: (values) => {
      if (!values.meeting?.trim())
        throw new UsageError('evaluation compile needs --meeting ID (the meeting’s id)');
    },
    run: async ({ db, values, io }) => {
      const id = values.meeting!.trim();
      let result;
      try {
        result = await figuresForMeeting(db, id);
      } catch (error) {
        if (error instanceof AppError && error.code === 'MEETING_NOT_FOUND')
          throw new CliFailure(`no meeting has the id ${id}.`);
        throw error;
      }
      if (values.json) {
        io.out(JSON.stringify(result, null, 2));
        return EXIT.ok;
      }
      const { figures, period } = result;
      const c = figures.current;
      io.out(
        `Evaluation figures for ${period.start} – ${period.end}` +
          (figures.previous
            ? ` (previous period ${figures.previous.period.start} – ${figures.previous.period.end})`
            : ''),
      );
      io.out(
        result.version !== null
          ? `Frozen in approved version ${result.version}.`
          : `Compiled now (${figures.compiledAt}) from every record, internal ones included.`,
      );
      io.out('');
      for (const line of periodLines(c, figures.previous)) io.out(line);
      io.out('');
      io.out('Meetings:');
      if (c.meetings.length === 0) io.out('  –');
      for (const m of c.meetings)
        io.out(
          `  ${m.year} ${m.hostName} (${m.status}): ${m.programmeItems} programme items, ` +
            `${m.seminars} seminars, ${m.delegates} delegates, ${m.outcomes} outcomes, ` +
            `${m.followUpsClosed} of ${m.followUps} follow-ups closed`,
        );
      io.out('');
      io.out(`Collaborations by city: ${counts(c.collaborations.byCity)}`);
      io.out(`Collaborations by area: ${counts(c.collaborations.byArea)}`);
      io.out(`Collaborations by kind: ${counts(c.collaborations.byKind)}`);
      io.out(`Collaborations by status: ${counts(c.collaborations.byStatus)}`);
      io.out(`Exchanges by city: ${counts(c.exchanges.byCity)}`);
      io.out(`Exchanges by direction: ${counts(c.exchanges.byDirection)}`);
      for (const campaign of c.campaigns)
        io.out(
          `Inventory "${campaign.title}": ${campaign.answered.length} of ${campaign.asked} answered` +
            (campaign.missing.length ? `; missing: ${campaign.missing.join(', ')}` : ''),
        );
      io.out('');
      io.out(figures.flags.length ? 'Flags:' : 'Flags: none.');
      for (const f of figures.flags)
        io.out(
          `  ${f.kind}: ${Object.entries(f.params)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')}${f.href ? ` (${f.href})` : ''}`,
        );
      return EXIT.ok;
    },
  },
};
