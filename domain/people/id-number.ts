/**
 * The 18-character citizen identity number 公民身份号码 (GB 11643-1999):
 * 6-digit address code, 8-digit birth date YYYYMMDD, 3-digit sequence code
 * (odd for men, even for women), 1 check character (ISO 7064 MOD 11-2).
 * The old 15-digit numbers are refused: a clerk asks for the current card.
 */
import type { LocalDate } from '../calendar/dates.js';
import { idNumberMessages as m } from '../messages/catalogue.js';

export type Sex = 'male' | 'female';

export interface IdNumber {
  /** 18 characters, a final x upper-cased to X. */
  readonly idNumber: string;
  readonly birthDate: LocalDate;
  readonly sex: Sex;
}

export type IdNumberResult = { readonly ok: true; readonly value: IdNumber } | { readonly ok: false; readonly reason: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
/** Birth years before this are typing errors, not people (the standard's own example is born in 1880). */
const EARLIEST_BIRTH_YEAR = 1850;

/** The check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('the check character needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/**
 * Validates a number as typed by a clerk (surrounding spaces are ignored).
 * With `today`, a birth date after it is refused too. The reason is a
 * Simplified Chinese sentence for the clerk.
 */
export function parseIdNumber(raw: string, today?: LocalDate): IdNumberResult {
  const text = raw.trim().toUpperCase();
  if (text.length === 0) return refuse(m.empty);
  if (/^\d{15}$/.test(text)) return refuse(m.fifteenDigits);
  if (text.length !== 18) return refuse(m.wrongLength(text.length));
  if (!/^\d{17}[\dX]$/.test(text)) return refuse(m.badCharacters);

  const birthDate = {
    year: Number(text.slice(6, 10)),
    month: Number(text.slice(10, 12)),
    day: Number(text.slice(12, 14)),
  };
  const shown = `${text.slice(6, 10)}-${text.slice(10, 12)}-${text.slice(12, 14)}`;
  if (!isRealDate(birthDate)) return refuse(m.birthDateNotExist(shown));
  if (birthDate.year < EARLIEST_BIRTH_YEAR) return refuse(m.birthYearImplausible(birthDate.year));
  if (today && compareDates(birthDate, today) > 0) return refuse(m.birthDateInFuture(shown));

  if (checkCharacter(text.slice(0, 17)) !== text[17]) return refuse(m.checkCharacterWrong);

  const sex: Sex = Number(text[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { idNumber: text, birthDate, sex } };
}

/**
 * For lists and logs: the first 6 characters (the place of registration, which the household's
 * village tells anyway) and 12 stars (`110101************`). The birth date and the sex are shown
 * beside a member's masked number, so the mask must hide more than the birth date: the old mask
 * (`110101********123X`, first 6 and last 4) with the birth date beside it gave the whole number
 * back (issue 18, defect 9). Now the 3-digit sequence and the check character stay hidden: some
 * 500 numbers fit a birth date and a sex. Anything that is not 18 characters is starred out whole.
 */
export function maskIdNumber(idNumber: string): string {
  const text = idNumber.trim().toUpperCase();
  if (text.length !== 18) return '*'.repeat(text.length);
  return `${text.slice(0, 6)}${'*'.repeat(12)}`;
}

/**
 * Every ID-number-like run in a text masked, e.g. a URL before it is logged: percent-escapes are
 * read first (`%20<id>` hid the number behind the `0` of the escape), and any run of 15 or more
 * digits (an old 15-digit number, an 18-character one, one with extra digits around it) is masked
 * whatever stands beside it — an 18-character run as `maskIdNumber` does, any other run starred whole.
 */
export function maskIdNumbersIn(text: string): string {
  return readEscapes(text).replace(/[0-9]{15,}[Xx]?/g, (run) => (run.length === 18 ? maskIdNumber(run) : '*'.repeat(run.length)));
}

function readEscapes(text: string): string {
  const plus = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    // A malformed escape somewhere: read the well-formed ones one by one.
    return plus.replace(/%[0-9A-Fa-f]{2}/g, (escape) => String.fromCharCode(Number.parseInt(escape.slice(1), 16)));
  }
}

/**
 * Age in full years 周岁 on `date`: a year is complete on the birthday
 * (someone born on 29 February completes it on 1 March in common years).
 */
export function ageOn(birthDate: LocalDate, date: LocalDate): number {
  if (compareDates(birthDate, date) > 0) throw new RangeError('the date is before the birth date');
  const birthdayReached = date.month > birthDate.month || (date.month === birthDate.month && date.day >= birthDate.day);
  return date.year - birthDate.year - (birthdayReached ? 0 : 1);
}

function isRealDate({ year, month, day }: LocalDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function refuse(reason: string): IdNumberResult {
  return { ok: false, reason };
}
