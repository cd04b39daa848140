/**
 * Who works where, and who may make whose account: a role's place is of one
 * level (a village cadre at a village or one of its groups, a town officer at a
 * town, the county's roles at the county, a regional viewer at a province or
 * city). The database holds the same rule (users_place_fits_role).
 */
import type { Role } from '../access/roles.js';
import type { PlaceLevel } from './division-codes.js';

export const ROLE_LEVELS: Record<Role, readonly PlaceLevel[]> = {
  village_cadre: ['village', 'group'],
  town_officer: ['town'],
  county_bureau: ['county'],
  department: ['county'],
  department_head: ['county'],
  supervisor: ['county'],
  leadership_group: ['county'],
  regional_viewer: ['province', 'city'],
  system_admin: [],
};

/** The accounts each administering role makes: the county bureau its county's people, the system administrator bureaus and regional viewers. */
export const CREATABLE_ROLES: Partial<Record<Role, readonly Role[]>> = {
  county_bureau: ['village_cadre', 'town_officer', 'county_bureau', 'department', 'department_head', 'supervisor', 'leadership_group'],
  system_admin: ['county_bureau', 'regional_viewer'],
};

export const needsDepartment = (role: Role): boolean => role === 'department' || role === 'department_head';
