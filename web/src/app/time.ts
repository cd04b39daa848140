/** Every time the console shows is Asia/Shanghai time, whatever the browser's zone. */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';
import { periodOf, type Period } from '../../../domain/calendar/dates.js';
import { addMonths } from '../../../domain/calendar/dates.js';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const ZONE = 'Asia/Shanghai';

export const formatTime = (iso: string) => dayjs(iso).tz(ZONE).format('YYYY-MM-DD HH:mm');
/**
 * A deadline is the instant its last day ends: midnight of the next day. Shown as the last day at
 * 24:00, so that nobody reads the next day as still on time.
 */
export function formatDeadline(iso: string): string {
  const at = dayjs(iso).tz(ZONE);
  return at.format('HH:mm:ss') === '00:00:00' ? `${at.subtract(1, 'day').format('YYYY-MM-DD')} 24:00` : at.format('YYYY-MM-DD HH:mm');
}
export const formatDate = (iso: string) => dayjs(iso).tz(ZONE).format('YYYY-MM-DD');
export const periodName = (period: string) => `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;

/** This month in Asia/Shanghai, and the eleven before it (newest first). */
export function recentPeriods(now = Date.now()): Period[] {
  const current = periodOf(now);
  return Array.from({ length: 12 }, (_, i) => addMonths(current, -i));
}
