import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdFinancesRepo, type FinanceSubmission } from '../../db/repositories/household-finances.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertHousehold } from '../helpers/fixtures.js';

/**
 * The income and spending lines name their household and recorder through a
 * check per statement (2026_12_02_051), not a foreign key per line: the
 * database still refuses a dangling reference, from either side.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

const submission = (householdId: string, recordedBy: string | null): FinanceSubmission => ({
  householdId,
  key: `test:${randomUUID()}`,
  source: 'application:1:1',
  recordedBy,
  recordedAt: new Date(),
  income: [{ period: '2026-09', kind: 'wages', yuan: 800 }],
  spending: [{ period: '2026-09', kind: 'medical', yuan: 300, rigid: true }],
});
const count = async () =>
  Number((await sql<{ n: string }>`select (select count(*) from household_income_records) + (select count(*) from household_spending_records) as n`.execute(t.db)).rows[0]!.n);

describe('the lines’ references, checked once per statement', () => {
  it('refuses a line of a household or by a user that does not exist, as a foreign key does (23503), and writes nothing of the statement', async () => {
    const { row } = await insertHousehold(t.db);
    const user = await t.db.selectFrom('users').select('id').where('username', '=', 'xian.xczx').executeTakeFirstOrThrow();
    await householdFinancesRepo(t.db).append(submission(row.id, user.id));
    const before = await count();
    await expect(householdFinancesRepo(t.db).append(submission(randomUUID(), user.id))).rejects.toMatchObject({ code: '23503' });
    await expect(householdFinancesRepo(t.db).append(submission(row.id, randomUUID()))).rejects.toMatchObject({ code: '23503' });
    // One dangling line among good ones refuses the whole INSERT.
    const lines = [row.id, row.id, randomUUID()].map((householdId, i) => ({
      household_id: householdId, period: '2026-10', kind: 'wages' as const, amount_fen: 100, source: 'test', submission_key: 'many', entry_key: `many:${randomUUID()}:${i}`, recorded_by: user.id, recorded_at: new Date(),
    }));
    await expect(t.db.insertInto('household_income_records').values(lines).execute()).rejects.toMatchObject({ code: '23503' });
    expect(await count()).toBe(before);
  });

  it('refuses, even to the owner, deleting a household or user the lines name or changing its id', async () => {
    const { row } = await insertHousehold(t.db, '赵六');
    const user = await t.owner
      .insertInto('users')
      .values({ username: `recorder.${randomUUID().slice(0, 8)}`, display_name: '录入员', password_hash: 'x', role: 'village_cadre', jurisdiction_id: '990101001201', department_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await householdFinancesRepo(t.db).append(submission(row.id, user.id));
    await expect(t.owner.deleteFrom('households').where('id', '=', row.id).execute()).rejects.toMatchObject({ code: '23503' });
    await expect(sql`update households set id = gen_random_uuid() where id = ${row.id}`.execute(t.owner)).rejects.toMatchObject({ code: '23503' });
    await expect(t.owner.deleteFrom('users').where('id', '=', user.id).execute()).rejects.toMatchObject({ code: '23503' });
    await expect(sql`update users set id = gen_random_uuid() where id = ${user.id}`.execute(t.owner)).rejects.toMatchObject({ code: '23503' });
    // A household no line names may still go, as before (the owner's fixtures do).
    const { row: empty } = await insertHousehold(t.db, '钱七');
    await t.owner.deleteFrom('households').where('id', '=', empty.id).execute();
    expect(await t.db.selectFrom('households').select('id').where('id', '=', empty.id).executeTakeFirst()).toBeUndefined();
  });
});
