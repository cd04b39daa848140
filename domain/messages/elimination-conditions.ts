/** The words of the risk-elimination conditions 风险消除条件 and of the measures that go on after it. */
export const conditionMessages = {
  judgement: (quote: string) => `文件规定：“${quote}”（由评议、审核人员研判）`,
  stableAboveLine: (months: number) => `收入稳定超过当年监测标准，原则上${months}个月以上`,
  monitoredMonths: (months: number) => `纳入监测满${months}个月`,
  measuresReceived: (n: number) => `至少落实${n}项帮扶措施`,
  noQuota: '不设风险消除比例、不定指标',
  labour: '无劳动能力（无劳动年龄人口）的户一般不标注风险消除',
  months: (n: number) => `现${n}个月`,
  measures: (n: number) => `现已落实${n}项`,
  refused: (shortfalls: readonly string[]) => `不符合风险消除条件：${shortfalls.join('；')}`,
  continuesUntil: (name: string, until: string) => `风险消除后继续享受${name}，至${until}`,
  noConditions: '本县文件未规定风险消除的具体条件，由评议、审核人员研判',
} as const;
