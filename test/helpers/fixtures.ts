import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access/roles.js';
import type { Database } from '../../db/database.js';
import { householdsRepo } from '../../db/repositories/households.js';

/** A demo user as the workflow sees them. */
export async function actorOf(db: Kysely<Database>, username: string): Promise<Actor> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  return { userId: user.id, role: user.role, jurisdictionId: user.jurisdiction_id!, departmentId: user.department_id };
}

/** A household in 东岗村, 东城镇, 示范县. */
export async function insertHousehold(db: Kysely<Database>, headName = '王五') {
  const row = await householdsRepo(db).insert({
    county_id: '990101',
    town_id: '990101001',
    village_id: '990101001201',
    group_id: '990101001201001',
    address: '东岗村一组8号',
    head_name: headName,
    category: 'marginal',
  });
  return {
    row,
    place: { countyId: row.county_id, townId: row.town_id, villageId: row.village_id, groupId: row.group_id },
  };
}

export function eventsOf(db: Kysely<Database>, householdId: string, kind?: string) {
  let query = db.selectFrom('household_events').selectAll().where('household_id', '=', householdId);
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('occurred_at').orderBy('id').execute();
}
