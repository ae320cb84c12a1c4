import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config.ts';
import { classLabel, DEFAULT_PLAN, planOf } from './records.plan.ts';

describe('the classification plan (RECORDS_CLASSIFICATION_PLAN)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const refusal = (path: string) => {
    try {
      loadConfig({ RECORDS_CLASSIFICATION_PLAN: path });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
    throw new Error('expected a ConfigError');
  };

  it('is the module’s default when unset, and the file’s plan when set', () => {
    expect(planOf(loadConfig({}))).toBe(DEFAULT_PLAN);
    const plan = [
      { code: '2.1', title: 'Internationella relationer' },
      { code: '2.1.4', title: 'Vänorter' },
    ];
    const config = loadConfig({
      RECORDS_CLASSIFICATION_PLAN: file('plan.json', JSON.stringify(plan)),
    });
    expect(planOf(config)).toEqual(plan);
    expect(classLabel(planOf(config), '2.1.4')).toBe('2.1.4 Vänorter');
    // A code a new plan lacks is shown bare.
    expect(classLabel(planOf(config), '1.4.2')).toBe('1.4.2');
  });

  it('stops the start with the variable named when the file is missing or wrong', () => {
    for (const path of [
      join(dir, 'missing.json'),
      file('broken.json', '[{"code": '),
      file('empty.json', '[]'),
      file('code.json', '[{ "code": "vänorter", "title": "x" }]'),
      file('twice.json', '[{ "code": "1.4", "title": "a" }, { "code": "1.4", "title": "b" }]'),
    ]) {
      const problems = refusal(path);
      expect(
        problems.map((p) => p.variable),
        path,
      ).toEqual(['RECORDS_CLASSIFICATION_PLAN']);
    }
    expect(refusal(join(dir, 'missing.json'))[0]!.message).toContain('readable JSON file');
  });
});
