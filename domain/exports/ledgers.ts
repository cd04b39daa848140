/**
 * Titles and headings of the forms and ledgers beyond the roster: Mile's
 * 附件1、2、3-1、4、5、6 [001], Suyuan's 增收帮扶台账 [004], Xinfeng's quarterly
 * employment ledger 脱贫劳动力就业台账 [003], the town's monthly report [001] and
 * the open and overdue items. The seeds give the titles; where a seed names the
 * fields (the five focus criteria of [004]) the headings use its words,
 * otherwise they are this system's own field names (domain/messages/fields.ts).
 * Also the quarter a ledger is for, parsed once.
 */
import { FIELD_LABELS } from '../messages/fields.js';
import type { FocusFlag } from '../monitoring/risk-signal.js';

const L = FIELD_LABELS;
const place = [L.townId!, L.villageId!, L.headName!, L.idNumber!];

export const ledgerMessages = {
  application: {
    /** 附件1 脱贫监测户申请书 / 附件2 边缘户申请书 [001]. */
    title: (marginal: boolean) => (marginal ? '边缘户申请书' : '脱贫监测户申请书'),
    sheet: '申请书',
    fileName: (head: string, marginal: boolean) => `${head}户${marginal ? '边缘户申请书' : '脱贫监测户申请书'}.xlsx`,
    headings: ['项目', '内容'],
    applicant: L.headName!,
    idNumber: L.idNumber!,
    town: L.townId!,
    village: L.villageId!,
    address: L.address!,
    members: L.memberCount!,
    causes: L.riskCauses!,
    statement: '申请理由（情况陈述）',
    lastYear: '上年人均纯收入（元）',
    appliedOn: '申请日期',
    recordedBy: '经办人',
    evidence: L.evidence!,
    opinion: (step: string) => `${step}意见`,
    opinionText: (decision: string, opinion: string, by: string, on: string) => `${decision}：${opinion}（${by}，${on}）`,
    participants: '村组评议参与人员',
    none: '尚未提交申请',
    pending: '尚未办理',
  },
  survey: {
    /** 附件3-1 返贫致贫风险户调查表 [001]. */
    title: (head: string) => `返贫致贫风险户调查表（${head}户）`,
    sheet: '调查表',
    membersSheet: '家庭成员',
    fileName: (head: string) => `${head}户返贫致贫风险户调查表.xlsx`,
    headings: ['调查项目', '调查情况'],
    threats: (name: string) => `“两不愁三保障”及饮水安全：${name}`,
    threatened: '存在问题',
    secure: '有保障',
    unknown: '未调查',
    incomeTotal: '调查收入合计（元）',
    spendingTotal: '调查支出合计（元）',
    rigidTotal: '其中刚性支出（元）',
    months: '调查收支月份',
    surveyor: '调查人',
    surveyedOn: '调查日期',
    facts: '住房、饮水、就业等情况',
  },
  measures: {
    /** 附件4 致贫返贫风险户帮扶措施表 [001]. */
    title: (who: string) => `致贫返贫风险户帮扶措施表（${who}）`,
    householdTitle: (head: string) => `${head}户`,
    sheet: '帮扶措施表',
    fileName: (who: string) => `${who}帮扶措施表.xlsx`,
    headings: ['序号', L.measure!, '责任单位', L.required!, '下达日期', '办理期限', '办理状态', '办结日期', '落实情况'],
    placeHeadings: ['序号', L.townId!, L.villageId!, L.headName!, L.measure!, '责任单位', L.required!, '下达日期', '办理期限', '办理状态', '办结日期', '落实情况'],
  },
  analysis: {
    /** 附件5 脱贫监测户 / 附件6 边缘户动态监测分析研判表 [001]. */
    title: (placeName: string, marginal: boolean) => `${placeName}${marginal ? '边缘户' : '脱贫监测户'}动态监测分析研判表`,
    sheet: (marginal: boolean) => (marginal ? '边缘户研判表' : '脱贫监测户研判表'),
    fileName: (placeName: string, marginal: boolean) => `${placeName}${marginal ? '边缘户' : '脱贫监测户'}动态监测分析研判表.xlsx`,
    headings: ['序号', ...place, L.memberCount!, L.category!, L.riskCauses!, L.stage!, '最近研判月份', '人均纯收入（元）', '监测线（元）', '研判结论', '帮扶措施及办理情况', '风险消除日期'],
    conclusions: { eligible: '符合纳入监测条件', not_eligible: '不符合纳入监测条件', undetermined: '暂无法判断' } as Record<string, string>,
    /** One household's 研判表: a row per assessment in its file. */
    householdTitle: (head: string, marginal: boolean) => `${marginal ? '边缘户' : '脱贫监测户'}动态监测分析研判表（${head}户）`,
    householdFileName: (head: string) => `${head}户动态监测分析研判表.xlsx`,
    householdHeadings: ['序号', '研判日期', '研判月份', L.memberCount!, '人均纯收入（元）', '监测线（元）', '是否低于监测线', '研判结论', '重点分析', '研判依据'],
  },
  incomeLedger: {
    /** The attachment of Suyuan's 涑巩固拓展〔2022〕9号 [004]: 脱贫户及防贫监测对象增收帮扶台账, by village. */
    title: (placeName: string) => `${placeName}脱贫户及防贫监测对象增收帮扶台账`,
    sheet: '增收帮扶台账',
    fileName: (placeName: string) => `${placeName}增收帮扶台账.xlsx`,
    /** The five criteria in the seed's words: 收入下降、低于监测标准、低于全国脱贫人口平均水平、转移性收入占比过高、整户无劳力且收入较低. */
    focus: { incomeDown: '收入下降', belowMonitoring: '低于监测标准', belowFocusLine: '低于全国脱贫人口平均水平', transferShareHigh: '转移性收入占比过高', noLabourLowIncome: '整户无劳力且收入较低' } satisfies Record<FocusFlag, string>,
    before: ['序号', ...place, L.category!, L.memberCount!, '测算月份', '预估人均纯收入（元）', '上年人均纯收入（元）', '增减（元）', '是否重点分析'],
    after: ['减收原因（风险类型）', '增收帮扶措施及办理情况'],
    yes: '是',
    no: '否',
    unknown: '—',
  },
  employment: {
    /** Xinfeng's 脱贫劳动力就业台账, fed back to 人社局 each quarter [003]. */
    title: (placeName: string, quarter: string) => `${placeName}脱贫劳动力就业台账（${quarter}）`,
    sheet: '就业台账',
    fileName: (placeName: string, quarter: string) => `${placeName}脱贫劳动力就业台账（${quarter}）.xlsx`,
    headings: ['序号', L.townId!, L.villageId!, L.headName!, L.name!, L.idNumber!, '性别', '年龄', L.labourAbility!, L.category!, '就业情况', '情况采集日期', '就业帮扶措施及办理情况'],
    employed: '已就业',
    unemployed: '未就业',
    notKnown: '未采集',
    sex: { male: '男', female: '女' } as Record<string, string>,
    quarterName: (year: number, q: number) => `${year}年第${'一二三四'[q - 1]}季度`,
    badQuarter: '季度应写成“2026-Q4”的形式',
    quarterTooEarly: (year: string) => `季度不能早于 ${year} 年`,
  },
  townReport: {
    /** The town's monthly report of last month's risk and risk-eliminated households [001]. */
    title: (town: string, period: string) => `${town}${period.replace('-', '年')}月返贫致贫风险户、风险消除户上报表`,
    sheet: '月度上报',
    fileName: (town: string, period: string) => `${town}${period}风险户和风险消除户上报表.xlsx`,
    headings: ['序号', '名单类别', L.villageId!, L.headName!, '说明'],
    status: (submitted: boolean, on: string) => (submitted ? `已上报（${on}）` : '草稿（尚未上报）'),
    counts: (monitoring: number, newRisk: number, eliminated: number) => `风险户 ${monitoring} 户，其中当月新增 ${newRisk} 户；当月风险消除户 ${eliminated} 户`,
  },
  items: {
    /** The open and overdue items 待办和逾期事项 of the register. */
    title: (who: string, overdueOnly: boolean) => `${who}${overdueOnly ? '逾期事项清单' : '待办和逾期事项清单'}`,
    sheet: '事项清单',
    fileName: (who: string, overdueOnly: boolean) => `${who}${overdueOnly ? '逾期事项' : '待办和逾期事项'}.xlsx`,
    headings: ['序号', '事项', '期次', L.townId!, L.villageId!, L.headName!, '承办部门', '责任人', '截止日期', '状态', '逾期天数'],
    open: '未办结',
    overdue: '已逾期',
  },
  exportedAt: (when: string) => `导出时间：${when}`,
} as const;

/** A quarter as the register names it (`2026-Q4`): its name, first and last day. */
export interface Quarter {
  readonly key: string;
  readonly year: number;
  readonly quarter: number;
  readonly name: string;
  readonly firstDay: string;
  readonly lastDay: string;
}

const LAST_DAYS = ['03-31', '06-30', '09-30', '12-31'];

/** The quarter of `key` (`2026-Q4`), or undefined when it is not one. */
export function parseQuarter(key: string): Quarter | undefined {
  const match = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!match) return undefined;
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  const firstMonth = String((quarter - 1) * 3 + 1).padStart(2, '0');
  return { key, year, quarter, name: ledgerMessages.employment.quarterName(year, quarter), firstDay: `${year}-${firstMonth}-01`, lastDay: `${year}-${LAST_DAYS[quarter - 1]}` };
}

/** The quarter a `YYYY-MM` month lies in. */
export const quarterOfPeriod = (period: string): Quarter => parseQuarter(`${period.slice(0, 4)}-Q${Math.ceil(Number(period.slice(5, 7)) / 3)}`)!;

/** Whole years of age on `day` (YYYY-MM-DD) of one born on `birth` (YYYY-MM-DD). */
export function ageOn(birth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
}
