/** The county's settings for household self-report, held in its policy profile. */
/**
 * The township's clock on a report: a home visit within the profile's working
 * days (Anhui's 一码申报: 2). No seed gives it; a county without it has no
 * deadline on the visit (shown “未配置”) until it enters one.
 */
export interface SelfReportPolicy {
  /** Working days from the report to the home visit 入户核实. */
  readonly visitWorkingDays?: number;
  /** The county's hotline printed on the notice card. */
  readonly hotline?: string;
}


export function selfReportPolicyProblems(policy: SelfReportPolicy, where: string): string[] {
  const problems: string[] = [];
  const days = policy.visitWorkingDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 60)) problems.push(`${where}: the self-report visit must be 1–60 working days`);
  if (policy.hotline !== undefined && !/^[0-9-]{3,20}$/.test(policy.hotline)) problems.push(`${where}: the self-report hotline must be digits and dashes`);
  return problems;
}

