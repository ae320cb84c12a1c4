import type { FastifyInstance } from 'fastify';

/**
 * /healthz: the process is up (for liveness probes; never touches the database).
 * /readyz: the database answers (for readiness probes; 503 while it does not).
 * Transitions are logged once, not every probe.
 */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  let lastReady: boolean | null = null;

  app.get('/healthz', { config: { permission: 'public' } }, async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );

  app.get('/readyz', { config: { permission: 'public' } }, async (request, reply) => {
    const ready = await app.db.ping(2000);
    if (ready !== lastReady) {
      if (ready) {
        if (lastReady === false)
          request.log.info({ dialect: app.db.dialect }, 'database reachable again');
      } else {
        request.log.error(
          { dialect: app.db.dialect },
          'database unreachable: /readyz answers 503 until it is back',
        );
      }
      lastReady = ready;
    }
    return reply
      .status(ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: ready ? 'ok' : 'unavailable', database: ready ? 'ok' : 'unreachable' });
  });
}
