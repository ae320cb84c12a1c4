import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDatabaseUrl } from './config.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => p.variable);
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has working defaults: SQLite under data/, port 3000', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ dialect: 'sqlite', path: 'data/vanort.sqlite' });
    expect(config.port).toBe(3000);
    expect(config.env).toBe('development');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names the variable of every bad value', () => {
    expect(problems({ PORT: 'abc' })).toEqual(['PORT']);
    expect(problems({ PORT: '70000' })).toEqual(['PORT']);
    expect(problems({ DATABASE_URL: 'mysql://localhost/x' })).toEqual(['DATABASE_URL']);
    expect(problems({ DATABASE_URL: 'sqlite:' })).toEqual(['DATABASE_URL']);
    expect(problems({ PORT: 'x', DATABASE_URL: 'nonsense', NODE_ENV: 'prod' }).sort()).toEqual([
      'DATABASE_URL',
      'NODE_ENV',
      'PORT',
    ]);
  });

  it('says what a good value looks like', () => {
    try {
      loadConfig({ DATABASE_URL: 'postgres//nohost' });
    } catch (error) {
      expect((error as Error).message).toContain('DATABASE_URL');
      expect((error as Error).message).toContain('sqlite:PATH');
    }
    expect.assertions(2);
  });

  it('limits the login and reset forms per address by default, and takes 0 for off', () => {
    const defaults = loadConfig({});
    expect(defaults.loginRateLimit).toBe(20);
    expect(defaults.resetRateLimit).toBe(10);
    const off = loadConfig({ LOGIN_RATE_LIMIT: '0', RESET_RATE_LIMIT: '0' });
    expect([off.loginRateLimit, off.resetRateLimit]).toEqual([0, 0]);
    expect(problems({ LOGIN_RATE_LIMIT: 'many', RESET_RATE_LIMIT: '-1' }).sort()).toEqual([
      'LOGIN_RATE_LIMIT',
      'RESET_RATE_LIMIT',
    ]);
  });

  it('refuses demo data in production', () => {
    expect(
      problems({
        NODE_ENV: 'production',
        DEMO_DATA: 'on',
        COOKIE_SECRET: 'x'.repeat(32),
        PUBLIC_URL: 'https://vanort.example',
      }),
    ).toEqual(['DEMO_DATA']);
    expect(problems({ NODE_ENV: 'production' })).toEqual(['PUBLIC_URL']);
    expect(problems({ NODE_ENV: 'production', PUBLIC_URL: 'https://vanort.example' })).toEqual([
      'COOKIE_SECRET',
    ]);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', PUBLIC_URL: '' }).port).toBe(3000);
  });
});

describe('parseDatabaseUrl', () => {
  it('reads SQLite and PostgreSQL URLs', () => {
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', path: ':memory:' });
    expect(parseDatabaseUrl('postgres://u:p@127.0.0.1:5432/db')).toEqual({
      dialect: 'postgres',
      url: 'postgres://u:p@127.0.0.1:5432/db',
    });
    expect(parseDatabaseUrl('postgresql://u@db/x')?.dialect).toBe('postgres');
    expect(parseDatabaseUrl('http://x')).toBeNull();
    expect(parseDatabaseUrl('postgres://')).toBeNull();
  });
});
