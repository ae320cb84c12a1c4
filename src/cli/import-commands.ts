import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { i18nFor } from '../platform/i18n/i18n.ts';
import { AppError } from '../shared/errors.ts';
import { importFile } from '../modules/collaborations/import.run.ts';
import { IMPORT_FIELDS } from '../modules/collaborations/import.rows.ts';
import { CliFailure, EXIT, UsageError, type Command } from './core.ts';

/** Problems shown at most; the rest are counted. */
const SHOWN = 200;

export const importCommands: Record<string, Command> = {
  import: {
    options: ['file', 'organisation', 'dry-run'],
    check: (values) => {
      if (!values.file || !values.organisation)
        throw new UsageError('import needs --file F and --organisation SLUG');
    },
    run: async ({ db, values, io }) => {
      const text = i18nFor('sv').tDynamic;
      let data: Buffer;
      try {
        data = await readFile(values.file!);
      } catch (error) {
        throw new CliFailure(`cannot read ${values.file}: ${(error as Error).message}`);
      }
      const started = Date.now();
      let lastShown = 0;
      try {
        const result = await importFile(
          db,
          { userId: null, label: 'cli', ip: null },
          {
            filename: basename(values.file!),
            data,
            organisationSlug: values.organisation!,
            dryRun: values['dry-run'] === true,
            onProgress: (done, total) => {
              if (done === total || done - lastShown >= Math.max(500, total / 10)) {
                lastShown = done;
                io.out(`imported ${done}/${total} rows`);
              }
            },
          },
        );
        io.out(
          `${result.total} rows, ${result.valid} valid, ${result.problems.length} problem(s). Columns: ` +
            IMPORT_FIELDS.filter((f) => result.mapping[f])
              .map((f) => `${f} <- "${result.mapping[f]}"`)
              .join(', '),
        );
        for (const p of result.problems.slice(0, SHOWN))
          io.err(`row ${p.row}, column "${p.column}": ${text(p.message, p.params)}`);
        if (result.problems.length > SHOWN)
          io.err(`… and ${result.problems.length - SHOWN} more problem(s)`);
        if (result.problems.length) {
          io.err('Nothing was imported: fix the file and run again.');
          return EXIT.failed;
        }
        if (result.imported === null) io.out('Dry run: the file is valid; nothing was written.');
        else
          io.out(
            `Imported ${result.imported} collaborations in ${((Date.now() - started) / 1000).toFixed(1)} s; they wait in the review queue.`,
          );
        return EXIT.ok;
      } catch (error) {
        if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
          const problems = (error.details.problems ?? []) as { path: string; message: string }[];
          throw new CliFailure(problems.map((p) => `${p.path}: ${text(p.message)}`).join('; '));
        }
        throw error;
      }
    },
  },
};
