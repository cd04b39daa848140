import { sql } from 'kysely';
/**
 * The ledgers' pages (db/repositories/export-ledgers.ts) read a place in keyset
 * order: paged two at a time they give every row of the place once, in order,
 * and nothing outside it — what lets a county-wide ledger stream in pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLedgersRepo } from '../../db/repositories/export-ledgers.js';
import { householdMembersRepo } from '../../db/repositories/household-members.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { dueItemsRepo } from '../../db/repositories/due-items.js';
import { checkCharacter } from '../../domain/people/id-number.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let t: TestDatabase;
const DONGGANG = '990101001201';
const HEKOU = '990101001202';
const XILING_VILLAGE = '990101002201';
const idNumber = (n: number) => {
  const first17 = `9901011980010${String(100 + n).padStart(4, '0')}`;
  return `${first17}${checkCharacter(first17)}`;
};

/** Pages through `page` `size` rows at a time until it answers nothing. */
async function all<R>(page: (after: R | null) => Promise<readonly R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (let last: R | null = null; ; ) {
    const next = await page(last);
    if (next.length === 0) return rows;
    rows.push(...next);
    last = next[next.length - 1]!;
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  let n = 0;
  for (const [village, town] of [[DONGGANG, '990101001'], [HEKOU, '990101001'], [XILING_VILLAGE, '990101002']] as const) {
    for (let i = 0; i < 3; i++) {
      const h = await householdsRepo(t.db).insert({ county_id: '990101', town_id: town, village_id: village, group_id: null, address: `${village}-${i}`, head_name: `户主${village.slice(-3)}${i}`, category: i === 0 ? 'unstable' : 'lifted_out' });
      for (const relation of ['head', 'spouse'] as const) {
        n += 1;
        await householdMembersRepo(t.db).insert({ household_id: h.id, name: `${relation}${n}`, id_number: idNumber(n), birth_date: '1980-01-01', sex: 'male', relation, labour_ability: relation === 'head' ? 'capable' : 'none' });
      }
      await dueItemsRepo(t.db).open([{ key: `visit:${h.id}`, kind: 'monthly_visit', countyId: '990101', townId: town, villageId: village, householdId: h.id, period: '2026-11', dueAt: new Date(Date.UTC(2026, 10, 20 + i)), openedAt: new Date(Date.UTC(2026, 10, 1)) }]);
    }
  }
});
afterAll(async () => t?.destroy());

describe('the ledgers’ keyset pages', () => {
  it('households: the town’s six, two at a time, each once, a village’s together; a category narrows them', async () => {
    const repo = exportLedgersRepo(t.db);
    const town = { id: '990101001', level: 'town' as const };
    const rows = await all<{ id: string; town_name: string; village_name: string }>((after) => repo.households(town, null, after ? { townName: after.town_name, villageName: after.village_name, id: after.id } : null, 2));
    const expected = await t.db.selectFrom('households').select('id').where('town_id', '=', '990101001').execute();
    expect(rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(new Set(rows.map((r) => r.id)).size).toBe(6);
    // A village's households come together (the order is the database's, by town, village, household).
    const villages = rows.map((r) => r.village_name).filter((v, i, list) => i === 0 || list[i - 1] !== v);
    expect(villages).toHaveLength(new Set(villages).size);
    const unstable = await all<{ id: string; town_name: string; village_name: string; category: string }>((after) => repo.households(town, ['unstable'], after ? { townName: after.town_name, villageName: after.village_name, id: after.id } : null, 1));
    expect(unstable.map((r) => r.category)).toEqual(['unstable', 'unstable']);
  });

  it('labourers: the members able to work of the county, one at a time, each once', async () => {
    const repo = exportLedgersRepo(t.db);
    const rows = await all<{ id: string; household_id: string; town_name: string; village_name: string; labour_ability: string }>((after) =>
      repo.labourers({ id: '990101', level: 'county' }, '2026-12-31', after ? { townName: after.town_name, villageName: after.village_name, id: after.household_id, memberId: after.id } : null, 1),
    );
    expect(rows).toHaveLength(9);
    expect(new Set(rows.map((r) => r.id)).size).toBe(9);
    expect(rows.every((r) => r.labour_ability === 'capable')).toBe(true);
  });

  it('items: the village’s open items, two at a time, by deadline, none of another village', async () => {
    const repo = exportLedgersRepo(t.db);
    const rows = await all<{ id: string; due_at: Date; due_key: string; village_name: string | null }>((after) => repo.items({ within: { id: DONGGANG, level: 'village' } }, false, new Date(), after ? { dueKey: after.due_key, id: after.id } : null, 2));
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.due_at.getTime())).toEqual([...rows.map((r) => r.due_at.getTime())].sort((a, b) => a - b));
    expect(new Set(rows.map((r) => r.village_name))).toEqual(new Set(['东岗村']));
  });

  it('items: a deadline with microseconds (one set in SQL) comes once, not again on every page (the export never ended)', async () => {
    const h = await t.db.selectFrom('households').select(['id', 'county_id', 'town_id', 'village_id']).where('village_id', '=', DONGGANG).executeTakeFirstOrThrow();
    await sql`insert into due_items (item_key, kind, county_id, town_id, village_id, household_id, period, due_at, opened_at)
      values ('micro-deadline', 'comparison_follow_up', ${h.county_id}, ${h.town_id}, ${h.village_id}, ${h.id}, '2026-11', timestamptz '2026-11-30 08:00:00.123456+00', now())`.execute(t.owner);
    const repo = exportLedgersRepo(t.db);
    let pages = 0;
    const rows = await all<{ id: string; due_key: string }>((after) => {
      if (++pages > 10) throw new Error('the pages do not end');
      return repo.items({ within: { id: DONGGANG, level: 'village' } }, false, new Date(), after ? { dueKey: after.due_key, id: after.id } : null, 2);
    });
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.id)).size).toBe(4);
  });
});
