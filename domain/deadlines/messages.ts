/**
 * What county users read about deadlines, in Simplified Chinese: the names of
 * the recurring items, the rules in words, and why a due day moved.
 */
import { dayOfWeek, parsePeriod, type LocalDate } from '../calendar/dates.js';
import type { DeadlineRule, Due, Shift } from './rules.js';
import type { CadenceItem, DueItemKind, Occurrence, Recurrence, Responsible } from './cadence.js';

/** Names of the cadence's items 台账事项 (the same words as `dueItemKindNames` in messages.ts where both name a kind). */
export const cadenceItemKindNames: Record<DueItemKind, string> = {
  monthly_visit: '月度走访（走访服务信息采集表）',
  monthly_update: '月度信息更新',
  department_data_comparison: '部门数据比对筛查',
  town_monthly_report: '镇月度风险户和风险消除户上报',
  town_quarterly_screening: '镇季度排查',
  quarter_end_export: '季度末数据导出分析',
  employment_ledger: '脱贫劳动力就业台账',
  hrss_quarter_summary: '人社局季度稳岗就业情况汇总',
  medical_tally: '脱贫人口就医数据核算',
  measures_in_place: '监测对象名单及帮扶措施落实到位',
  assistance_count_report: '帮扶措施落实情况上报',
  county_screening: '全县集中排查',
};

export const responsibleNames: Record<Responsible, string> = {
  village: '村',
  town: '乡镇',
  department: '行业部门',
  county: '县',
};

export const recurrenceNames: Record<Recurrence, string> = {
  month: '每月',
  quarter: '每季度',
  year: '每年',
};

export const shiftNames: Record<Shift, string> = {
  none: '遇节假日不顺延',
  next_working_day: '遇节假日顺延至下一个工作日',
  previous_working_day: '遇节假日提前至上一个工作日',
};

export const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

const QUARTER_MONTH_NAMES = ['首', '第二个', '最后一个'] as const;
const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

export const deadlineMessages = {
  calendarMissingYear: (year: number) => `尚未录入${year}年法定节假日安排（国务院办公厅通知），无法按工作日计算期限，请联系县乡村振兴局`,
  provisional: (year: number) => `${year}年放假安排尚未录入，暂按周六、周日休息推算，以国务院办公厅通知为准`,
  dueBy: (date: string, weekday: string) => `截止${date}（${weekday}）24时`,
  moved: (nominal: string, reason: string, forward: boolean, date: string) => `${nominal}为${reason}，${forward ? '顺延至' : '提前至'}${date}`,
  workedWeekend: (weekday: string) => `（${weekday}，调休上班）`,
  holidayRest: (name: string) => `${name}假期`,
  countedFrom: (date: string) => `自${date}次日起计算`,
} as const;

/** `2023年5月20日`, or `5月20日` without the year. */
export function formatDateCn(date: LocalDate, withYear = true): string {
  return `${withYear ? `${date.year}年` : ''}${date.month}月${date.day}日`;
}

export function weekdayName(date: LocalDate): string {
  return WEEKDAY_NAMES[dayOfWeek(date)]!;
}

/** Who does an item: the department it names, else the level. */
export function responsibleName(item: CadenceItem): string {
  return item.department ?? responsibleNames[item.who];
}

/** A rule in words: 每月20日前, 次月3日前, 每季度首月20日前, 每年12月20日前, 2个工作日内. */
export function describeRule(rule: DeadlineRule): string {
  const dayText = (day: number) => (day >= 31 ? '月底前' : `${day}日前`);
  let text: string;
  switch (rule.kind) {
    case 'day_of_month':
      text = `每月${dayText(rule.day)}`;
      break;
    case 'day_of_next_month':
      text = `次月${dayText(rule.day)}`;
      break;
    case 'day_in_quarter':
      text = `每季度${QUARTER_MONTH_NAMES[rule.monthOfQuarter - 1]}月${dayText(rule.day)}`;
      break;
    case 'date_in_year':
      text = `每年${rule.month}月${rule.day}日前`;
      break;
    case 'working_days_after':
      return `${rule.days}个工作日内`;
    case 'days_after':
      text = `${rule.days}日内`;
      break;
  }
  const shift = rule.shift ?? 'none';
  return shift === 'none' ? text : `${text}（${shiftNames[shift]}）`;
}

/**
 * Why the due day differs from the day the rule names, e.g.
 * “3月20日为星期日，顺延至3月21日”; undefined when it does not.
 */
export function explainShift(due: Due): string | undefined {
  const reason = due.movedBecause;
  if (!reason) return undefined;
  const withYear = due.nominal.year !== due.date.year;
  const why = reason.kind === 'weekend' ? weekdayName(due.nominal) : deadlineMessages.holidayRest(reason.name);
  const weekday = dayOfWeek(due.date);
  const worked = weekday === 0 || weekday === 6 ? deadlineMessages.workedWeekend(weekdayName(due.date)) : '';
  return deadlineMessages.moved(formatDateCn(due.nominal, withYear), why, due.shift === 'next_working_day', formatDateCn(due.date, withYear)) + worked;
}

/** The deadline in full: “截止2023年5月22日（星期一）24时。5月20日为星期六，顺延至5月22日”. */
export function explainDue(due: Due): string {
  const parts = [deadlineMessages.dueBy(formatDateCn(due.date), weekdayName(due.date))];
  if (due.countedFrom) parts.push(deadlineMessages.countedFrom(formatDateCn(due.countedFrom)));
  const shift = explainShift(due);
  if (shift) parts.push(shift);
  if (due.provisional) parts.push(deadlineMessages.provisional(due.date.year));
  return parts.join('。');
}

/** `2023年5月`, `2023年第二季度`, `2023年度`. */
export function occurrencePeriodName(occurrence: Occurrence): string {
  const { year, month } = parsePeriod(occurrence.period);
  if (occurrence.item.every === 'month') return `${year}年${month}月`;
  if (occurrence.item.every === 'quarter') return `${year}年第${QUARTER_NAMES[Math.floor((month - 1) / 3)]}季度`;
  return `${year}年度`;
}

/** `2023年5月月度信息更新`: what a list of due items shows. */
export function occurrenceTitle(occurrence: Occurrence): string {
  return `${occurrencePeriodName(occurrence)}${cadenceItemKindNames[occurrence.item.kind]}`;
}
