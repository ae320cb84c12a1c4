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

export const backupCommands: Record<string, Command> = {
  backup: {
    options: [],
    positionals: 1,
    check: (_values, args) => void fileArgument(args, 'backup'),
    run: async ({ db, io, args }) => {
      const file = resolve(fileArgument(args, 'backup'));
      const started = Date.now();
      try {
        const { bytes, manifest } = await writeBackup(db, file);
        const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
        await recordAudit(db.kysely, CLI_ACTOR, {
          entity: 'backup',
          entityId: null,
          action: 'backup',
          changes: {
            file: { before: null, after: file },
            schema: { before: null, after: manifest.migrations.at(-1) },
            rows: { before: null, after: rows },
          },
        });
        io.out(
          `Backed up ${manifest.tables.length} tables (${rows} rows, schema ${manifest.migrations.at(-1)}) to ${file} (${megabytes(bytes)}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
        return EXIT.ok;
      } catch (error) {
        if (error instanceof BackupError)
          throw new CliFailure(`no backup written: ${error.message}`);
        throw error;
      }
    },
  },
  restore: {
    options: [],
    positionals: 1,
    check: (_values, args) => void fileArgument(args, 'restore'),
    run: async ({ db, io, args }) => {
      const file = resolve(fileArgument(args, 'restore'));
      const started = Date.now();
      try {
        const result = await restoreBackup(db, file, (trx, data) =>
          recordAudit(trx, CLI_ACTOR, {
            entity: 'backup',
            entityId: null,
            action: 'restore',
            changes: {
              file: { before: null, after: file },
              created_at: { before: null, after: data.manifest.createdAt },
              dialect: { before: null, after: data.manifest.dialect },
              schema: { before: null, after: data.manifest.migrations.at(-1) },
              rows: { before: null, after: data.rows },
            },
          }),
        );
        const { manifest } = result;
        io.out(
          `Restored ${manifest.tables.length} tables (${result.rows} rows) from the backup of ${manifest.createdAt} (${manifest.dialect}, schema ${manifest.migrations.at(-1)}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
        if (result.skipped.length > 0)
          io.out(
            `Left empty, as the backup is from ${manifest.dialect}: ${result.skipped.join(', ')} (the search index, rebuilt at its next refresh).`,
          );
        if (result.migrated.length > 0)
          io.out(
            `Then applied ${result.migrated.length} newer migration(s): ${result.migrated.join(', ')}.`,
          );
        return EXIT.ok;
      } catch (error) {
        if (error instanceof BackupError)
          throw new CliFailure(`nothing restored: ${error.message}`);
        throw error;
      }
    },
  },
};
