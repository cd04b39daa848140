/**
 * The API, a worker and the Temporal server that persists to PostgreSQL with
 * several history shards — the production path — instead of the dev server:
 * a household registered, identified and re-assessed at its monthly update,
 * its history in Temporal's own database. Run by `npm run test:temporal-postgres`
 * (it builds the server from the Go module when not cached: minutes from empty
 * Go caches, which is why `npm test` does not run it).
 */
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { HISTORY_SHARDS, TEMPORAL_DATABASES } from '../../platform/temporal-postgres.js';
import { fileEvents, loginAll, monitoredHousehold, thisMonth, type Tokens } from '../helpers/journeys.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';

const stack = useStack({ server: 'postgres', api: true, cadences: true, beforeStart: (t) => demoCountyWithoutNotice(t.db, 'pg-temporal-no-notice') });
let tokens: Tokens;
beforeAll(async () => {
  tokens = await loginAll(stack.api);
});

async function inTemporalDatabase<T>(statement: string, params: unknown[] = []): Promise<T[]> {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${TEMPORAL_DATABASES.history}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(statement, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('the household workflow on the Temporal server that persists to PostgreSQL', () => {
  it('identifies a household and re-assesses its monthly update; the run and its history are rows of Temporal’s database, which has its history shards', async () => {
    const { api } = stack;
    const id = await monitoredHousehold(api, tokens, '蒋一');
    const month = thisMonth();
    const update = await api.call('POST', `/households/${id}/monthly-updates`, {
      token: tokens.cadre,
      body: { period: month, income: [{ period: month, kind: 'wages', yuan: 30000 }], memberCount: 1 },
    });
    expect(update).toMatchObject({ status: 200, body: { period: month, signal: 'elimination_suggested' } });
    const kinds = (await fileEvents(api, tokens.town, id)).map((e: { kind: string }) => e.kind);
    expect(kinds.slice(-3)).toEqual(['monthly_update.submitted', 'monitoring.assessed', 'monitoring.elimination_suggested']);

    const shards = await inTemporalDatabase<{ n: string }>('select count(*) as n from shards');
    expect(Number(shards[0]?.n)).toBe(HISTORY_SHARDS);
    const runs = await inTemporalDatabase<{ workflow_id: string; shard_id: number }>('select workflow_id, shard_id from executions where workflow_id = $1', [`household-${id}`]);
    expect(runs).toHaveLength(1);
    const events = await inTemporalDatabase<{ n: string }>('select count(*) as n from history_node where shard_id = $1', [runs[0]?.shard_id]);
    expect(Number(events[0]?.n)).toBeGreaterThan(0);
  });
});
