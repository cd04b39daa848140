/**
 * The month turn spread (issue 19): a county's households do not all open
 * their month's items at 00:00 on the 1st — 50,000 timers at one instant keep
 * the engine busy for an hour before any cadre is served — but each at its own
 * moment within the first hours of the month, the same for a household every
 * month, drawn from its workflow id. Only when the opening work runs moves:
 * the deadlines are the plan's, whatever the moment.
 */
import { HOUR_MS } from '../calendar/dates.js';

const MINUTE_MS = 60_000;

/** The window the openings are spread over: 00:00–06:00 on the 1st (Asia/Shanghai), before a cadre's working day. */
export const MONTH_TURN_SPREAD_MS = 6 * HOUR_MS;

/** A household's moment in the window, in whole minutes after the month's start: FNV-1a of its workflow id. */
export function monthTurnDelayMs(workflowId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < workflowId.length; i += 1) {
    hash ^= workflowId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % (MONTH_TURN_SPREAD_MS / MINUTE_MS)) * MINUTE_MS;
}
