import { MockActivityEnvironment } from '@temporalio/testing';
import type { Logger, LogLevel, LogMetadata } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_AFTER_ATTEMPTS } from '../../activities/data-errors.js';
import { createActivities } from '../../activities/index.js';
import { createDb } from '../../db/kysely.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertHousehold } from '../helpers/fixtures.js';

/** What the activity context's logger was told. */
class Recording implements Logger {
  readonly entries: { level: LogLevel; message: string; meta?: LogMetadata }[] = [];
  log(level: LogLevel, message: string, meta?: LogMetadata) {
    this.entries.push({ level, message, ...(meta ? { meta } : {}) });
  }
  trace = (message: string, meta?: LogMetadata) => this.log('TRACE', message, meta);
  debug = (message: string, meta?: LogMetadata) => this.log('DEBUG', message, meta);
  info = (message: string, meta?: LogMetadata) => this.log('INFO', message, meta);
  warn = (message: string, meta?: LogMetadata) => this.log('WARN', message, meta);
  error = (message: string, meta?: LogMetadata) => this.log('ERROR', message, meta);
}

/**
 * Issue 18: an activity failure that retrying may mend (the database is down)
 * is retried, and from ALERT_AFTER_ATTEMPTS on each failure raises an alert, so
 * a household is never stuck in silence; one that retrying cannot mend is
 * refused at once and raises none.
 */
describe('alerts of an activity that keeps failing', () => {
  let t: TestDatabase;
  const down = createDb('postgres://shoudi_app:unused@127.0.0.1:1/shoudi', { max: 1 });
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await down.destroy();
    await t?.destroy();
  });

  const event = (householdId: string, payload: Record<string, unknown> = {}) => ({
    householdId,
    eventKey: `${householdId}:alert-test:${JSON.stringify(payload)}`,
    kind: 'monitoring.visited',
    actorUserId: null,
    occurredAt: Date.now(),
    payload,
  });

  async function attempt(db: typeof down, attemptNo: number, input: ReturnType<typeof event>) {
    const logger = new Recording();
    const env = new MockActivityEnvironment({ attempt: attemptNo, activityType: 'recordHouseholdEvent' }, { logger });
    const error = await env.run(createActivities({ db }).recordHouseholdEvent, input).then(
      () => undefined,
      (e: unknown) => e as Error & { nonRetryable?: boolean },
    );
    return { error, alerts: logger.entries.filter((e) => e.level === 'ERROR' && e.message === 'activity failing repeatedly') };
  }

  it('says nothing while the database has been down for a few attempts, then alerts on every attempt from the tenth', async () => {
    const { row } = await insertHousehold(t.db, '白告警');
    const early = await attempt(down, ALERT_AFTER_ATTEMPTS - 1, event(row.id));
    expect(early.error).toBeDefined();
    expect(early.alerts).toEqual([]);

    const late = await attempt(down, ALERT_AFTER_ATTEMPTS, event(row.id));
    expect(late.error?.nonRetryable).not.toBe(true);
    expect(late.alerts).toEqual([
      { level: 'ERROR', message: 'activity failing repeatedly', meta: expect.objectContaining({ activity: 'recordHouseholdEvent', attempt: ALERT_AFTER_ATTEMPTS, cause: expect.any(String) }) },
    ]);
  });

  it('raises none for a failure retrying cannot mend (a refusal is not retried at all)', async () => {
    const { row } = await insertHousehold(t.db, '白拒绝');
    const refused = await attempt(t.db, ALERT_AFTER_ATTEMPTS + 5, event(row.id, { note: 'a\u0000b' }));
    expect(refused.error?.nonRetryable).toBe(true);
    expect(refused.alerts).toEqual([]);
    // and the good path raises none either
    expect(await attempt(t.db, ALERT_AFTER_ATTEMPTS + 5, event(row.id, { note: '正常' }))).toEqual({ error: undefined, alerts: [] });
  });
});
