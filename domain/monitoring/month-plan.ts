/**
 * What a household must do in a month, and by when, under its county's
 * profile: the monthly update (每月20日前 [003]) and the visit, each due by the
 * cadence's rule on the official calendar; a household marked risk-eliminated
 * keeps only the profile's light monitoring.
 */
import type { Period } from '../calendar/dates.js';
import type { WorkCalendar } from '../calendar/working-days.js';
import { dueAt } from '../deadlines/rules.js';
import { type CadenceItem } from '../deadlines/cadence.js';
import { DEFAULT_MONTHLY_UPDATE_DAY } from '../policy/defaults.js';
import { cadenceOf, type PolicyProfile } from '../policy/profile.js';

export const MONTHLY_ITEM_KINDS = ['monthly_update', 'monthly_visit'] as const;
export type MonthlyItemKind = (typeof MONTHLY_ITEM_KINDS)[number];

export interface MonthPlan {
  readonly profileId: string;
  readonly profileVersion: number;
  /** The day of the month the monthly update is due by (shown to the household's cadres). */
  readonly day: number;
  readonly items: readonly { readonly kind: MonthlyItemKind; readonly dueAt: number }[];
}

/** A household marked risk-eliminated keeps a light monitoring: these items, unless its profile says otherwise. */
export const LIGHT_MONITORING: readonly MonthlyItemKind[] = ['monthly_visit'];

export function monthPlan(profile: PolicyProfile, period: Period, eliminated: boolean, calendar: WorkCalendar): MonthPlan {
  const cadence = cadenceOf(profile);
  const wanted: readonly MonthlyItemKind[] = eliminated ? (profile.lightMonitoring ?? LIGHT_MONITORING) : MONTHLY_ITEM_KINDS;
  const items = cadence
    .filter((item): item is CadenceItem & { kind: MonthlyItemKind } => item.every === 'month' && (wanted as readonly string[]).includes(item.kind))
    .map((item) => ({ kind: item.kind, dueAt: dueAt(item.rule, period, calendar) }));
  const update = cadence.find((item) => item.kind === 'monthly_update');
  const day = update?.rule.kind === 'day_of_month' ? update.rule.day : DEFAULT_MONTHLY_UPDATE_DAY;
  return { profileId: profile.id, profileVersion: profile.version, day, items };
}
