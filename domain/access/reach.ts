/**
 * Where a person may act, beside what (actions.ts): a town's items and an
 * area's screening. Pure: the places come in with their parents.
 */
import { DEPARTMENT_ROLES, type Actor } from './roles.js';

/**
 * Why the actor cannot reach the town's items: a town officer reaches only
 * their own town, anyone else only the towns of their county. Null when they can.
 */
export function townRefusal(actor: Pick<Actor, 'role' | 'jurisdictionId'>, town: { readonly id: string; readonly parentId: string | null }): 'not_own_town' | 'outside' | null {
  if (actor.role === 'town_officer') return actor.jurisdictionId === town.id ? null : 'not_own_town';
  return actor.jurisdictionId === town.parentId ? null : 'outside';
}

/**
 * Whether an area and the actor's jurisdiction lie in one line: the area is
 * within the jurisdiction (the county sees a village's screening), or the
 * jurisdiction within the area (a village sees the county's). Lineages are
 * the place and its ancestors' ids.
 */
export const sameLine = (areaLineage: readonly string[], actorLineage: readonly string[]): boolean =>
  areaLineage.includes(actorLineage[0] ?? '') || actorLineage.includes(areaLineage[0] ?? '');

/**
 * Whose households a department's user reads: only those a task of its
 * department concerns — it carries out measures, it does not keep the
 * registry (issue 18: a department read the names, birth dates, disabilities
 * and illnesses of every household of the county). The department's id, or
 * null for every other role, who reads its jurisdiction's households. A
 * department user without a department reads none. (Data its own feeds bring,
 * issue 15, will widen this to those households too.)
 */
export function departmentReach(actor: Pick<Actor, 'role' | 'departmentId'>): string | null {
  if (!DEPARTMENT_ROLES.includes(actor.role)) return null;
  return actor.departmentId ?? NO_DEPARTMENT;
}

/** Matches no department: a department user without one sees no household. */
const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';
