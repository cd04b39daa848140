/**
 * Member changes 人口变动, recorded each month before the 20th [003]: a member
 * leaves the household (death 死亡, marriage out 婚出, moving out 迁出,
 * enlisting 参军入伍) or joins it (birth 出生, marriage in 婚入, moving in 迁入)
 * on a day, with evidence. The household's size in a month — what per-capita
 * income divides by — counts the members present on any day of that month:
 * a member who died in March counts in March and not from April.
 */
import { compareLocalDates, daysInMonth, formatLocalDate, parseLocalDate, parsePeriod, type LocalDate, type Period } from '../calendar/dates.js';
import { memberChangeMessages as m } from './messages.js';

export { JOINING_REASONS, LEAVING_REASONS, type JoiningReason, type LeavingReason } from './member-reasons.js';

/** When a member was in the household: `joinedOn` null for one already there when registered; `leftOn` null while still in it. */
export interface MemberSpan {
  readonly joinedOn: string | null;
  readonly leftOn: string | null;
}

/** Whether the member was in the household on any day of `period`. */
export function presentIn(member: MemberSpan, period: Period): boolean {
  const { year, month } = parsePeriod(period);
  const first = `${period}-01`;
  const last = formatLocalDate({ year, month, day: daysInMonth(year, month) });
  return (member.joinedOn === null || member.joinedOn <= last) && (member.leftOn === null || member.leftOn >= first);
}

/** The members present in `period`. */
export function membersOfPeriod<T extends MemberSpan>(members: readonly T[], period: Period): T[] {
  return members.filter((member) => presentIn(member, period));
}

/** Why a leaving cannot be recorded, in the clerk's words; undefined when it can. */
export function leavingRefusal(member: { readonly name: string; readonly birthDate: string; readonly joinedOn: string | null; readonly leftOn: string | null }, on: string, today: LocalDate): string | undefined {
  if (member.leftOn !== null) return m.alreadyLeft(member.name, member.leftOn);
  const date = dayOf(on);
  if (!date) return m.dateInvalid(on);
  if (compareLocalDates(date, today) > 0) return m.dateInFuture(formatLocalDate(today));
  if (on < member.birthDate) return m.leftBeforeBirth(member.name, member.birthDate);
  if (member.joinedOn !== null && on < member.joinedOn) return m.leftBeforeJoined(member.name, member.joinedOn);
  return undefined;
}

/** Why a joining on `on` of a person born on `birthDate` cannot be recorded; undefined when it can. */
export function joiningRefusal(birthDate: string, on: string, today: LocalDate): string | undefined {
  const date = dayOf(on);
  if (!date) return m.dateInvalid(on);
  if (compareLocalDates(date, today) > 0) return m.dateInFuture(formatLocalDate(today));
  if (on < birthDate) return m.joinedBeforeBirth(birthDate);
  return undefined;
}

function dayOf(text: string): LocalDate | undefined {
  try {
    return parseLocalDate(text);
  } catch {
    return undefined;
  }
}
