import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdEventsRepo } from '../../db/repositories/household-events.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoCounty } from '../../db/seed.js';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

describe('the demo county seed', () => {
  it('loads the hierarchy county → town → village → group, and only once', async () => {
    const lineage = await jurisdictionsRepo(t.db).lineage('990101001201001');
    expect(lineage.map((j) => j.level)).toEqual(['group', 'village', 'town', 'county']);
    expect(lineage.map((j) => j.name)).toEqual(['第一村民小组', '东岗村', '东城镇', '示范县']);
    expect(await seedDemoCounty(t.db, hashPassword)).toBe(false);
    const { count } = await t.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    expect(Number(count)).toBe(DEMO_USERS.length);
  });

  it('stores users with a hashed password that verifies', async () => {
    const user = await t.db.selectFrom('users').selectAll().where('username', '=', 'cun.donggang').executeTakeFirstOrThrow();
    expect(user.password_hash).not.toContain(DEMO_PASSWORD);
    expect(await verifyPassword(DEMO_PASSWORD, user.password_hash)).toBe(true);
    expect(await verifyPassword('wrong', user.password_hash)).toBe(false);
  });
});

describe('constraints', () => {
  it('refuses a department user without a department, and a town officer with one', async () => {
    const dept = await t.db.selectFrom('departments').select('id').where('code', '=', 'mz').executeTakeFirstOrThrow();
    const base = { display_name: 'x', password_hash: 'x', jurisdiction_id: '990101' };
    await expect(
      t.db.insertInto('users').values({ ...base, username: 'no.dept', role: 'department', department_id: null }).execute(),
    ).rejects.toThrow(/users_department_iff_role/);
    await expect(
      t.db.insertInto('users').values({ ...base, username: 'town.dept', role: 'town_officer', department_id: dept.id }).execute(),
    ).rejects.toThrow(/users_department_iff_role/);
  });

  it('refuses a village without a parent and an unknown level', async () => {
    await expect(t.db.insertInto('jurisdictions').values({ id: '990199001201', parent_id: null, level: 'village', name: '孤村' }).execute()).rejects.toThrow(
      /jurisdictions_parent_required/,
    );
    await expect(
      sql`insert into jurisdictions (id, parent_id, level, name) values ('990101009', '990101', 'district', '某区')`.execute(t.db),
    ).rejects.toThrow(/check constraint/);
  });
});

describe('the household file', () => {
  it('appends an event once per key and never lets it change or disappear', async () => {
    const household = await householdsRepo(t.db).insert({
      county_id: '990101',
      town_id: '990101001',
      village_id: '990101001201',
      address: '东岗村2号',
      head_name: '李四',
      category: 'lifted_out',
    });
    const event = {
      householdId: household.id,
      eventKey: `${household.id}:registered`,
      kind: 'household.registered',
      actorUserId: null,
      occurredAt: new Date('2026-01-05T02:00:00Z'),
      payload: { channel: 'application' },
    };
    expect(await householdEventsRepo(t.db).append(event)).toBe(true);
    expect(await householdEventsRepo(t.db).append(event)).toBe(false);
    const events = await householdEventsRepo(t.db).listForHousehold(household.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toEqual({ channel: 'application' });

    await expect(t.owner.updateTable('household_events').set({ kind: 'tampered' }).where('household_id', '=', household.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.owner.deleteFrom('household_events').where('household_id', '=', household.id).execute()).rejects.toThrow(/append-only/);
    expect(await householdEventsRepo(t.db).listForHousehold(household.id)).toHaveLength(1);
  });
});
