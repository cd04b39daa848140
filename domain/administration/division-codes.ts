/**
 * Official division codes 统计用区划代码: 12 digits — province 2, city 2, county 2,
 * town 3, village 3. A place's id is the significant part of its code (a county
 * 6 digits, a town 9, a village 12); a village group 村民小组, which has no
 * official code, is its village's 12 digits and a number 001–999 the system
 * gives. The database holds the same shape (migration 019).
 */
export const PLACE_LEVELS = ['province', 'city', 'county', 'town', 'village', 'group'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/** Digits of each level's id; a parent's id is the child's first digits. */
export const ID_LENGTH: Record<PlaceLevel, number> = { province: 2, city: 4, county: 6, town: 9, village: 12, group: 15 };

/** The level directly above; null for a province. */
export const PARENT_LEVEL: Record<PlaceLevel, PlaceLevel | null> = { province: null, city: 'province', county: 'city', town: 'county', village: 'town', group: 'village' };

export type CodeProblem = 'shape' | 'level' | 'not_under_parent' | 'parent_level';

/** The 12-digit official code of a place with an official code (every level but the group). */
export const officialCode = (id: string): string => id.padEnd(12, '0');

/**
 * The id a place of `level` gets from its 12-digit official code, or the
 * problem: not 12 digits (shape), zeros where the level needs digits or digits
 * where it needs zeros (level).
 */
export function idFromOfficialCode(code: string, level: Exclude<PlaceLevel, 'group'>): { id: string } | { problem: CodeProblem } {
  if (!/^[0-9]{12}$/.test(code)) return { problem: 'shape' };
  const length = ID_LENGTH[level];
  const id = code.slice(0, length);
  const parent = PARENT_LEVEL[level];
  const own = id.slice(parent ? ID_LENGTH[parent] : 0);
  if (/^0+$/.test(own) || !/^0*$/.test(code.slice(length))) return { problem: 'level' };
  return { id };
}

/** Why a place `id` of `level` cannot be under `parent`; null when it can. */
export function placementProblem(id: string, level: PlaceLevel, parent: { id: string; level: string } | null): CodeProblem | null {
  const wanted = PARENT_LEVEL[level];
  if (parent === null) return wanted === null || level === 'county' ? null : 'parent_level';
  if (parent.level !== wanted) return 'parent_level';
  return id.startsWith(parent.id) ? null : 'not_under_parent';
}

/** The id of a village's n-th group (1–999). */
export const groupId = (villageId: string, n: number): string => `${villageId}${String(n).padStart(3, '0')}`;

/** The next free group number of a village, from the ids of its groups; undefined when all 999 are taken. */
export function nextGroupNumber(groupIds: readonly string[]): number | undefined {
  const used = new Set(groupIds.map((id) => Number(id.slice(12))));
  for (let n = 1; n <= 999; n += 1) if (!used.has(n)) return n;
  return undefined;
}
