/**
 * The part of autocannon@9's programmatic API that bench/run.ts uses
 * (autocannon ships no types). See node_modules/autocannon/README.md.
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. Ignored when `amount` is set; combine with `maxOverallRequests` to cap both. */
    duration?: number;
    /** Stop after this many requests; makes autocannon ignore `duration`. */
    amount?: number;
    /** Stop after this many requests overall, or when `duration` is up, whichever comes first. */
    maxOverallRequests?: number;
    pipelining?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    /** Each connection cycles through these requests, in order. */
    requests?: { method?: string; path?: string; headers?: Record<string, string> }[];
    title?: string;
  }

  /** hdr-histogram-percentiles-obj, as autocannon reports it. */
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p0_001: number;
    p0_01: number;
    p0_1: number;
    p1: number;
    p2_5: number;
    p10: number;
    p25: number;
    p50: number;
    p75: number;
    p90: number;
    p97_5: number;
    p99: number;
    p99_9: number;
    p99_99: number;
    p99_999: number;
  }

  export interface Result {
    title: string | undefined;
    url: string;
    connections: number;
    pipelining: number;
    /** Seconds the run took. */
    duration: number;
    samples: number;
    start: Date;
    finish: Date;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    resets: number;
    '1xx': number;
    '2xx': number;
    '3xx': number;
    '4xx': number;
    '5xx': number;
    statusCodeStats: Record<string, { count: number }>;
    /** Milliseconds per request. */
    latency: Histogram & { totalCount: number };
    /** Requests per sample interval (1 s); `total` is every completed request. */
    requests: Histogram & { total: number; sent: number };
    /** Bytes per sample interval (1 s); `total` is every byte read. */
    throughput: Histogram & { total: number };
  }

  /** Without a callback, autocannon returns an event emitter that is also a thenable. */
  export interface Instance extends EventEmitter, PromiseLike<Result> {
    stop(): void;
  }

  export default function autocannon(options: Options): Instance;
}
