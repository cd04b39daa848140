import { isPeriod } from '../calendar/months.js';

/** Policy data kept in versions, each in force from a month: a county's profile, a measure catalogue. */
export interface Versioned {
  readonly id: string;
  readonly version: number;
  readonly effectiveFrom: string;
}

/** How problems name the version (`xinfeng v2`), and what is wrong with its id, number and month. */
export function versionProblems(doc: Versioned): { where: string; problems: string[] } {
  const where = `${doc.id} v${doc.version}`;
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9-]{1,63}$/.test(doc.id)) problems.push(`${where}: id must be lower-case letters, digits and dashes`);
  if (!Number.isInteger(doc.version) || doc.version < 1) problems.push(`${where}: version must be a positive integer`);
  if (!isPeriod(doc.effectiveFrom)) problems.push(`${where}: effectiveFrom is not YYYY-MM`);
  return { where, problems };
}

/** The seed document a rule comes from (DOMAIN.md: 000 Boluo … 004 Suyuan). */
export type SeedId = '000' | '001' | '002' | '003' | '004';
