/**
 * Who may act where. A user's jurisdiction covers a household when it is the
 * household's county, town, village or village group. Checked in the API and
 * again in the workflow's update validators.
 */
export const ROLES = [
  'village_cadre',
  'town_officer',
  'county_bureau',
  'department',
  'supervisor',
  'leadership_group',
  /** 部门负责人: a department's head, who receives its overdue tasks first (the first rung of the escalation). */
  'department_head',
  /** 省、市乡村振兴部门: read-only, aggregated over the counties of a province or city. */
  'regional_viewer',
  /** 系统管理员: creates counties and their first bureau user; works above every county. */
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  readonly userId: string;
  readonly role: Role;
  readonly jurisdictionId: string;
  readonly departmentId?: string | null;
}

export interface HouseholdPlace {
  readonly countyId: string;
  readonly townId: string;
  readonly villageId: string;
  readonly groupId?: string | null;
}

export function covers(actor: Pick<Actor, 'jurisdictionId'>, place: HouseholdPlace): boolean {
  return [place.countyId, place.townId, place.villageId, place.groupId].includes(actor.jurisdictionId);
}

export const ROLE_NAMES: Record<Role, string> = {
  village_cadre: '村干部',
  town_officer: '乡镇干部',
  county_bureau: '县乡村振兴局',
  department: '行业部门',
  supervisor: '督查人员',
  leadership_group: '领导小组',
  department_head: '部门负责人',
  regional_viewer: '省市乡村振兴部门',
  system_admin: '系统管理员',
};

/** A department's staff, who act on its tasks: its officers and its head. */
export const DEPARTMENT_ROLES: readonly Role[] = ['department', 'department_head'];

/** A system administrator's place: none (the empty id covers no household and no place). */
export const NO_PLACE = '';

/** Who visits a household and enters its monthly update: the cadres of its village and town [003, 004]. */
export const MONTHLY_ROLES: readonly Role[] = ['village_cadre', 'town_officer'];

/** Who closes the county's own cadence items: the county bureau its own, a department those of its department (the county workflow checks which). */
export const COUNTY_ITEM_ROLES: readonly Role[] = ['county_bureau', 'department'];

/** The household's own items in the register, which its 帮扶责任人 does: the monthly update and visit, a screening visit. */
export const RESPONSIBLE_ITEM_KINDS = ['monthly_update', 'monthly_visit', 'screening_visit'] as const;

/** Who pairs a household with its 帮扶责任人: the village and town adjust pairings [004], the county bureau too. */
export const RESPONSIBLE_ASSIGNERS: readonly Role[] = ['village_cadre', 'town_officer', 'county_bureau'];

/**
 * Why `person` cannot be the 帮扶责任人 of a household at `place` — the one who
 * does its monthly items must be able to, so an active village or town cadre of
 * its place — or null when they can.
 */
export function responsibleRefusal(
  person: { readonly role: string; readonly jurisdictionId: string; readonly active: boolean } | undefined,
  place: HouseholdPlace,
): 'not_found' | 'wrong_role' | 'outside' | null {
  if (!person?.active) return 'not_found';
  if (!(MONTHLY_ROLES as readonly string[]).includes(person.role)) return 'wrong_role';
  if (!covers(person, place)) return 'outside';
  return null;
}
