import { currentYear } from '../shared/dates.ts';
import { getChain } from '../modules/cities/city.service.ts';
import { presentTurn } from '../modules/meetings/meeting.presenter.ts';
import { rotationQuery } from '../modules/meetings/meeting.schema.ts';
import { rotationOverview } from '../modules/meetings/rotation.service.ts';
import { CliFailure, EXIT, UsageError, type Command } from './core.ts';

function parse(values: { from?: string | undefined; count?: string | undefined }) {
  const parsed = rotationQuery.safeParse({ from: values.from, count: values.count });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}

export const rotationCommands: Record<string, Command> = {
  rotation: {
    options: ['from', 'count', 'json'],
    check: (values) => void parse(values),
    run: async ({ db, values, io }) => {
      const { from, count } = parse(values);
      const chain = await getChain(db);
      if (!chain) throw new CliFailure('no twin-city chain is registered.');
      const overview = await rotationOverview(db, chain, from ?? currentYear(), count);
      const turns = overview.turns.map((turn) => presentTurn(turn, 'sv'));
      if (values.json) {
        io.out(JSON.stringify(turns, null, 2));
        return EXIT.ok;
      }
      io.out(`${'Year'.padEnd(6)}${'Host'.padEnd(14)}Status`);
      for (const t of turns)
        io.out(`${String(t.year).padEnd(6)}${t.host.name.padEnd(14)}${t.status}`);
      if (overview.homeNext) io.out(`\nThe home city hosts next in ${overview.homeNext.year}.`);
      if (overview.p3 && !overview.p3.ok)
        io.out(
          `Warning (P3): the home city hosts every ${overview.p3.cycleYears} years, not every ${overview.p3.requiredYears}.`,
        );
      return EXIT.ok;
    },
  },
};
