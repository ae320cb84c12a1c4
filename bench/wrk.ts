/**
 * Load from a separate process, as the issue measured: wrk (/usr/bin/wrk), 2 threads, bounded
 * by time (`-d`) and a 10 s timeout per request; loopback only. Every figure comes from wrk's
 * own latency histogram (bench/wrk.lua prints it as JSON).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./wrk.lua', import.meta.url));
export const WRK = process.env.WRK ?? '/usr/bin/wrk';

export interface WrkFigures {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  bytesPerResponse: number;
  /** Connect, read, write errors, timeouts and responses of status ≥ 400. */
  errors: number;
}

export async function wrk(
  base: string,
  paths: readonly string[],
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<WrkFigures> {
  const url = new URL(base);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost')
    throw new Error(`wrk: loopback only, not ${url.hostname}`);
  const args = [
    '-t',
    String(Math.min(2, options.connections)),
    '-c',
    String(options.connections),
    '-d',
    `${options.seconds}s`,
    '--timeout',
    '10s',
    '-s',
    SCRIPT,
    ...Object.entries(options.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
    base,
    '--',
    ...paths,
  ];
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      WRK,
      args,
      { timeout: (options.seconds + 30) * 1000, maxBuffer: 1 << 20 },
      (error, out, err) =>
        error ? reject(new Error(`wrk failed: ${error.message}\n${err}`)) : resolve(out),
    );
  });
  const line = stdout.split('\n').find((l) => l.startsWith('WRKJSON '));
  if (!line) throw new Error(`wrk printed no figures:\n${stdout}`);
  const r = JSON.parse(line.slice(8)) as Record<string, number>;
  const ms = (us: number) => Math.round(us / 10) / 100;
  const requests = r.requests!;
  return {
    requests,
    requestsPerSecond: Math.round(requests / (r.durationUs! / 1e6)),
    p50Ms: ms(r.p50Us!),
    p95Ms: ms(r.p95Us!),
    p99Ms: ms(r.p99Us!),
    maxMs: ms(r.maxUs!),
    bytesPerResponse: requests ? Math.round(r.bytes! / requests) : 0,
    errors: r.connectErrors! + r.readErrors! + r.writeErrors! + r.statusErrors! + r.timeouts!,
  };
}
