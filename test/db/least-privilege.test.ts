import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { createDb } from '../../db/kysely.js';
import { runtimeRoleProblem } from '../../db/runtime-role.js';
import { householdEventsRepo } from '../../db/repositories/household-events.js';
import { householdFinancesRepo } from '../../db/repositories/household-finances.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/**
 * The API and the worker connect as shoudi_app (t.db): whatever they run, the
 * audit trail cannot be rewritten, emptied or bypassed from there.
 */
let t: TestDatabase;
let householdId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  const village = await t.db.selectFrom('jurisdictions').select(['id', 'parent_id']).where('name', '=', '东岗村').executeTakeFirstOrThrow();
  const household = await t.db
    .insertInto('households')
    .values({ county_id: '990101', town_id: village.parent_id!, village_id: village.id, address: '东岗村1号', head_name: '王某', category: 'unstable' })
    .returning('id')
    .executeTakeFirstOrThrow();
  householdId = household.id;
  await householdEventsRepo(t.db).append({ householdId, eventKey: `registered:${householdId}`, kind: 'household.registered', actorUserId: null, occurredAt: new Date(), payload: {} });
  await t.db
    .insertInto('household_members')
    .values({ household_id: householdId, name: '王某', id_number: '11010519491231002X', birth_date: '1949-12-31', sex: 'female', relation: 'head', labour_ability: 'none' })
    .execute();
  await householdFinancesRepo(t.db).append({
    householdId,
    key: `${householdId}:1`,
    source: 'application:1:1',
    recordedBy: null,
    recordedAt: new Date(),
    income: [{ period: '2026-09', kind: 'wages', yuan: 800 }],
    spending: [{ period: '2026-09', kind: 'medical', yuan: 300, rigid: true }],
  });
});
afterAll(async () => t?.destroy());

const PERMISSION_DENIED = /permission denied|must be owner/;

/** Append-only, each with a column to try: the app may add and read, never change, delete or empty. */
const APPEND_ONLY: Record<string, string> = {
  household_events: 'kind',
  household_income_records: 'amount_fen',
  household_spending_records: 'amount_fen',
  town_item_completions: 'summary',
  assistance_plans: 'measures',
  policy_profiles: 'body',
  // A member's correction and leaving update their own columns (2026_12_01_021); who the person is, never.
  household_members: 'id_number',
  household_facts: 'value',
};
const PROTECTED = [...Object.keys(APPEND_ONLY), 'households'];

async function refused(db: Kysely<Database>, statement: ReturnType<typeof sql.raw>) {
  await expect(statement.execute(db)).rejects.toThrow(PERMISSION_DENIED);
}

