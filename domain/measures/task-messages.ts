/**
 * What people read about assistance plans and department tasks, in
 * Simplified Chinese: refusals, notifications, names in lists and the file.
 */
import type { HandBackReason, TaskStatus } from './tasks.js';

export const taskStatusNames: Record<TaskStatus, string> = {
  assigned: '待接收',
  accepted: '已接收',
  in_progress: '办理中',
  completed: '已办结',
  handed_back: '已退回',
  cancelled: '已撤销',
};

export const handBackReasonNames: Record<HandBackReason, string> = {
  not_eligible: '不符合条件',
  wrong_department: '不属于本部门职责',
  other: '其他原因',
};

export const escalationLevelNames: Record<0 | 1 | 2, string> = {
  0: '未逾期',
  1: '逾期，已提醒部门负责人',
  2: '逾期未办，已报县督查',
};

/** How a member is named in suggestions, by relation to the head: personal names stay out of workflow history. */
export const relationNames: Record<string, string> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandparent: '祖父母',
  grandchild: '孙子女',
  sibling: '兄弟姐妹',
  child_in_law: '儿媳/女婿',
  other: '其他成员',
};

/** Names of the household file's entries about plans and tasks (for eventKindNames in messages.ts). */
export const taskEventKindNames: Record<string, string> = {
  'assistance_plan.confirmed': '确定帮扶措施表',
  'measure_task.assigned': '帮扶任务指派',
  'measure_task.accepted': '部门接收帮扶任务',
  'measure_task.progress_reported': '部门报告办理进度',
  'measure_task.completed': '帮扶措施落实办结',
  'measure_task.handed_back': '部门退回帮扶任务',
  'measure_task.reassigned': '乡镇重新指派帮扶任务',
  'measure_task.overdue': '帮扶任务逾期',
  'measure_task.escalated': '帮扶任务逾期上报县督查',
  'measure_task.requirement_waived': '县级说明理由，该措施不作为风险消除前提',
};

export const taskMessages = {
  notDepartmentUser: '只有承办部门的工作人员才能办理该任务',
  notYourDepartment: '该任务不由您所在的部门承办，您不能办理',
  taskNotFound: '未找到该帮扶任务',
  taskClosed: (status: string) => `该任务${status}，不能再办理`,
  notAssigned: (status: string) => `该任务${status}，无需重复接收`,
  acceptFirst: '请先接收任务，再报告办理进度',
  progressRequired: '请填写办理进度',
  whatWasDoneRequired: '请填写落实了什么措施',
  completionDateInvalid: '办结日期格式应为 YYYY-MM-DD',
  completionDateInFuture: (today: string) => `办结日期不能晚于今天（${today}）`,
  amountInvalid: '金额应为不小于0的数字（以分计为整数）',
  documentsRequired: '请至少提供一份佐证材料（文件、照片或凭证）',
  handBackReasonInvalid: '退回理由只能是：不符合条件、不属于本部门职责或其他原因',
  handBackTextRequired: '请说明退回的具体理由',
} as const;

export const planMessages = {
  notMonitored: '只有监测对象才能制定帮扶措施',
  measuresRequired: '请至少选择一项帮扶措施',
  unknownMeasure: (code: string) => `帮扶措施“${code}”不在本县措施目录中`,
  duplicateMeasure: (name: string) => `帮扶措施“${name}”重复选择`,
  deadlineDaysInvalid: (max: number) => `办理期限应为1至${max}天的整数`,
  departmentInvalid: '承办部门编号格式不正确',
  departmentNotInCounty: '所选承办部门不属于本县',
  leadMissing: (department: string, measure: string) => `本县尚未设置“${measure}”的牵头单位${department}，请选择承办部门`,
  stillOpen: (names: string) => `以下帮扶措施已有未办结的任务，不能重复指派：${names}`,
  noteTooLong: '备注不能超过2000字',
  taskKeyInvalid: '任务编号格式不正确',
  taskNotOfHousehold: '该任务不属于此户',
  notHandedBack: (status: string) => `该任务${status}，只有部门退回的任务才能重新指派`,
  alreadyReassigned: '该任务已重新指派，请勿重复操作',
  reasonRequired: '请填写理由',
  notRequired: '该措施不是风险消除的必要措施，无需说明',
  alreadyWaived: '县级已对该措施作出说明',
  notOpen: (status: string) => `该任务${status}，无需说明`,
  noMembers: '该户尚未登记家庭成员，仅按风险类型提出建议；请登记家庭成员后重新生成',
  eliminationBlocked: (items: string) =>
    `以下必要帮扶措施尚未办结，不能提出风险消除：${items}。请督促承办部门办结，或由县乡村振兴局说明理由后再提出`,
  openItem: (measure: string, department: string, due: string) => `${measure}（${department}，期限${due}）`,
} as const;

/** Notifications to departments, town officers and supervisors. */
export const taskNotices = {
  assignedTitle: (measure: string) => `【新任务】${measure}`,
  assigned: (place: string, head: string, measure: string, due: string) =>
    `${place}${head}户的帮扶措施“${measure}”已指派给贵单位，请于${due}前落实，并在系统中接收、办结（附佐证材料）`,
  reminderTitle: (measure: string) => `【即将到期】${measure}`,
  reminder: (place: string, head: string, measure: string, due: string, days: number) =>
    `${place}${head}户的帮扶措施“${measure}”将于${due}到期（还剩${days}天），请抓紧落实`,
  overdueTitle: (measure: string) => `【逾期督办】${measure}`,
  overdue: (place: string, head: string, measure: string, due: string) =>
    `${place}${head}户的帮扶措施“${measure}”已超过办理期限（${due}），请部门负责人督促尽快落实`,
  escalatedTitle: (measure: string) => `【逾期上报】${measure}`,
  escalatedDepartment: (place: string, head: string, measure: string, days: number) =>
    `${place}${head}户的帮扶措施“${measure}”已逾期${days}天仍未办结，已报县督查组`,
  supervisorsTitle: (department: string, measure: string) => `【逾期未办】${department}·${measure}`,
  supervisors: (department: string, place: string, head: string, measure: string, due: string, days: number) =>
    `${department}承办的${place}${head}户帮扶措施“${measure}”期限为${due}，已逾期${days}天仍未办结，请督查跟进`,
  handedBackTitle: (measure: string) => `【任务退回】${measure}`,
  handedBack: (department: string, place: string, head: string, measure: string, reason: string, text: string) =>
    `${department}退回了${place}${head}户的帮扶措施“${measure}”，理由：${reason}（${text}），请重新指派承办部门`,
} as const;

/** The monthly overdue digest 月度逾期任务汇总 to each department. */
export const digestMessages = {
  title: (period: string, n: number) => `${period} 逾期帮扶任务汇总（${n} 项）`,
  heading: (period: string, n: number) => `截至本月1日，本部门共有 ${n} 项帮扶任务逾期未办结（${period} 月度汇总），请尽快办理：`,
  line: (p: { place: string; head: string; measure: string; due: string; days: number }) => `${p.place} 户主“${p.head}”：${p.measure}，应于 ${p.due} 前办结，已逾期 ${p.days} 天`,
  more: (n: number) => `……另有 ${n} 项，请在任务列表中查看`,
} as const;
