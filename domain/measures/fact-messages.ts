/** Why the facts of a submission are refused, in the clerk's words. */
export const factMessages = {
  gradeInvalid: '住房安全等级只能是A、B、C、D级',
  waterInvalid: '饮水检测结果只能是合格、不合格或未检测',
  memberTwice: '同一成员的情况只能填写一次',
  memberMissing: '请选择家庭成员',
  medicalInvalid: '本年个人自付医疗费用应为不小于0的金额，精确到分',
  schoolingInvalid: '就学情况只能是在校、失学辍学或已完成义务教育',
  loanTwice: '同一成员只能填写一笔小额信贷申请',
  loanAmountInvalid: '小额信贷申请金额应为大于0的金额，精确到分',
  loanTermInvalid: (max: number) => `贷款期限应为1至${max}年的整数`,
} as const;
