/**
 * National practice as of 2026 (常态化帮扶, DOMAIN.md §10), the rules a new
 * county starts from: joint identification with 低保 / 特困, a clue decided
 * within 15 days, a village notice of at least 5 days held once, a notice list
 * without personal data, elimination only after 6 months stably above the line
 * and 6 months monitored with a measure received and no quota, measures that
 * go on after elimination, and a county-wide screening 集中排查 each year.
 */

/** What a notice list 公示名单 never shows. */
export const NOTICE_PRIVATE_FIELDS = ['idNumber', 'phone', 'bankAccount', 'health'] as const;
export type NoticePrivateField = (typeof NOTICE_PRIVATE_FIELDS)[number];
export const NOTICE_PRIVATE_FIELD_NAMES: Record<NoticePrivateField, string> = {
  idNumber: '身份证号',
  phone: '电话',
  bankAccount: '银行账号',
  health: '健康状况',
};

export interface ContinuingMeasure {
  /** The measure as the practice names it. */
  readonly name: string;
  /** Until when it continues after elimination. */
  readonly until: string;
  /** The catalogue's measure codes that carry it; absent on versions stored before them (then read by name). */
  readonly measures?: readonly string[];
}

export interface StandingPractice {
  /** 与农村低保、特困人员统筹认定: the social-assistance groups identified jointly, on the same income method. */
  readonly jointIdentificationWith: readonly ('dibao' | 'tekun')[];
  /** From the first clue to the county's decision, in days (calendar days: the practice says 15日内). */
  readonly clueToDecisionDays: number;
  /** The village notice: at least so many days, held once, at village level only. */
  readonly publicity: { readonly minDays: number; readonly once: boolean; readonly level: 'village' };
  readonly noticeNeverShows: readonly NoticePrivateField[];
  readonly elimination: {
    /** Income stably above the year's line for at least so many months. */
    readonly stableAboveLineMonths: number;
    /** Monitored for at least so many months. */
    readonly minMonitoredMonths: number;
    /** At least so many measures received. */
    readonly minMeasuresReceived: number;
    /** No quota on eliminations 不设比例、不定指标. */
    readonly quota: false;
  };
  readonly continuingAfterElimination: readonly ContinuingMeasure[];
  /** County-wide screenings 集中排查 a year, at least. */
  readonly countyScreeningsPerYear: number;
  /** Where the practice is written down (no seed gives it). */
  readonly basis: string;
}

export interface EliminationFacts {
  /** Consecutive months, up to now, with income above the line in force. */
  readonly monthsAboveLine: number;
  readonly monthsMonitored: number;
  readonly measuresReceived: number;
}

/** What keeps a household from being marked risk-eliminated under the practice, in a clerk's words; empty when nothing does. */
export function eliminationShortfalls(practice: StandingPractice, facts: EliminationFacts): string[] {
  const e = practice.elimination;
  const out: string[] = [];
  if (facts.monthsAboveLine < e.stableAboveLineMonths) out.push(`收入稳定超过监测标准不足${e.stableAboveLineMonths}个月（现${facts.monthsAboveLine}个月）`);
  if (facts.monthsMonitored < e.minMonitoredMonths) out.push(`纳入监测不足${e.minMonitoredMonths}个月（现${facts.monthsMonitored}个月）`);
  if (facts.measuresReceived < e.minMeasuresReceived) out.push(`尚未落实帮扶措施（至少${e.minMeasuresReceived}项）`);
  return out;
}

/** A row of the notice list as it may be posted: every private field left out, whatever the row held. */
export function noticeRow<T extends Record<string, unknown>>(practice: StandingPractice, row: T): Omit<T, NoticePrivateField> {
  const hidden = new Set<string>(practice.noticeNeverShows);
  return Object.fromEntries(Object.entries(row).filter(([key]) => !hidden.has(key))) as Omit<T, NoticePrivateField>;
}

export function standingPracticeProblems(practice: StandingPractice, publicNoticeDays: number | undefined, where: string): string[] {
  const problems: string[] = [];
  const positive = (n: number) => Number.isInteger(n) && n >= 1;
  if (!positive(practice.clueToDecisionDays)) problems.push(`${where}: clueToDecisionDays must be a positive whole number`);
  if (!positive(practice.publicity.minDays)) problems.push(`${where}: the notice needs a positive number of days`);
  if (publicNoticeDays === undefined || publicNoticeDays < practice.publicity.minDays) {
    problems.push(`${where}: the public notice must last at least ${practice.publicity.minDays} days`);
  }
  for (const field of NOTICE_PRIVATE_FIELDS) if (!practice.noticeNeverShows.includes(field)) problems.push(`${where}: the notice list must never show ${field}`);
  const e = practice.elimination;
  if (![e.stableAboveLineMonths, e.minMonitoredMonths, e.minMeasuresReceived].every((n) => Number.isInteger(n) && n >= 0)) {
    problems.push(`${where}: elimination conditions must be whole numbers`);
  }
  if (!positive(practice.countyScreeningsPerYear)) problems.push(`${where}: at least one county-wide screening a year`);
  return problems;
}
