import type { Kysely } from 'kysely';
import type { LeavingReason } from '../../domain/people/member-changes.js';
import type { Database, HouseholdMember, NewHouseholdMember } from '../database.js';

/** What a correction of a member may change (2026_12_01_021 grants these columns). */
export type MemberCorrection = Partial<
  Pick<HouseholdMember, 'name' | 'relation' | 'labour_ability' | 'is_student' | 'is_active_military' | 'disability_grade' | 'chronic_illness'>
>;

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

    /** A member of the household, present or left, locked for the change about to be made. */
    findForUpdate(householdId: string, memberId: string) {
      return db.selectFrom('household_members').selectAll().where('household_id', '=', householdId).where('id', '=', memberId).forUpdate().executeTakeFirst();
    },

    /** Every member the household ever had, in the order they were registered: the members of a past month are among them. */
    listAll(householdId: string) {
      return db.selectFrom('household_members').selectAll().where('household_id', '=', householdId).orderBy('joined_at').orderBy('id').execute();
    },

    correct(memberId: string, change: MemberCorrection) {
      return db.updateTable('household_members').set(change).where('id', '=', memberId).where('left_at', 'is', null).returningAll().executeTakeFirst();
    },

    leave(memberId: string, leaving: { on: string; reason: LeavingReason; at: Date }) {
      return db
        .updateTable('household_members')
        .set({ left_on: leaving.on, left_reason: leaving.reason, left_at: leaving.at })
        .where('id', '=', memberId)
        .where('left_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
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
