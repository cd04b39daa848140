/**
 * What the access matrix over the non-household routes (test/e2e/access-matrix-other-routes.test.ts)
 * needs beyond test/helpers/access-matrix.ts's places and users: in the own county (示范县) and in the
 * other one (邻县) a department, an account, a notification, an open register item and a department
 * task, each marked so that an answer carrying the other county's can be found.
 */
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { hashPassword } from '../../platform/passwords.js';
import type { MatrixHousehold, Place } from './access-matrix.js';
import { PLACES } from './access-matrix.js';
import type { TestDatabase } from './database.js';

export interface Side {
  readonly departmentId: string;
  readonly userId: string;
  readonly notificationId: string;
  readonly taskKey: string;
}

export interface RouteFixtures {
  readonly own: Side;
  readonly other: Side;
  /** Text only the other county's records carry: no answer to a user of 示范县 may contain any of it. */
  readonly otherMarkers: readonly string[];
  /** Text of the own county's household: no refusal may contain it. */
  readonly ownMarkers: readonly string[];
}

async function side(t: TestDatabase, place: (typeof PLACES)[Place], household: MatrixHousehold, label: string, existingDepartment: boolean): Promise<Side> {
  const county = place.county_id;
  const department = existingDepartment
    ? await t.owner.selectFrom('departments').select('id').where('county_id', '=', county).where('code', '=', 'mz').executeTakeFirstOrThrow()
    : await t.owner.insertInto('departments').values({ county_id: county, code: 'mz', name: `${label}民政局` }).returning('id').executeTakeFirstOrThrow();
  const user = await t.owner
    .insertInto('users')
    .values({ username: `matrix.${county}`, display_name: `${label}矩阵干部`, password_hash: await hashPassword(DEMO_PASSWORD), role: 'village_cadre', jurisdiction_id: place.village_id, department_id: null, must_change_password: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  const notification = await t.owner
    .insertInto('notifications')
    .values({ notification_key: `matrix-${county}`, county_id: county, recipient_jurisdiction_id: county, recipient_role: null, recipient_department_id: null, kind: 'monitoring.warning', title: `${label}矩阵通知`, body: `${label}矩阵通知正文`, household_id: household.id, due_item_key: null, created_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`insert into due_items (item_key, kind, county_id, town_id, village_id, household_id, period, due_at, opened_at)
    values (${`matrix-route-${county}`}, 'comparison_follow_up', ${county}, ${place.town_id}, ${place.village_id}, ${household.id}, '2026-11', now() - interval '1 day', now() - interval '20 days')`.execute(t.owner);
  const taskKey = `task-${household.id}-1-dibao_pension-1`;
  await t.owner.insertInto('assistance_plans').values({ household_id: household.id, plan_no: 1, plan_key: `plan-${household.id}-1`, drawn_by: user.id, confirmed_at: new Date(), measures: JSON.stringify([]) }).execute();
  await t.owner
    .insertInto('measure_tasks')
    .values({ task_key: taskKey, household_id: household.id, plan_no: 1, county_id: county, town_id: place.town_id, village_id: place.village_id, measure: 'dibao_pension', department_id: department.id, required: true, assigned_at: new Date(), due_at: new Date(Date.now() - 86_400_000) } as never)
    .execute();
  return { departmentId: department.id, userId: user.id, notificationId: notification.id, taskKey };
}

export async function routeFixtures(t: TestDatabase, households: Record<Place, MatrixHousehold>): Promise<RouteFixtures> {
  const own = await side(t, PLACES.ownVillage, households.ownVillage, '示范县', true);
  const other = await side(t, PLACES.otherCounty, households.otherCounty, '邻县', false);
  const h = households.otherCounty;
  return {
    own,
    other,
    otherMarkers: ['邻县', h.head, h.address, h.id, other.departmentId, other.userId, other.taskKey, 'matrix.990102', PLACES.otherCounty.village_id],
    ownMarkers: [households.ownVillage.head, households.ownVillage.address],
  };
}
