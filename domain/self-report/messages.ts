/** What the household, the village and the town read about a self-report 农户自主申报, in Simplified Chinese. */
import { RISK_CAUSE_NAMES, type RiskCause } from '../identification/steps.js';
import type { ConsentCover, SelfReportStatus } from './rules.js';

export const selfReportStatusNames: Record<SelfReportStatus, string> = {
  received: '已受理，等待入户核实',
  visited: '已入户核实',
  under_review: '正在审核',
  decided: '已办结',
};

export const consentCoverNames: Record<ConsentCover, string> = {
  income: '家庭收入',
  assets: '家庭财产（房产、车辆、存款等）',
  social_security: '社会保险和社会救助',
  medical: '就医和医疗费用',
  education: '子女就学',
  housing: '住房安全',
};

export const selfReportMessages = {
  phoneInvalid: '请填写正确的手机号码（11位）或带区号的固定电话',
  villageCodeUnknown: '没有找到这个村的申报码，请核对明白卡上的二维码或网址，或拨打热线电话',
  villageUnknown: '请从列表中选择您家所在的村',
  consentRequired: '请阅读并勾选承诺授权，才能提交申报',
  riskCausesRequired: '请至少勾选一项遇到的困难',
  statementRequired: '请简单说明家里遇到的情况',
  receiptUnknown: '没有找到这张回执，请核对回执号和申报时填写的电话',
  challengeRequired: '提交较多，请先算出下面的算式再提交',
  challengeWrong: '算式的答案不对，请重新计算',
  tooManyFromAddress: '这个网络提交的申报太多了，请稍后再试，或拨打热线电话',
  tooManyFromPhone: '这个电话今天提交的申报已经很多了，村里会尽快联系您；如有急事请拨打热线电话',
  notConfigured: '未配置',
  noticeTitle: (village: string) => `${village}防止返贫农户自主申报明白卡`,
  notificationTitle: (village: string) => `农户自主申报：${village}`,
  notificationBody: (village: string, head: string, receipt: string, due: string | null) =>
    `${village}户主“${head}”通过扫码自主申报了困难（回执号 ${receipt}），${due ? `请在 ${due} 前入户核实` : '入户核实时限未配置，请尽快入户核实'}`,
  openedReason: (receipt: string, causes: string, statement: string) => `农户自主申报（回执号 ${receipt}）：${causes}。${statement}`,
  reportNotFound: '未找到该申报',
  alreadyVisited: '该申报已登记入户核实',
  alreadyClosed: '该申报已办结',
  visitNoteRequired: '请填写入户核实的情况',
  villageOnly: '只有村干部和乡镇干部可以登记入户核实',
} as const;

/** The kinds of the deadline register and the inbox that self-reports add. */
export const SELF_REPORT_ITEM_KIND = 'self_report_visit';
export const selfReportItemKindName = '农户自主申报入户核实';

/** The risk causes ticked, in words: 因病、因灾. */
export const causeNames = (causes: readonly string[]): string => causes.map((c) => RISK_CAUSE_NAMES[c as RiskCause] ?? c).join('、');
