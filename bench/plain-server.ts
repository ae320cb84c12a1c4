/**
 * The baseline for bench/run.ts: a bare node:http server that answers every request with
 * the same bytes and content-type (argv: BODY_FILE CONTENT_TYPE). It listens on a free
 * loopback port and reports it to the parent over IPC. Run in its own process so that it
 * does not share an event loop (or a CPU) with autocannon, just like the real server.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [bodyFile, contentType] = process.argv.slice(2);
if (!bodyFile || !contentType || !process.send) {
  console.error('usage: run from bench/run.ts (needs BODY_FILE CONTENT_TYPE and an IPC channel)');
  process.exit(2);
}

const body = readFileSync(bodyFile);
const headers = { 'content-type': contentType, 'content-length': String(body.length) };

const server = createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
});

function stop(): void {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The harness went away without telling us: do not linger.
process.on('disconnect', stop);

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  process.send?.({ port: address.port });
});
