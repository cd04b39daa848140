/**
 * The places and users of the role × place access matrices (test/e2e/access-matrix*.test.ts):
 * a household in the own village of the demo users, another village of the same town, another
 * town of the county and another county, and one user of each role.
 */
import { sql } from 'kysely';
import type { Role } from '../../domain/access/roles.js';
import { ROLES } from '../../domain/access/roles.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { hashPassword } from '../../platform/passwords.js';
import type { Api } from './stack.js';
import type { TestDatabase } from './database.js';

export const PLACES = {
  ownVillage: { county_id: '990101', town_id: '990101001', village_id: '990101001201' },
  otherVillage: { county_id: '990101', town_id: '990101001', village_id: '990101001202' },
  otherTown: { county_id: '990101', town_id: '990101002', village_id: '990101002201' },
  otherCounty: { county_id: '990102', town_id: '990102001', village_id: '990102001201' },
} as const;
export type Place = keyof typeof PLACES;
export const PLACE_NAMES = Object.keys(PLACES) as Place[];

/** One user of each role; the place-bound ones belong to 东岗村 / 东城镇 / 示范县. */
export const USERS: Record<Role, string> = {
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

export interface MatrixHousehold {
  readonly id: string;
  readonly head: string;
  readonly address: string;
}

/** The other county, the users no demo seed has, a household in each place; every role logged in. */
export async function matrixSetup(t: TestDatabase, api: Api): Promise<{ households: Record<Place, MatrixHousehold>; tokens: Record<Role, string> }> {
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
  const households = {} as Record<Place, MatrixHousehold>;
  for (const place of PLACE_NAMES) {
    const head = `矩阵${place}户主`;
    const address = `${place}巷一号`;
    const row = await householdsRepo(t.owner).insert({ ...PLACES[place], group_id: null, address, head_name: head, category: 'marginal' });
    households[place] = { id: row.id, head, address };
  }
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = await api.login(USERS[role]);
  return { households, tokens };
}
