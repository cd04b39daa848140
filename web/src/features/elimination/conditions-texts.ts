/** What the panel of risk-elimination conditions says. */
export const conditionTexts = {
  title: '风险消除条件',
  origin: { seed: '文件规定', practice: '通行做法（文件未规定）' },
  met: '已满足',
  unmet: '未满足',
  judged: '由评议、审核人员研判',
  continuingTitle: '风险消除后继续享受的帮扶措施',
  continuingNote: '以下措施不因风险消除而终止，任务继续由责任部门办理',
} as const;
