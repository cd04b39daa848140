import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../domain/access/roles.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { hashPassword } from '../../platform/passwords.js';
import { useApiOnly } from '../helpers/stack.js';

/**
 * The role × place access matrix (issue 18): every role, against a household of its own village,
 * another village of the same town, another town of the county and another county, on the routes
 * that show a household → the status each must answer. The table is written out, not computed from
 * the rules under test, so that removing any one check (a role check, a jurisdiction check, the
 * department reach) turns a 403 or 404 into a 200 and fails its row. No refusal may carry the
 * household's head name (no leak through error messages).
 */
const stack = useApiOnly();

const PLACES = {
  ownVillage: { county_id: '990101', town_id: '990101001', village_id: '990101001201' },
  otherVillage: { county_id: '990101', town_id: '990101001', village_id: '990101001202' },
  otherTown: { county_id: '990101', town_id: '990101002', village_id: '990101002201' },
  otherCounty: { county_id: '990102', town_id: '990102001', village_id: '990102001201' },
} as const;
type Place = keyof typeof PLACES;
const PLACE_NAMES = Object.keys(PLACES) as Place[];

/** One user of each role; the place-bound ones belong to 东岗村 / 东城镇 / 示范县. */
const USERS: Record<Role, string> = {
  village_cadre: 'cun.donggang',
  town_officer: 'zhen.dongcheng',
  county_bureau: 'xian.xczx',
  department: 'bumen.mz',
  supervisor: 'ducha',
  leadership_group: 'lingdao',
  department_head: 'fuze.mz',
  regional_viewer: 'matrix.region',
  system_admin: 'matrix.admin',
};

const ROUTES = ['/households/:id', '/households/:id/members', '/households/:id/file'] as const;

type Row = readonly [ownVillage: number, otherVillage: number, otherTown: number, otherCounty: number];
/** Expected status per role and place, the same on each route of ROUTES. */
const EXPECTED: Record<Role, Row> = {
  //                 own village  other village  other town  other county
  village_cadre: /*   */ [200, 403, 403, 403],
  town_officer: /*    */ [200, 200, 403, 403],
  county_bureau: /*   */ [200, 200, 200, 403],
  // A department reads only the households its tasks concern (department reach); these have none.
  department: /*      */ [403, 403, 403, 403],
  department_head: /* */ [403, 403, 403, 403],
  supervisor: /*      */ [200, 200, 200, 403],
  leadership_group: /**/ [200, 200, 200, 403],
  // Aggregates only, never a household; the system administrator administers, never reads households.
  regional_viewer: /* */ [403, 403, 403, 403],
  system_admin: /*    */ [403, 403, 403, 403],
};

const households = {} as Record<Place, { id: string; head: string }>;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  const { t, api } = stack;
  await sql`insert into jurisdictions (id, name, level, parent_id) values
    ('9901', '示范市', 'city', null), ('990102', '邻县', 'county', null), ('990102001', '邻县城关镇', 'town', '990102'), ('990102001201', '邻县城关村', 'village', '990102001')
    on conflict do nothing`.execute(t.owner);
  const hash = await hashPassword(DEMO_PASSWORD);
  await t.owner
    .insertInto('users')
    .values([
      { username: 'matrix.region', display_name: '市乡村振兴局', password_hash: hash, role: 'regional_viewer', jurisdiction_id: '9901', department_id: null, must_change_password: false },
      { username: 'matrix.admin', display_name: '系统管理员', password_hash: hash, role: 'system_admin', jurisdiction_id: null, department_id: null, must_change_password: false },
    ])
    .execute();
  for (const place of PLACE_NAMES) {
    const head = `矩阵${place}户主`;
    const row = await householdsRepo(t.owner).insert({ ...PLACES[place], group_id: null, address: `${place}一号`, head_name: head, category: 'marginal' });
    households[place] = { id: row.id, head };
  }
  for (const role of ROLES) tokens[role] = await api.login(USERS[role]);
});

describe('the role × place access matrix', () => {
  const cases = ROLES.flatMap((role) => ROUTES.flatMap((route) => PLACE_NAMES.map((place, i) => ({ role, route, place, status: EXPECTED[role][i]! }))));
  it.each(cases)('$role on $route of a household in $place answers $status', async ({ role, route, place, status }) => {
    const answer = await stack.api.call('GET', route.replace(':id', households[place].id), { token: tokens[role] });
    expect(answer.status).toBe(status);
    if (status !== 200) expect(JSON.stringify(answer.body)).not.toContain(households[place].head);
  });
});
