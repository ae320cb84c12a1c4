import { resolve } from 'node:path';
import { recordAudit, type Actor } from '../modules/audit/index.ts';
import { BackupError, restoreBackup, writeBackup } from '../db/backup.ts';
import { CliFailure, EXIT, UsageError, type Command } from './core.ts';

// `vanort backup FILE` and `vanort restore FILE` (issue 18 point 3, decision 042): the engine is
// src/db/backup.ts; here the arguments, the audit events and what the operator reads.

const CLI_ACTOR: Actor = { userId: null, label: 'cli', ip: null };

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function fileArgument(args: string[], command: string): string {
  const file = args[0];
  if (!file)
    throw new UsageError(`${command} needs the archive's file name: vanort ${command} FILE`);
  return file;
}

type CommandContext = Parameters<Command['run']>[0];

/**
 * A command on one archive, `vanort <name> FILE`: `work` gets the file's full path and the
 * seconds since it began; a BackupError is the failure `<failure>: <message>`.
 */
function archiveCommand(
  name: string,
  failure: string,
  work: (ctx: CommandContext, file: string, seconds: () => string) => Promise<void>,
): Command {
  return {
    options: [],
    positionals: 1,
    check: (_values, args) => void fileArgument(args, name),
    run: async (ctx) => {
      const file = resolve(fileArgument(ctx.args, name));
      const started = Date.now();
      try {
        await work(ctx, file, () => ((Date.now() - started) / 1000).toFixed(1));
        return EXIT.ok;
      } catch (error) {
        if (error instanceof BackupError) throw new CliFailure(`${failure}: ${error.message}`);
        throw error;
      }
    },
  };
}

/** The audit event of a backup or a restore: the file and what `changes` add, all new. */
const archiveEvent = (action: string, changes: Record<string, unknown>) => ({
  entity: 'backup',
  entityId: null,
  action,
  changes: Object.fromEntries(
    Object.entries(changes).map(([field, after]) => [field, { before: null, after }]),
  ),
});

export const backupCommands: Record<string, Command> = {
  backup: archiveCommand('backup', 'no backup written', async ({ db, io }, file, seconds) => {
    const { bytes, manifest } = await writeBackup(db, file);
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    await recordAudit(
      db.kysely,
      CLI_ACTOR,
      archiveEvent('backup', { file, schema: manifest.migrations.at(-1), rows }),
    );
    io.out(
      `Backed up ${manifest.tables.length} tables (${rows} rows, schema ${manifest.migrations.at(-1)}) to ${file} (${megabytes(bytes)}) in ${seconds()} s.`,
    );
  }),
  restore: archiveCommand('restore', 'nothing restored', async ({ db, io }, file, seconds) => {
    const result = await restoreBackup(db, file, (trx, data) =>
      recordAudit(
        trx,
        CLI_ACTOR,
        archiveEvent('restore', {
          file,
          created_at: data.manifest.createdAt,
          dialect: data.manifest.dialect,
          schema: data.manifest.migrations.at(-1),
          rows: data.rows,
        }),
      ),
    );
    const { manifest } = result;
    io.out(
      `Restored ${manifest.tables.length} tables (${result.rows} rows) from the backup of ${manifest.createdAt} (${manifest.dialect}, schema ${manifest.migrations.at(-1)}) in ${seconds()} s.`,
    );
    if (result.skipped.length > 0)
      io.out(
        `Left empty, as the backup is from ${manifest.dialect}: ${result.skipped.join(', ')} (the search index, rebuilt at its next refresh).`,
      );
    if (result.migrated.length > 0)
      io.out(
        `Then applied ${result.migrated.length} newer migration(s): ${result.migrated.join(', ')}.`,
      );
  }),
};
