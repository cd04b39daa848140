/** What people read about special inspection campaigns 专项督查, in one place. */
import type { ReportUnit, CampaignReport } from './report.js';

const unitLine = (u: ReportUnit): string =>
  `${u.name ?? '—'}：应核查${u.checks}户，按时核查${u.checkedOnTime}户，逾期核查${u.checkedLate}户，逾期未核查${u.uncheckedOverdue}户；发现问题${u.problems}个，按时整改${u.rectifiedOnTime}个，逾期整改${u.rectifiedLate}个，逾期未整改${u.openOverdue}个`;

export const campaignMessages = {
  notFound: '专项督查不存在',
  outside: '该专项督查不在您的管辖范围内',
  areaInvalid: '督查范围只能是本县或本县的一个乡镇',
  /** A town's officer orders campaigns of the town only, carried out by the town or its villages. */
  townDepartment: '乡镇部署的专项督查由本镇或各村核查，不能指派县直部门',
  townNotice: '全县范围的专项督查由县领导小组或县乡村振兴局发布通报',
  /** An immediate screening 突发情况排查 as a campaign: its name and what its households' checks are. */
  screeningName: (reason: string) => `突发情况排查（${reason}）`,
  areaOutside: '只能在本人管辖范围内部署专项督查',
  departmentRequired: '由行业部门核查时，请选择部门',
  departmentNotOfCounty: '所选部门不属于本县',
  emptyCohort: '按所选条件没有符合的农户，不能启动督查',
  workflowPending: (id: string) => `专项督查已保存（编号 ${id}），流程稍后启动，请稍后刷新查看`,
  householdNotInCohort: '该户不在本次专项督查的核查名单中',
  notYourCheck: '该户的核查不由您负责',
  alreadyChecked: '该户已核查，不能重复提交',
  checklistIncomplete: (items: string) => `核查清单尚未完成：${items}`,
  problemKindInvalid: '问题类型不正确',
  problemDescriptionRequired: '请填写问题情况',
  problemKindTwice: '同一类问题只需登记一次',
  rectifyByInvalid: '整改期限日期不正确',
  rectifyByNotAfterToday: (today: string) => `整改期限须晚于今天（${today}）`,
  problemNotFound: '整改问题不存在',
  alreadyRectified: '该问题已整改完毕',
  notYourRectification: '该问题的整改不由您负责',
  rectificationRequired: '请填写整改情况',
  documentsRequired: '请至少附一份整改佐证材料',
  rectifiedOnInvalid: '整改完成日期不正确',
  rectifiedOnInFuture: (today: string) => `整改完成日期不能晚于今天（${today}）`,
  stillLaunching: '核查任务仍在下发中，请稍后再发布通报',
  closed: '该专项督查已结束，通报已发布',
  launchedTitle: '专项督查核查任务',
  launched: (name: string, n: number, due: string) => `“${name}”专项督查：本单位有${n}户需核查，请于${due}前完成。`,
  /** A screening's 突发情况排查 checks are visits: told in the screening's words. */
  screeningLaunchedTitle: '突发情况排查任务',
  screeningLaunched: (reason: string, n: number, due: string) => `因${reason}，本单位有${n}户须于${due}前完成入户排查走访。`,
  screeningOverdueTitle: '逾期提醒：突发情况排查',
  screeningOverdue: (reason: string, n: number, due: string) => `因${reason}开展的排查已于${due}截止，本单位尚有${n}户未走访，已逾期。`,
  checksOverdueTitle: '专项督查核查逾期',
  checksOverdue: (name: string, n: number, due: string) => `“${name}”专项督查：本单位尚有${n}户未在${due}前完成核查，请立即办理。`,
  rectifyReminderTitle: '专项督查整改提醒',
  rectifyReminder: (name: string, head: string, due: string) => `“${name}”专项督查：${head}户的问题须于${due}前整改到位。`,
  rectifyOverdueTitle: '专项督查整改逾期',
  rectifyOverdue: (name: string, head: string, due: string) => `“${name}”专项督查：${head}户的问题整改期限${due}已过，仍未整改到位。`,
  rectifyEscalatedTitle: '专项督查整改逾期督办',
  rectifyEscalated: (name: string, head: string, place: string, due: string) => `“${name}”专项督查：${place}${head}户的问题整改期限${due}已过多日，仍未整改，请督办。`,
  noticeTitle: (name: string) => `关于“${name}”专项督查情况的通报`,
  /** The notice as one text: the figures, then the laggards named with theirs. */
  noticeBody(r: CampaignReport): string {
    const lines = [
      `因${r.reason}，${r.orderedBy ?? '县防止返贫监测帮扶工作领导小组'}组织开展“${r.name}”专项督查。`,
      `本次督查共核查对象${r.cohort}户，已核查${r.checked}户（其中逾期核查${r.checkedLate}户），未核查${r.unchecked}户；发现问题${r.problems}个，已整改${r.rectified}个，未整改${r.open}个。`,
    ];
    const laggards = [...r.laggards.towns, ...r.laggards.departments];
    if (laggards.length === 0) lines.push('各乡镇、各部门均按期完成核查和整改。');
    else {
      lines.push('以下单位工作进度滞后，予以通报：');
      for (const u of laggards) lines.push(unitLine(u));
      lines.push('请上述单位立即整改，按期销号。');
    }
    return lines.join('\n');
  },
  unitLine,
  /** The notice's workbook: its sheets and the figures' columns. */
  workbook: {
    noticeSheet: '通报',
    unitsSheet: '各单位情况',
    kindsSheet: '问题分类',
    fileName: (name: string) => `${name}通报.xlsx`,
    unitColumns: ['单位', '应核查（户）', '按时核查', '逾期核查', '逾期未核查', '发现问题（个）', '按时整改', '逾期整改', '逾期未整改', '未到期未整改', '是否滞后'],
    kindColumns: ['问题类型', '发现（个）', '已整改（个）'],
    behind: '滞后',
    onSchedule: '正常',
    towns: '乡镇',
    departments: '部门',
  },
};
