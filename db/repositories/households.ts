import { sql, type Kysely } from 'kysely';
import type { Database, HouseholdCategory, NewHousehold } from '../database.js';
import { householdEventsRepo } from './household-events.js';
import { usersRepo } from './users.js';
import { inPlace, jurisdictionsRepo } from './jurisdictions.js';

import { RESPONSIBLE_ITEM_KINDS } from '../../domain/access/roles.js';
import { jointCondition, type JointFilter } from './assistance-marks.js';
import { latestAssessmentOf } from './household-cells.js';

export function householdsRepo(db: Kysely<Database>) {
  return {
    insert(household: NewHousehold) {
      return db.insertInto('households').values(household).returningAll().executeTakeFirstOrThrow();
    },

    /**
     * One page of households in a jurisdiction (its county, town, village or
     * group), newest first; a name matches the head or any current member.
     */
    async search(filter: {
      withinJurisdiction: string;
      townId?: string | undefined;
      villageId?: string | undefined;
      category?: HouseholdCategory | undefined;
      stage?: string | undefined;
      /** A risk cause of the household's latest county decision (identification.approved), as the dashboard counts it. */
      riskCause?: string | undefined;
      /** A focus-analysis flag 重点分析 [004] (or `any`) set on the household's latest assessment. */
      focus?: string | undefined;
      /** Joint identification with 民政: an open 低保 / 特困 mark, or one not monitored while its latest assessment qualifies it. */
      joint?: JointFilter | undefined;
      /** Only these households (those of one risk colour, api/services/risk-colours.ts). */
      ids?: readonly string[] | undefined;
      /** Households that made this movement (domain/supervision/movements.ts) within [from, to). */
      moved?: { kinds: readonly string[]; from: Date; to: Date } | undefined;
      name?: string | undefined;
      /** A member's national ID number, exact (current members only). */
      idNumber?: string | undefined;
      /** Only households a task of this department concerns (a department's reach, domain/access/reach.ts). */
      ofDepartment?: string | null | undefined;
      limit: number;
      offset: number;
    }) {
      const within = filter.withinJurisdiction;
      // One column of the jurisdiction's level, which an index serves newest first.
      const level = await jurisdictionsRepo(db).placeLevel(within);
      let query = db.selectFrom('households').where(inPlace(within, level, { county: 'county_id', town: 'town_id', village: 'village_id', group: { column: 'group_id' } }));
      if (filter.ofDepartment) {
        const department = filter.ofDepartment;
        query = query.where((eb) =>
          eb.exists(eb.selectFrom('measure_tasks as t').select('t.id').whereRef('t.household_id', '=', 'households.id').where('t.department_id', '=', department)),
        );
      }
      if (filter.townId) query = query.where('town_id', '=', filter.townId);
      if (filter.villageId) query = query.where('village_id', '=', filter.villageId);
      if (filter.category) query = query.where('category', '=', filter.category);
      if (filter.stage) query = query.where('stage', '=', filter.stage);
      if (filter.moved) {
        const { kinds, from, to } = filter.moved;
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('household_events as e')
              .select('e.id')
              .whereRef('e.household_id', '=', 'households.id')
              .where('e.kind', 'in', [...kinds])
              .where('e.occurred_at', '>=', from)
              .where('e.occurred_at', '<', to),
          ),
        );
      }
      if (filter.riskCause) {
        const cause = filter.riskCause;
        query = query.where(
          sql<boolean>`coalesce((select e.payload -> 'riskCauses' from household_events e where e.household_id = households.id and e.kind = 'identification.approved' order by e.occurred_at desc, e.id desc limit 1), '[]'::jsonb) ? ${cause}`,
        );
      }
      if (filter.focus) {
        const flag = filter.focus;
        query = query.where(
          sql<boolean>`coalesce(${latestAssessmentOf('households.id')} -> 'focus' ->> ${flag}, 'false') = 'true'`,
        );
      }
      if (filter.joint) query = query.where(jointCondition(filter.joint));
      if (filter.ids) query = query.where(sql<boolean>`households.id = any(${[...filter.ids]}::uuid[])`);
      if (filter.name) {
        const pattern = `%${filter.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) =>
          eb.or([
            eb('head_name', 'like', pattern),
            eb.exists(
              eb.selectFrom('household_members as m').select('m.id').whereRef('m.household_id', '=', 'households.id').where('m.name', 'like', pattern).where('m.left_at', 'is', null),
            ),
          ]),
        );
      }
      if (filter.idNumber) {
        const idNumber = filter.idNumber;
        query = query.where((eb) =>
          eb.exists(
            eb.selectFrom('household_members as m').select('m.id').whereRef('m.household_id', '=', 'households.id').where('m.id_number', '=', idNumber).where('m.left_at', 'is', null),
          ),
        );
      }
      const [items, count] = await Promise.all([
        query.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
        query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /**
     * Pairs the household with its 帮扶责任人 (or with no one): the household's
     * open items move to that person, and the file records who changed it.
     * Run it in the caller's transaction (`db` is then that transaction): the
     * household row is locked until it commits. Answers false when the
     * household already had that person.
     */
    async assignResponsible(change: { householdId: string; userId: string | null; byUserId: string; at: Date; eventKey: string }): Promise<boolean> {
      const before = await db.selectFrom('households').select('responsible_user_id').where('id', '=', change.householdId).forUpdate().executeTakeFirstOrThrow();
      if (before.responsible_user_id === change.userId) return false;
      await db.updateTable('households').set({ responsible_user_id: change.userId, updated_at: change.at }).where('id', '=', change.householdId).execute();
      await db
        .updateTable('due_items')
        .set({ responsible_user_id: change.userId })
        .where('household_id', '=', change.householdId)
        .where('status', '=', 'open')
        .where('kind', 'in', RESPONSIBLE_ITEM_KINDS)
        .execute();
      const names = await usersRepo(db).displayNames([change.userId, before.responsible_user_id]);
      const person = (id: string | null) => (id === null ? null : { id, name: names.get(id) ?? null });
      await householdEventsRepo(db).append({
        householdId: change.householdId,
        eventKey: change.eventKey,
        kind: 'household.responsible_assigned',
        actorUserId: change.byUserId,
        occurredAt: change.at,
        payload: { responsible: person(change.userId), previous: person(before.responsible_user_id) },
      });
      return true;
    },

    /**
     * Households registered before `before` with no item in the register at
     * all: their workflow, which opens their monthly items, has never run.
     * Oldest first.
     */
    withoutRegisterItems(before: Date, limit: number) {
      return db
        .selectFrom('households as h')
        .selectAll('h')
        .where('h.created_at', '<', before)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('due_items as d').select('d.id').whereRef('d.household_id', '=', 'h.id'))))
        .orderBy('h.created_at')
        .limit(limit)
        .execute();
    },

    findById(id: string) {
      return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Whether a task of the department concerns the household (any task, any status: what it did stays its to read). */
    async concernsDepartment(householdId: string, departmentId: string): Promise<boolean> {
      const row = await db.selectFrom('measure_tasks').select('id').where('household_id', '=', householdId).where('department_id', '=', departmentId).limit(1).executeTakeFirst();
      return row !== undefined;
    },

    async setStageAndCategory(id: string, change: { stage?: string | undefined; category?: HouseholdCategory | undefined }, at: Date): Promise<void> {
      await db
        .updateTable('households')
        .set({ ...(change.stage ? { stage: change.stage } : {}), ...(change.category ? { category: change.category } : {}), updated_at: at })
        .where('id', '=', id)
        .execute();
    },
  };
}
