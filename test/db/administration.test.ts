import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/**
 * The database itself refuses what the administration's API refuses: a place
 * whose code does not fit its level or its parent, a duplicate code, an account
 * at a place its role does not work at; and the audit cannot be rewritten.
 * Everything as the app's role (t.db), as the API connects.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

const place = (id: string, parent: string | null, level: 'town' | 'village' | 'group' | 'county' | 'city', name = '某地') =>
  t.db.insertInto('jurisdictions').values({ id, parent_id: parent, level, name }).execute();

describe('places', () => {
  it('refuses a duplicate division code', async () => {
    await expect(place('990101001', '990101', 'town', '重复镇')).rejects.toThrow(/jurisdictions_pkey/);
  });

  it('refuses a village under a village and a code not under its parent', async () => {
    await expect(place('990101001203', '990101001201', 'village')).rejects.toThrow(/jurisdictions_code_under_parent/);
    await expect(place('990101002203', '990101001', 'village')).rejects.toThrow(/jurisdictions_code_under_parent/);
  });

  it('refuses a code of the wrong length for its level', async () => {
    await expect(place('9901010010', '990101', 'town')).rejects.toThrow(/jurisdictions_code_shape/);
    await expect(place('990101001201ab', '990101001201', 'group')).rejects.toThrow(/jurisdictions_code_shape/);
  });

  it('takes a well-formed group, and never deletes a place', async () => {
    await place('990101001201009', '990101001201', 'group', '第九村民小组');
    await expect(sql`delete from jurisdictions where id = '990101001201009'`.execute(t.db)).rejects.toThrow(/permission denied/);
  });
});

describe('accounts', () => {
  const base = { display_name: '某人', password_hash: 'x', department_id: null };
  it('refuses an account at a place its role does not work at', async () => {
    await expect(t.db.insertInto('users').values({ ...base, username: 'cadre.at.county', role: 'village_cadre', jurisdiction_id: '990101' }).execute()).rejects.toThrow(/users_place_fits_role/);
    await expect(t.db.insertInto('users').values({ ...base, username: 'officer.at.village', role: 'town_officer', jurisdiction_id: '990101001201' }).execute()).rejects.toThrow(/users_place_fits_role/);
  });

  it('gives only a system administrator no place, and a department head a department', async () => {
    await expect(t.db.insertInto('users').values({ ...base, username: 'nowhere', role: 'county_bureau', jurisdiction_id: null }).execute()).rejects.toThrow(/users_jurisdiction_unless_admin/);
    await expect(t.db.insertInto('users').values({ ...base, username: 'admin.somewhere', role: 'system_admin', jurisdiction_id: '990101' }).execute()).rejects.toThrow(/users_jurisdiction_unless_admin/);
    await expect(t.db.insertInto('users').values({ ...base, username: 'head.nodept', role: 'department_head', jurisdiction_id: '990101' }).execute()).rejects.toThrow(/users_department_iff_role/);
  });
});

describe('the audit', () => {
  it('is appended and read, never changed or deleted, even by the owner', async () => {
    const actor = await t.db.selectFrom('users').select('id').where('username', '=', 'xian.xczx').executeTakeFirstOrThrow();
    await t.db
      .insertInto('admin_changes')
      .values({ county_id: '990101', actor_user_id: actor.id, action: 'place.renamed', subject_kind: 'place', subject_id: '990101001', before: JSON.stringify({ name: '东城镇' }), after: JSON.stringify({ name: '东城街道' }) })
      .execute();
    await expect(sql`update admin_changes set after = '{}'`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`delete from admin_changes`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`update admin_changes set after = '{}'`.execute(t.owner)).rejects.toThrow(/append-only/);
    await expect(sql`delete from admin_changes`.execute(t.owner)).rejects.toThrow(/append-only/);
    await expect(t.db.insertInto('admin_changes').values({ county_id: '990101', actor_user_id: actor.id, action: 'place.renamed', subject_kind: 'place', subject_id: 'x', before: null, after: null }).execute()).rejects.toThrow(
      /admin_changes_has_state/,
    );
  });
});