describe('the app’s role', () => {
  it('is a plain login role that owns nothing', async () => {
    const me = await sql<{ name: string; rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean; owned: string }>`
      select current_user as name, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls,
             (select count(*) from pg_class where relowner = r.oid)::text as owned
      from pg_roles r where rolname = current_user`.execute(t.db);
    expect(me.rows[0]).toEqual({ name: 'shoudi_app', rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, owned: '0' });
  });

  it('cannot switch triggers off with the replication role', async () => {
    await expect(sql`set session_replication_role = replica`.execute(t.db)).rejects.toThrow(/permission denied/);
  });

  it('cannot create tables or read the migrator’s', async () => {
    await refused(t.db, sql.raw('create table sneaky (id int)'));
    await refused(t.db, sql.raw('select * from kysely_migration'));
  });

  for (const table of PROTECTED) {
    it(`cannot truncate, disable the triggers of, or delete from ${table}`, async () => {
      await refused(t.db, sql.raw(`truncate ${table}`));
      await refused(t.db, sql.raw(`alter table ${table} disable trigger all`));
      await refused(t.db, sql.raw(`delete from ${table}`));
    });
  }

  for (const [table, column] of Object.entries(APPEND_ONLY)) {
    it(`cannot update ${table}`, async () => {
      await refused(t.db, sql.raw(`update ${table} set ${column} = ${column}`));
    });
  }

  it('cannot change who or where a household is, only what the workflow and the pairing change', async () => {
    for (const column of ['head_name', 'address', 'village_id', 'town_id', 'county_id', 'group_id', 'created_at']) {
      await refused(t.db, sql.raw(`update households set ${column} = ${column} where id = '${householdId}'`));
    }
    await t.db.transaction().execute(async (trx) => {
      await householdEventsRepo(trx).append({ householdId, eventKey: `stage:${householdId}`, kind: 'identification.confirmed', actorUserId: null, occurredAt: new Date(), payload: {} });
      await trx.updateTable('households').set({ stage: 'monitoring', category: 'marginal', updated_at: new Date() }).where('id', '=', householdId).execute();
    });
    const row = await t.db.selectFrom('households').select(['head_name', 'stage']).where('id', '=', householdId).executeTakeFirstOrThrow();
    expect(row).toEqual({ head_name: '王某', stage: 'monitoring' });
  });

  it('cannot change a household’s stage, category or responsible person without an entry in its file in the same transaction', async () => {
    const cadre = await t.db.selectFrom('users').select('id').where('username', '=', 'cun.donggang').executeTakeFirstOrThrow();
    for (const change of [{ stage: 'eliminated' }, { category: 'lifted_out' as const }, { responsible_user_id: cadre.id }]) {
      await expect(t.db.updateTable('households').set(change).where('id', '=', householdId).execute()).rejects.toThrow(/without an entry in its file/);
      // An entry written in another transaction earlier does not count.
      await expect(
        t.db.transaction().execute(async (trx) => {
          await trx.updateTable('households').set(change).where('id', '=', householdId).execute();
          await householdEventsRepo(t.db).append({ householdId, eventKey: `elsewhere:${JSON.stringify(change)}`, kind: 'household.note', actorUserId: null, occurredAt: new Date(), payload: {} });
        }),
      ).rejects.toThrow(/without an entry in its file/);
    }
    const row = await t.db.selectFrom('households').select(['stage', 'category', 'responsible_user_id']).where('id', '=', householdId).executeTakeFirstOrThrow();
    expect(row).toEqual({ stage: 'monitoring', category: 'marginal', responsible_user_id: null });
  });

  it('cannot reach a row’s change through an upsert on an append-only table', async () => {
    await expect(
      t.db
        .insertInto('household_events')
        .values({ household_id: householdId, event_key: `registered:${householdId}`, kind: 'household.registered', occurred_at: new Date(), payload: '{}' })
        .onConflict((oc) => oc.column('event_key').doUpdateSet({ kind: 'tampered' }))
        .execute(),
    ).rejects.toThrow(PERMISSION_DENIED);
  });

  it('gets SELECT, INSERT and UPDATE (not DELETE or TRUNCATE) on a table a later migration makes', async () => {
    await sql`create table later_table (id bigserial primary key, note text)`.execute(t.owner);
    try {
      await sql`insert into later_table (note) values ('a')`.execute(t.db);
      await sql`update later_table set note = 'b'`.execute(t.db);
      expect((await sql<{ note: string }>`select note from later_table`.execute(t.db)).rows).toEqual([{ note: 'b' }]);
      await refused(t.db, sql.raw('delete from later_table'));
      await refused(t.db, sql.raw('truncate later_table'));
    } finally {
      await sql`drop table later_table`.execute(t.owner);
    }
  });
});

describe('the owner', () => {
  it('is not a superuser either, and the triggers still refuse its changes', async () => {
    const me = await sql<{ rolsuper: boolean }>`select rolsuper from pg_roles where rolname = current_user`.execute(t.owner);
    expect(me.rows[0]?.rolsuper).toBe(false);
    await expect(sql`set session_replication_role = replica`.execute(t.owner)).rejects.toThrow(/permission denied/);
    await expect(sql.raw('delete from household_events').execute(t.owner)).rejects.toThrow(/append-only/);
  });
});

describe('the worker’s check of its role at start', () => {
  it('accepts the app, and refuses the owner and a superuser', async () => {
    expect(await runtimeRoleProblem(t.db)).toBeUndefined();
    expect(await runtimeRoleProblem(t.owner)).toMatch(/^DATABASE_URL connects as shoudi_owner, which owns \d+ table/);
    const superuser = createDb(inject('databaseUrl'), { max: 1 });
    try {
      expect(await runtimeRoleProblem(superuser)).toMatch(/a superuser$/);
    } finally {
      await superuser.destroy();
    }
  });
});
