/** What the risk-elimination 风险消除 panel says. */
export const eliminationTexts = {
  title: '风险消除',
  none: '尚未提出风险消除',
  propose: '提出风险消除',
  proposeAgain: '补充材料后重新提出',
  statement: '风险消除理由（享受的帮扶措施、家庭成员、收入和生活条件的变化）',
  statementRequired: '请填写风险消除的理由',
  evidence: '佐证材料（每行一份，如：收入测算表）',
  evidenceRequired: '请至少提供一份佐证材料',
  proposed: '风险消除已提出，等待乡镇审核',
  decided: '已办理',
  status: { in_progress: '办理中', approved: '已确认风险消除', rejected: '不予确认' },
  eliminated: '该户已标注风险消除（不删除，继续跟踪）',
  decisions: { approve: '同意', return: '退回补充材料', reject: '不予确认' },
  waiting: (step: string) => `等待“${step}”办理`,
} as const;
