import { sql, type Kysely } from 'kysely';
import { policyProfiles } from '../domain/policy/index.js';
import type { Database, JurisdictionLevel, Role } from './database.js';
import { policyProfilesRepo, type StoredProfile } from './repositories/policy-profiles.js';

/**
 * A fictional demo county 示范县 (division codes under the unused prefix 99),
 * loaded by `npm start` on an empty database. The passwords are for the local
 * demo only and are printed in the README.
 */
export const DEMO_PASSWORD = 'shoudi-demo-2026';

const COUNTY = { id: '990101', name: '示范县', profileId: 'shifan' };

const TOWNS = [
  { id: '990101001', name: '东城镇', villages: [['990101001201', '东岗村'], ['990101001202', '河口村']] },
  { id: '990101002', name: '西岭镇', villages: [['990101002201', '岭上村'], ['990101002202', '石门村']] },
  { id: '990101003', name: '南溪乡', villages: [['990101003201', '溪头村'], ['990101003202', '竹林村']] },
] as const;

export const DEMO_DEPARTMENTS = [
  ['xczx', '乡村振兴局'],
  ['mz', '民政局'],
  ['jy', '教育局'],
  ['yb', '医保局'],
  ['wj', '卫健局'],
  ['zj', '住建局'],
  ['sl', '水利局'],
  ['rs', '人社局'],
  ['ny', '农业农村局'],
  ['cl', '残联'],
  ['cz', '财政局'],
  ['jr', '金融工作局'],
  ['rmyh', '人民银行支行'],
  ['xcb', '宣传部'],
  ['fl', '妇联'],
  // The units the seed counties' catalogues name beyond the list above, so that the demo county can
  // run on any shipped catalogue: each catalogue code is a department of the county.
  ['jrb', '金融办'],
  ['gx', '工信局'],
  ['picc', '人保财险'],
  ['fg', '发改局'],
  ['yj', '应急局'],
  ['jt', '交通运输局'],
  ['yjj', '银保监监管组'],
  ['gxs', '供销社'],
  ['zgh', '总工会'],
  ['gsl', '工商联'],
  ['zzb', '组织部'],
] as const;

export const DEMO_USERS: ReadonlyArray<{
  username: string;
  displayName: string;
  role: Role;
  jurisdictionId: string;
  department?: string;
}> = [
  { username: 'cun.donggang', displayName: '东岗村 村干部', role: 'village_cadre', jurisdictionId: '990101001201' },
  { username: 'cun.hekou', displayName: '河口村 村干部', role: 'village_cadre', jurisdictionId: '990101001202' },
  { username: 'zhen.dongcheng', displayName: '东城镇 乡村振兴办', role: 'town_officer', jurisdictionId: '990101001' },
  { username: 'zhen.xiling', displayName: '西岭镇 乡村振兴办', role: 'town_officer', jurisdictionId: '990101002' },
  { username: 'xian.xczx', displayName: '县乡村振兴局', role: 'county_bureau', jurisdictionId: COUNTY.id },
  { username: 'bumen.mz', displayName: '民政局', role: 'department', jurisdictionId: COUNTY.id, department: 'mz' },
  { username: 'bumen.rs', displayName: '人社局', role: 'department', jurisdictionId: COUNTY.id, department: 'rs' },
  { username: 'ducha', displayName: '县督查组', role: 'supervisor', jurisdictionId: COUNTY.id },
  { username: 'lingdao', displayName: '县领导小组', role: 'leadership_group', jurisdictionId: COUNTY.id },
  // Every department has an officer (bumen.<code>) and a head (fuze.<code>), who receives its overdue tasks first.
  ...DEMO_DEPARTMENTS.filter(([code]) => code !== 'mz' && code !== 'rs').map(([code, name]) => ({
    username: `bumen.${code}`,
    displayName: name,
    role: 'department' as const,
    jurisdictionId: COUNTY.id,
    department: code,
  })),
  ...DEMO_DEPARTMENTS.map(([code, name]) => ({ username: `fuze.${code}`, displayName: `${name}负责人`, role: 'department_head' as const, jurisdictionId: COUNTY.id, department: code })),
];

function jurisdictionRows() {
  const rows: Array<{ id: string; parent_id: string | null; level: JurisdictionLevel; name: string; policy_profile_id?: string }> = [
    { id: COUNTY.id, parent_id: null, level: 'county', name: COUNTY.name, policy_profile_id: COUNTY.profileId },
  ];
  for (const town of TOWNS) {
    rows.push({ id: town.id, parent_id: COUNTY.id, level: 'town', name: town.name });
    for (const [villageId, villageName] of town.villages) {
      rows.push({ id: villageId, parent_id: town.id, level: 'village', name: villageName });
      for (const n of [1, 2, 3]) {
        rows.push({ id: `${villageId}00${n}`, parent_id: villageId, level: 'group', name: `第${'一二三'[n - 1]}村民小组` });
      }
    }
  }
  return rows;
}

/**
 * Loads the demo county when the database holds no jurisdiction at all; does
 * nothing otherwise. Returns whether it seeded. One transaction: all or nothing.
 */
export async function seedDemoCounty(
  db: Kysely<Database>,
  hashPassword: (password: string) => Promise<string>,
): Promise<boolean> {
  const existing = await db.selectFrom('jurisdictions').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('jurisdictions').values(jurisdictionRows()).execute();
    const departments = await trx
      .insertInto('departments')
      .values(DEMO_DEPARTMENTS.map(([code, name]) => ({ county_id: COUNTY.id, code, name })))
      .returning(['id', 'code'])
      .execute();
    const departmentId = new Map(departments.map((d) => [d.code, d.id]));
    await trx
      .insertInto('users')
      .values(
        DEMO_USERS.map((u) => ({
          username: u.username,
          display_name: u.displayName,
          password_hash: passwordHash,
          role: u.role,
          jurisdiction_id: u.jurisdictionId,
          department_id: u.department ? (departmentId.get(u.department) ?? null) : null,
        })),
      )
      .execute();
  });
  return true;
}

/**
 * The shipped profiles (the five seed counties and the demo county), every
 * version; stored versions stay as they are. The demo county's profile is
 * stored before the county itself exists.
 */
export function seedPolicyProfiles(db: Kysely<Database>): Promise<number> {
  const shipped: StoredProfile[] = Object.values(policyProfiles)
    .flat()
    .map((p) => ({ id: p.id, version: p.version, effectiveFrom: p.effectiveFrom, countyName: p.countyName, body: p }));
  return policyProfilesRepo(db).addMissing(shipped);
}

/**
 * The first system administrator 系统管理员 of a database with no user at all,
 * who must change the password at first login; does nothing once any user
 * exists. Returns whether it made one.
 */
export async function bootstrapAdministrator(db: Kysely<Database>, username: string, passwordHash: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await sql`lock table users in share row exclusive mode`.execute(trx);
    const anyone = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (anyone) return false;
    await trx
      .insertInto('users')
      .values({ username, display_name: '系统管理员', password_hash: passwordHash, role: 'system_admin', jurisdiction_id: null, department_id: null, must_change_password: true })
      .execute();
    return true;
  });
}
