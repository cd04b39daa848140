import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/**
 * The comparison's kept rows name their batch, household and member through
 * checks run once per statement (migration 057), not row-level foreign keys:
 * the database still refuses a row naming a batch, household or member that
 * does not exist — one bad row among good ones refuses the whole statement,
 * an update as an insert — and still refuses to delete what a row names.
 */
let t: TestDatabase;
let batchId: string;
let householdId: string;
let memberId: string;
let seq = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  const user = await t.db.selectFrom('users').select('id').where('username', '=', 'xian.xczx').executeTakeFirstOrThrow();
  const department = await t.db.selectFrom('departments').select('id').executeTakeFirstOrThrow();
  householdId = (
    await t.db
      .insertInto('households')
      .values({ county_id: '990101', town_id: '990101001', village_id: '990101001201', address: '东岗村1号', head_name: '户主1', category: 'unstable' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  memberId = (
    await t.owner
      .insertInto('household_members')
      .values({ household_id: householdId, name: '成员', id_number: '110101197001011006', birth_date: '1970-01-01', sex: 'male', relation: 'head', labour_ability: 'capable' } as never)
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  batchId = (
    await sql<{ id: string }>`
      insert into comparison_batches (county_id, feed, department_id, month, file_name, file_sha256, uploaded_by, received_at, rows_received, matched, unknown, rejected, no_consent, warnings, households_affected)
      values ('990101', 'ylbx', ${department.id}, '2026-11', 'yb.csv', ${'0'.repeat(64)}, ${user.id}, now(), 2, 0, 1, 0, 1, 0, 0) returning id`.execute(t.db)
  ).rows[0]!.id;
});
afterAll(async () => t?.destroy());

const row = (over: Record<string, unknown>) => ({ batch_id: batchId, row_no: (seq += 1), id_number: '110101197001011006', outcome: 'no_consent', household_id: householdId, member_id: memberId, ...over });
const rowsOf = async () => Number((await sql<{ n: string }>`select count(*) as n from comparison_rows`.execute(t.db)).rows[0]!.n);

describe('the comparison kept rows name what exists', () => {
  it('keeps rows of a batch, household and member that exist, and rows of unknown persons, in one statement', async () => {
    await t.db.insertInto('comparison_rows').values([row({}), row({ outcome: 'unknown', household_id: null, member_id: null })] as never).execute();
    expect(await rowsOf()).toBe(2);
  });

  it('refuses the whole statement when one row names a batch, household or member that does not exist', async () => {
    const before = await rowsOf();
    await expect(t.db.insertInto('comparison_rows').values([row({}), row({ batch_id: randomUUID() })] as never).execute()).rejects.toThrow(/comparison_rows_batch_fkey/);
    await expect(t.db.insertInto('comparison_rows').values([row({}), row({ household_id: randomUUID() })] as never).execute()).rejects.toThrow(/comparison_rows_household_id_fkey/);
    await expect(t.db.insertInto('comparison_rows').values([row({ member_id: randomUUID() })] as never).execute()).rejects.toMatchObject({ code: '23503', message: expect.stringMatching(/comparison_rows_member_id_fkey/) });
    expect(await rowsOf()).toBe(before);
    await expect(sql`update comparison_rows set member_id = ${randomUUID()} where household_id is not null`.execute(t.db)).rejects.toThrow(/comparison_rows_member_id_fkey/);
    await expect(sql`update comparison_rows set batch_id = ${randomUUID()}`.execute(t.db)).rejects.toMatchObject({ code: '23503' });
  });

  it('refuses to delete a batch, household or member a row names, or to change its key, even for the owner', async () => {
    await expect(sql`delete from comparison_batches where id = ${batchId}`.execute(t.owner)).rejects.toThrow(/comparison_rows_batch_fkey/);
    await expect(sql`update comparison_batches set id = ${randomUUID()} where id = ${batchId}`.execute(t.owner)).rejects.toThrow(/comparison_rows_batch_fkey/);
    await expect(sql`delete from household_members where id = ${memberId}`.execute(t.owner)).rejects.toThrow(/comparison_rows_member_id_fkey/);
    await expect(sql`delete from households where id = ${householdId}`.execute(t.owner)).rejects.toMatchObject({ code: '23503' });
    // Once no row names the member, it can go (nothing else names it).
    await sql`delete from comparison_rows where member_id = ${memberId}`.execute(t.owner);
    await sql`delete from household_members where id = ${memberId}`.execute(t.owner);
  });
});
