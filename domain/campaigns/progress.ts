/**
 * How far a campaign has come in one town or department, and the one rule for
 * being behind schedule 进度滞后: some of its work was not done by its deadline —
 * a check done late or still undone past the deadline, a rectification done
 * late or still open past the date it was required by. The live progress, the
 * close-out report and the notice 通报 apply the same rule.
 */
import { addWorkingDays } from '../calendar/working-days.js';
import { endOfLocalDay, toLocalDate } from '../calendar/dates.js';
import { DEADLINE_CALENDAR } from '../deadlines/calendar.js';

export interface UnitFigures {
  readonly checks: number;
  readonly checkedOnTime: number;
  readonly checkedLate: number;
  /** Not checked and past the deadline. */
  readonly uncheckedOverdue: number;
  readonly problems: number;
  readonly rectifiedOnTime: number;
  readonly rectifiedLate: number;
  /** Open and past the date required. */
  readonly openOverdue: number;
  /** Open and still within the date required. */
  readonly openInTime: number;
}

export const EMPTY_FIGURES: UnitFigures = {
  checks: 0,
  checkedOnTime: 0,
  checkedLate: 0,
  uncheckedOverdue: 0,
  problems: 0,
  rectifiedOnTime: 0,
  rectifiedLate: 0,
  openOverdue: 0,
  openInTime: 0,
};

export const behindSchedule = (f: UnitFigures): boolean => f.checkedLate + f.uncheckedOverdue + f.rectifiedLate + f.openOverdue > 0;

/** Checked share in whole percent (0 for a unit without checks). */
export const checkedPercent = (f: UnitFigures): number => (f.checks === 0 ? 0 : Math.floor(((f.checkedOnTime + f.checkedLate) * 100) / f.checks));

export const MAX_CHECK_WORKING_DAYS = 60;

/** The checks' deadline: the end of the day `workingDays` working days after the launch's day (official calendar, 调休 included). */
export function checkDueAt(launchedAt: number, workingDays: number): number {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_CHECK_WORKING_DAYS) throw new RangeError(`1 to ${MAX_CHECK_WORKING_DAYS} working days, not ${workingDays}`);
  return endOfLocalDay(addWorkingDays(toLocalDate(launchedAt), workingDays, DEADLINE_CALENDAR));
}
