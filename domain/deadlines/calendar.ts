import { OFFICIAL_CN_CALENDAR } from '../calendar/official-cn.js';
import type { WorkCalendar } from '../calendar/working-days.js';

/**
 * The calendar deadlines are computed on. A year whose official notice is not
 * in the data yet is counted by weekends alone (a provisional date) rather
 * than stopping every household's month until someone adds the notice.
 */
export const DEADLINE_CALENDAR: WorkCalendar = { ...OFFICIAL_CN_CALENDAR, beyondCoverage: 'weekends_only' };
