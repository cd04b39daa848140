/**
 * The database's own guard on member changes and facts (2026_12_01_021), as
 * the app's role: a change commits only with its file entry, a member leaves
 * once and not before being born, who a person is cannot be changed, a person
 * sits in one household, and a fact names a member of its own household.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { householdEventsRepo } from '../../db/repositories/household-events.js';
import { householdFactsRepo } from '../../db/repositories/household-facts.js';
import { householdMembersRepo } from '../../db/repositories/household-members.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let t: TestDatabase;
const households: string[] = [];
let memberId: string;
let otherMemberId: string;

async function household(db: Kysely<Database>, head: string): Promise<string> {
  const village = await db.selectFrom('jurisdictions').select(['id', 'parent_id']).where('name', '=', '东岗村').executeTakeFirstOrThrow();
  const row = await db
    .insertInto('households')
    .values({ county_id: '990101', town_id: village.parent_id!, village_id: village.id, address: '东岗村3号', head_name: head, category: 'lifted_out' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const person = (householdId: string, name: string, idNumber: string, birth: string) => ({
  household_id: householdId,
  name,
  id_number: idNumber,
  birth_date: birth,
  sex: 'male' as const,
  relation: 'head' as const,
  labour_ability: 'capable' as const,
});

/** A change with its file entry in the same transaction. */
const withEntry = (householdId: string, key: string, change: (trx: Kysely<Database>) => Promise<unknown>) =>
  t.db.transaction().execute(async (trx) => {
    await householdEventsRepo(trx).append({ householdId, eventKey: key, kind: 'member.left', actorUserId: null, occurredAt: new Date(), payload: {} });
    await change(trx);
  });

beforeAll(async () => {
  t = await createTestDatabase();
  households.push(await household(t.db, '王大山'), await household(t.db, '李二河'));
  memberId = (await householdMembersRepo(t.db).insert(person(households[0]!, '王大山', '110101196705200011', '1967-05-20'))).id;
  otherMemberId = (await householdMembersRepo(t.db).insert(person(households[1]!, '李二河', '110101197001010013', '1970-01-01'))).id;
});
afterAll(async () => t?.destroy());

describe('household_members', () => {
  it('refuses a change without an entry in the household file in the same transaction', async () => {
    await expect(householdMembersRepo(t.db).correct(memberId, { labour_ability: 'weak' })).rejects.toThrow(/without an entry in the household file/);
    const row = await t.db.selectFrom('household_members').select('labour_ability').where('id', '=', memberId).executeTakeFirstOrThrow();
    expect(row.labour_ability).toBe('capable');
  });

  it('refuses a leaving day before the birth', async () => {
    await expect(withEntry(households[0]!, 'early', (trx) => householdMembersRepo(trx).leave(memberId, { on: '1960-01-01', reason: 'death', at: new Date() }))).rejects.toThrow(
      /household_members_left_after_birth/,
    );
  });

  it('lets a member leave once, and never changes the row again', async () => {
    await withEntry(households[0]!, 'left', (trx) => householdMembersRepo(trx).leave(memberId, { on: '2026-03-15', reason: 'death', at: new Date() }));
    await expect(
      withEntry(households[0]!, 'twice', (trx) => trx.updateTable('household_members').set({ left_on: '2026-04-01', left_reason: 'moved_out' }).where('id', '=', memberId).execute()),
    ).rejects.toThrow(/has left the household/);
    const row = await t.db.selectFrom('household_members').select(['left_on', 'left_reason']).where('id', '=', memberId).executeTakeFirstOrThrow();
    expect(row).toEqual({ left_on: '2026-03-15', left_reason: 'death' });
  });

  it('cannot change who a person is or which household they are in', async () => {
    for (const column of ['id_number', 'birth_date', 'sex', 'household_id', 'joined_on']) {
      await expect(t.db.updateTable('household_members').set({ [column]: null } as never).where('id', '=', otherMemberId).execute()).rejects.toThrow(/permission denied/);
    }
  });

  it('holds one person in one household at a time', async () => {
    await expect(householdMembersRepo(t.db).insert(person(households[0]!, '李二河', '110101197001010013', '1970-01-01'))).rejects.toThrow(/household_members_current_id_number_key/);
  });

  it('refuses a joining day before the birth', async () => {
    await expect(
      householdMembersRepo(t.db).insert({ ...person(households[0]!, '王小宝', '110101202605020012', '2026-05-02'), joined_on: '2026-05-01', joined_reason: 'birth' }),
    ).rejects.toThrow(/household_members_joined_after_birth/);
  });
});

describe('household_facts', () => {
  const fact = (householdId: string, member: string, key: string) =>
    householdFactsRepo(t.db).append({
      householdId,
      key,
      source: 'visit',
      sourceKey: 'visit:2026-11',
      asOf: '2026-11-10',
      recordedBy: null,
      recordedAt: new Date(),
      rows: [{ kind: 'employment', memberId: member, year: null, value: { employed: true } }],
    });

  it('names a member of its own household only', async () => {
    await expect(fact(households[0]!, otherMemberId, 'stranger')).rejects.toThrow(/household_facts_member_of_household/);
    expect(await fact(households[1]!, otherMemberId, 'own')).toBe(1);
    expect(await fact(households[1]!, otherMemberId, 'own')).toBe(0);
  });

  it('is never changed', async () => {
    await expect(t.db.updateTable('household_facts').set({ source: 'department' }).execute()).rejects.toThrow(/permission denied/);
    await expect(t.owner.updateTable('household_facts').set({ source: 'department' }).execute()).rejects.toThrow(/append-only/);
  });
});
