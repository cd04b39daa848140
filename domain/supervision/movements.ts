/**
 * A household's movements 变动 the leadership group follows per month, by the
 * file's events (domain/town/report.ts STAGE_EVENT_KINDS): it became a monitoring
 * object (new), its risk was eliminated, or it returned to monitoring — re-entered
 * after elimination or its elimination rolled back.
 */
import { addMonths, startOfPeriod, type Period } from '../calendar/dates.js';

export const MOVEMENT_EVENT_KINDS = {
  new: ['identification.approved'],
  eliminated: ['elimination.confirmed'],
  returned: ['monitoring.reentered', 'elimination.rolled_back'],
} as const;

export type Movement = keyof typeof MOVEMENT_EVENT_KINDS;
export const MOVEMENTS = Object.keys(MOVEMENT_EVENT_KINDS) as Movement[];

export const MOVEMENT_NAMES: Record<Movement, string> = { new: '新增监测对象', eliminated: '风险消除', returned: '返贫（重新纳入监测）' };

/** The events of a movement within a month (Asia/Shanghai): the household list's filter behind a bar of the dashboard's monthly chart. */
export function movedIn(movement: Movement, period: Period): { kinds: readonly string[]; from: Date; to: Date } {
  return { kinds: MOVEMENT_EVENT_KINDS[movement], from: new Date(startOfPeriod(period)), to: new Date(startOfPeriod(addMonths(period, 1))) };
}
