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
};
