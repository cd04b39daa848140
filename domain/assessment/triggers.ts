/** The trigger rules 风险情形 of a profile that are numbers: how far spending or an income drop must go. */
export interface TriggerRules {
  /**
   * Rigid spending 刚性支出 “clearly above last year's income”: the rigid
   * spending of the last 12 months exceeds this percentage of last year's income.
   */
  readonly rigidSpendingAbovePercentOfLastYearIncome: number;
  /** A “sharp income drop” 收入大幅缩减: per-capita income down by at least this percentage on last year. */
  readonly sharpIncomeDropPercent: number;
}
