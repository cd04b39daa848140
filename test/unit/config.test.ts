import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../platform/config.js';

describe('configuration', () => {
  it('falls back to embedded defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.TEMPORAL_ADDRESS).toBeUndefined();
    expect(config.API_PORT).toBe(3000);
    expect(config.TEMPORAL_TASK_QUEUE).toBe('shoudi-households');
  });

  it('treats an empty variable as unset', () => {
    expect(parseConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names every wrong variable in one message', () => {
    const attempt = () => parseConfig({ API_PORT: 'eighty', DATABASE_URL: 'mysql://x', TEMPORAL_ADDRESS: 'temporal' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/API_PORT/);
    expect(attempt).toThrow(/DATABASE_URL: must start with postgres/);
    expect(attempt).toThrow(/TEMPORAL_ADDRESS: must be host:port/);
  });

  it('accepts an external database and Temporal cluster', () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://u:p@db:5432/shoudi', TEMPORAL_ADDRESS: 'temporal:7233' });
    expect(config.DATABASE_URL).toBe('postgres://u:p@db:5432/shoudi');
    expect(config.TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  it('names a refused secret without echoing its value', () => {
    const attempt = () => parseConfig({ SHOUDI_ADMIN_PASSWORD: 'short-pw1', DATABASE_URL: 'mysql://admin:hunter2-secret@db/x', API_PORT: 'eighty' });
    let message = '';
    try {
      attempt();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/SHOUDI_ADMIN_PASSWORD: must be at least 10 characters \(got a value of 9 characters, not shown\)/);
    expect(message).toMatch(/DATABASE_URL: must start with postgres/);
    expect(message).not.toContain('short-pw1');
    expect(message).not.toContain('hunter2');
    // An ordinary variable is still echoed, so that the operator sees the typo.
    expect(message).toContain('"eighty"');
  });
});
