import pino from 'pino';
import { createMailer } from '../platform/mail/mailer.ts';
import { runJob } from '../platform/scheduler.ts';
import { jobs } from '../modules/registry.ts';
import { CliFailure, EXIT, UsageError, type Command } from './core.ts';

export const jobCommands: Record<string, Command> = {
  'job list': {
    options: [],
    run: ({ io }) => {
      if (jobs.length === 0) io.out('No scheduled jobs.');
      for (const job of jobs) io.out(`${job.name.padEnd(28)} ${job.cron}`);
      return Promise.resolve(EXIT.ok);
    },
  },
  'job run': {
    options: ['name'],
    check: (values) => {
      if (!values.name) throw new UsageError('job run needs --name JOB (see "vanort job list")');
    },
    run: async ({ db, config, values, io }) => {
      const job = jobs.find((j) => j.name === values.name);
      if (!job) throw new CliFailure(`there is no job "${values.name}"; see "vanort job list".`);
      const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
      try {
        const result = await runJob(job, {
          db,
          mailer,
          publicUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
          log: pino({ level: 'warn' }),
          config,
        });
        if (!result.ran) throw new CliFailure(`${job.name} is running in another instance.`);
        io.out(`${job.name}: ${result.outcome}${result.details ? ` (${result.details})` : ''}`);
        return result.outcome === 'ok' ? EXIT.ok : EXIT.failed;
      } finally {
        mailer.close();
      }
    },
  },
};
