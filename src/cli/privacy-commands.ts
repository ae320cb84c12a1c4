import pino from 'pino';
import { createMailer } from '../platform/mail/mailer.ts';
import { runJob } from '../platform/scheduler.ts';
import { jobs } from '../modules/registry.ts';
import { retentionDryRun } from '../modules/privacy/index.ts';
import { CliFailure, EXIT, type Command } from './core.ts';

// `vanort privacy retention [--dry-run] [--json]` (issue 18, point 1): what the retention rules
// erase now; with --dry-run only listed, without it the retention jobs run (recorded in job_run).

export const privacyCommands: Record<string, Command> = {
  'privacy retention': {
    options: ['dry-run', 'json'],
    run: async ({ db, config, values, io }) => {
      const now = new Date();
      const results = await retentionDryRun(db, now, config);
      if (values['dry-run']) {
        if (values.json) {
          io.out(JSON.stringify(results, null, 2));
          return EXIT.ok;
        }
        io.out(`Retention dry run at ${now.toISOString()}: nothing is changed.`);
        for (const r of results) {
          io.out(
            `${r.rule.padEnd(24)} ${String(r.items.length).padStart(6)} in ${r.table} (job ${r.job}, ${r.days} days)`,
          );
          for (const item of r.items) io.out(`  ${item.table} ${item.id}`);
        }
        return EXIT.ok;
      }
      const names = [...new Set(results.map((r) => r.job))];
      const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
      let failed = false;
      try {
        for (const name of names) {
          const job = jobs.find((j) => j.name === name);
          if (!job) throw new CliFailure(`there is no job "${name}".`);
          const result = await runJob(job, {
            db,
            mailer,
            now,
            publicUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
            log: pino({ level: 'warn' }),
            config,
          });
          if (!result.ran) {
            io.out(`${name}: running in another instance; skipped`);
            continue;
          }
          failed ||= result.outcome !== 'ok';
          io.out(`${name}: ${result.outcome}${result.details ? ` (${result.details})` : ''}`);
        }
      } finally {
        mailer.close();
      }
      return failed ? EXIT.failed : EXIT.ok;
    },
  },
};
