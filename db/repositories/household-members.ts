import type { Kysely } from 'kysely';
import type { Database, NewHouseholdMember } from '../database.js';

export function householdMembersRepo(db: Kysely<Database>) {
  return {
    /** Where a person currently sits, with the household's place, or undefined. */
    findCurrentByIdNumber(idNumber: string) {
      return db
        .selectFrom('household_members as m')
        .innerJoin('households as h', 'h.id', 'm.household_id')
        .innerJoin('jurisdictions as v', 'v.id', 'h.village_id')
        .innerJoin('jurisdictions as t', 't.id', 'h.town_id')
        .select(['m.id', 'm.household_id', 'm.name', 'h.head_name', 'v.name as village_name', 't.name as town_name', 'h.county_id', 'h.town_id', 'h.village_id', 'h.group_id'])
        .where('m.id_number', '=', idNumber)
        .where('m.left_at', 'is', null)
        .executeTakeFirst();
    },

    insert(member: NewHouseholdMember) {
      return db.insertInto('household_members').values(member).returningAll().executeTakeFirstOrThrow();
    },

    listCurrent(householdId: string) {
      return db
        .selectFrom('household_members')
        .selectAll()
        .where('household_id', '=', householdId)
        .where('left_at', 'is', null)
        .orderBy('joined_at')
        .orderBy('id')
        .execute();
    },
  };
}
