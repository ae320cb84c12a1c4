import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config/config.ts';
import { bootstrapDatabase } from './bootstrap.ts';
import { createDb, type Db } from './db/database.ts';
import { hasDemoData } from './demo.ts';

if (existsSync('.env')) process.loadEnvFile('.env');

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(
      `vanortsportalen: cannot start.\n${error.message}\nSee .env.example for every variable.`,
    );
    process.exit(78); // EX_CONFIG
  }
  throw error;
}

// The pool reports lost connections; they are logged once the app (and its logger) exists.
let onConnectionLost = (_message: string): void => {};
const db: Db = createDb(config.database, (err) => onConnectionLost(err.message), {
  poolMax: config.databasePoolMax,
});
// The log is written asynchronously in 4 KB blocks (decision 030): a synchronous write per
// line cost a fifth of a cached page. Flushed every second, after start, and on shutdown.
const logDestination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
const flushLog = setInterval(() => logDestination.flush(), 1000);
flushLog.unref();
process.on('exit', () => {
  try {
    logDestination.flushSync();
  } catch {
    // Nothing more can be done about a log that cannot be written while exiting.
  }
});
const app = await buildApp({ config, db, logger: { stream: logDestination } });
onConnectionLost = (message) =>
  app.log.warn({ err: message }, 'database connection lost; the pool reconnects on demand');

/** Migrate and seed; on PostgreSQL that is not reachable yet, keep trying in the background. */
async function prepareDatabase(instance: FastifyInstance): Promise<boolean> {
  try {
    const result = await bootstrapDatabase(config, db);
    if (result.migrations.length)
      instance.log.info({ migrations: result.migrations }, 'database migrated');
    if (result.demoSeeded)
      instance.log.info('demo data seeded (labelled as example data on every page)');
    instance.state.demo = await hasDemoData(db);
    return true;
  } catch (error) {
    if (db.dialect === 'postgres' && !(await db.ping())) {
      instance.log.error(
        { err: (error as Error).message },
        'database unreachable at start: serving /readyz 503 and retrying every 5 s',
      );
      return false;
    }
    throw error;
  }
}

let ready = await prepareDatabase(app);
app.state.ready = ready;
let retry: NodeJS.Timeout | undefined;
if (!ready) {
  retry = setInterval(() => {
    if (ready) return;
    void prepareDatabase(app).then((ok) => {
      ready = ok;
      app.state.ready = ok;
      if (ok) {
        clearInterval(retry);
        app.log.info('database reachable: migrations and start-up done');
      }
    });
  }, 5000);
  retry.unref();
}

await app.listen({ port: config.port, host: config.host });
logDestination.flush();
if (config.schedulerEnabled) app.scheduler.start(app);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  clearInterval(retry);
  app.log.info({ signal }, 'shutting down gracefully');
  const force = setTimeout(() => {
    app.log.error('shutdown took too long; exiting');
    process.exit(1);
  }, config.shutdownTimeoutMs);
  force.unref();
  try {
    await app.close();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'error while shutting down');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
