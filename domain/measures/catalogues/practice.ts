/**
 * Practice notes the seed catalogues share: what a county's document leaves
 * unsaid and the catalogue takes from national practice 通行做法 or a law.
 */
import type { PracticeNote } from '../catalogue.js';

/**
 * No seed sets a deadline per measure: the design's days by kind of work —
 * urgent protection 15, services and money 30, production and motivation 60,
 * building works 90.
 */
export const deadline = (days: number): PracticeNote => ({ field: 'defaultDeadlineDays', note: `文件未规定本措施的办结时限，按通行做法 ${days} 天` });

/** The measure's clause names no risk cause: the causes for which it is suggested are the product's. */
export const CAUSES: PracticeNote = { field: 'suggestedBy', note: '文件未把本措施与风险类型对应，按通行做法提示' };

/** Labour Law art. 15: no one under 16 may be employed. */
export const WORKING_AGE: PracticeNote = { field: 'minWorkingAge', note: '文件未规定劳动年龄，按《劳动法》第十五条（不得招用未满16周岁的未成年人）' };

/** Compulsory Education Law arts. 11 and 2: enrolment at six, nine years of schooling. */
export const COMPULSORY_AGES: readonly PracticeNote[] = [
  { field: 'fromAge', note: '文件未规定义务教育年龄，按《义务教育法》第十一条：年满6周岁入学' },
  { field: 'toAge', note: '文件未规定义务教育年龄，按《义务教育法》第二条：九年义务教育，至15周岁' },
];

/** The grading of dangerous houses 危房鉴定 in national practice: D rebuilt, C reinforced. */
export const HOUSE_GRADES: readonly PracticeNote[] = [
  { field: 'rebuildGrades', note: '文件未分级规定改造方式；按农村危房改造通行做法，D级（整栋危房）拆除重建' },
  { field: 'reinforceGrades', note: '文件未分级规定改造方式；按农村危房改造通行做法，C级（局部危房）加固维修' },
];
