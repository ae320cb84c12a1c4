import { expect, it } from 'vitest';
import { runSoak } from '../../bench/soak.ts';

/**
 * The soak's short form (issue 17, point 6): `npm run soak` runs it for 10 minutes on the
 * built server; here 20 seconds on the source, bounded in requests. Zero errors; the memory
 * figures are recorded, not judged (20 s is too short for a slope).
 */
it('serves a mixed read and write load without a single error', async () => {
  const result = await runSoak({ seconds: 20, maxRequests: 20_000, readers: 4, server: 'source' });
  expect(result.errorSamples).toEqual([]);
  expect(result.errors).toBe(0);
  expect(result.writes).toBeGreaterThan(10);
  expect(result.requests).toBeGreaterThan(200);
  expect(result.samples.length).toBeGreaterThan(5);
}, 120_000);
