import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One log line per request (decision 045): Fastify writes two, "incoming request" with the
 * request and "request completed" with the status and time, and each is a serialisation and a
 * write. This writes only the second, with the request in it (method, redacted URL, host,
 * address: src/platform/log-redaction.ts), so every line still says who asked what and how it
 * ended. Errors, stream errors and the rest are logged as Fastify logs them. The front of the
 * page cache (front-cache.ts) writes the same line for the hits it answers.
 */
export class OneLineRequestLog extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest(): void {
    // Said by requestCompleted, in the same line.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    if (error) {
      reply.log.error(
        { req: request, res: reply, err: error, responseTime: reply.elapsedTime },
        'request errored',
      );
    } else {
      reply.log.info(
        { req: request, res: reply, responseTime: reply.elapsedTime },
        'request completed',
      );
    }
  }
}
