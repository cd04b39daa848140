import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/**
 * The household file's references are checked per statement (migration 050),
 * not by row-level foreign keys: the database still refuses a fact or a file
 * entry naming a household, member or user that does not exist — one bad row
 * among good ones refuses the whole statement — and still refuses to delete
 * what a fact or entry names.
 */
let t: TestDatabase;
let userId: string;
let households: string[];
let members: { id: string; household_id: string }[];
const FK = /violates foreign key constraint/;

const newHousehold = async (n: number) =>
  (
    await t.db
      .insertInto('households')
      .values({ county_id: '990101', town_id: '990101001', village_id: '990101001201', address: `东岗村${n}号`, head_name: `户主${n}`, category: 'unstable' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

beforeAll(async () => {
  t = await createTestDatabase();
  userId = (await t.db.selectFrom('users').select('id').where('username', '=', 'xian.xczx').executeTakeFirstOrThrow()).id;
  households = [await newHousehold(1), await newHousehold(2)];
  members = [];
  for (const [i, householdId] of households.entries()) {
    members.push(
      await t.owner
        .insertInto('household_members')
        .values({ household_id: householdId, name: `成员${i}`, id_number: `11010119700101${String(100 + i)}X`, birth_date: '1970-01-01', sex: 'male', relation: 'head', labour_ability: 'capable' } as never)
        .returning(['id', 'household_id'])
        .executeTakeFirstOrThrow(),
    );
  }
});
afterAll(async () => t?.destroy());

const fact = (over: Record<string, unknown>) => ({
  household_id: households[0]!,
  member_id: members[0]!.id,
  kind: 'employment',
  value: JSON.stringify({ employed: true }),
  as_of: '2026-12-01',
  source: 'department',
  source_key: 'comparison:rs:2026-12',
  entry_key: `test:${randomUUID()}`,
  recorded_by: userId,
  recorded_at: new Date(),
  ...over,
});
const event = (over: Record<string, unknown>) => ({
  household_id: households[0]!,
  event_key: `test:${randomUUID()}`,
  kind: 'comparison.matched',
  actor_user_id: userId,
  occurred_at: new Date(),
  payload: JSON.stringify({}),
  ...over,
});
const factsOf = async (householdId: string) => Number((await sql<{ n: string }>`select count(*) as n from household_facts where household_id = ${householdId}`.execute(t.db)).rows[0]!.n);

describe('household facts and file entries name what exists', () => {
  it('keeps facts of members, of households and by users that exist, many in one statement', async () => {
    await t.db
      .insertInto('household_facts')
      .values([fact({}), fact({ household_id: households[1], member_id: members[1]!.id }), fact({ member_id: null, kind: 'housing', value: JSON.stringify({ safetyGrade: 'C' }) })] as never)
      .execute();
    expect(await factsOf(households[0]!)).toBe(2);
    await t.db.insertInto('household_events').values([event({}), event({ household_id: households[1], actor_user_id: null })] as never).execute();
  });

  it('refuses the whole statement when one fact names a member, household or user that does not exist', async () => {
    const before = await factsOf(households[0]!);
    await expect(t.db.insertInto('household_facts').values([fact({}), fact({ member_id: randomUUID() })] as never).execute()).rejects.toThrow(/household_facts_member_of_household/);
    // A member of another household is not this household's member.
    await expect(t.db.insertInto('household_facts').values([fact({ member_id: members[1]!.id })] as never).execute()).rejects.toThrow(/household_facts_member_of_household/);
    await expect(
      t.db.insertInto('household_facts').values([fact({ member_id: null, kind: 'housing', household_id: randomUUID(), value: JSON.stringify({ safetyGrade: 'D' }) })] as never).execute(),
    ).rejects.toThrow(/household_facts_household_id_fkey/);
    await expect(t.db.insertInto('household_facts').values([fact({}), fact({ recorded_by: randomUUID() })] as never).execute()).rejects.toThrow(/household_facts_recorded_by_fkey/);
    await expect(t.db.insertInto('household_facts').values([fact({ member_id: randomUUID() })] as never).execute()).rejects.toMatchObject({ code: '23503' });
    expect(await factsOf(households[0]!)).toBe(before);
  });

  it('refuses a file entry for a household or by a user that does not exist', async () => {
    await expect(t.db.insertInto('household_events').values([event({}), event({ household_id: randomUUID() })] as never).execute()).rejects.toThrow(/household_events_household_id_fkey/);
    await expect(t.db.insertInto('household_events').values([event({ actor_user_id: randomUUID() })] as never).execute()).rejects.toThrow(/household_events_actor_user_id_fkey/);
  });

  it('refuses to delete a household, member or user that a fact or entry names, even for the owner', async () => {
    await expect(sql`delete from household_members where id = ${members[0]!.id}`.execute(t.owner)).rejects.toThrow(/household_facts_member_of_household/);
    await expect(sql`update household_members set household_id = ${households[1]!} where id = ${members[0]!.id}`.execute(t.owner)).rejects.toThrow(/household_facts_member_of_household/);
    // A household without members, named by a housing fact only, then by a file entry only.
    const housed = await newHousehold(4);
    await t.db.insertInto('household_facts').values([fact({ household_id: housed, member_id: null, kind: 'housing', value: JSON.stringify({ safetyGrade: 'C' }) })] as never).execute();
    await expect(sql`delete from households where id = ${housed}`.execute(t.owner)).rejects.toThrow(/household_facts_household_id_fkey/);
    const filed = await newHousehold(5);
    await t.db.insertInto('household_events').values([event({ household_id: filed })] as never).execute();
    await expect(sql`delete from households where id = ${filed}`.execute(t.owner)).rejects.toThrow(/household_events_household_id_fkey/);
    await expect(sql`delete from users where id = ${userId}`.execute(t.owner)).rejects.toThrow(/household_facts_recorded_by_fkey/);
    await expect(sql`delete from households where id = ${households[1]!}`.execute(t.owner)).rejects.toThrow(FK);
    // One named by nothing can go.
    const lone = await newHousehold(3);
    await sql`delete from households where id = ${lone}`.execute(t.owner);
  });
});
