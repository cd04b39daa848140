/**
 * The close-out report of a campaign and its county-wide notice 通报 [004]:
 * the cohort, how many were checked, the problems by kind, how many were
 * rectified and how many are open, and the towns and departments behind
 * schedule with their figures — by the one rule of progress.ts.
 */
import { behindSchedule, type UnitFigures } from './progress.js';

export interface ReportUnit extends UnitFigures {
  readonly id: string | null;
  readonly name: string | null;
}

export interface CampaignReport {
  readonly campaignId: string;
  /** Who ordered it when not the county's leadership group: the town that ordered a campaign of its own area. */
  readonly orderedBy?: string;
  readonly name: string;
  readonly reason: string;
  readonly launchedAt: string;
  readonly dueAt: string;
  readonly publishedAt: string;
  readonly cohort: number;
  readonly checked: number;
  readonly checkedLate: number;
  readonly unchecked: number;
  readonly problems: number;
  readonly rectified: number;
  readonly open: number;
  readonly problemsByKind: readonly { readonly kind: string; readonly found: number; readonly rectified: number }[];
  readonly towns: readonly ReportUnit[];
  readonly departments: readonly ReportUnit[];
  /** The towns and departments behind schedule, as the notice names them. */
  readonly laggards: { readonly towns: readonly ReportUnit[]; readonly departments: readonly ReportUnit[] };
}

export function campaignReport(input: {
  campaign: { id: string; name: string; reason: string; launchedAt: number; dueAt: number; cohort: number; orderedBy?: string };
  publishedAt: number;
  towns: readonly ReportUnit[];
  departments: readonly ReportUnit[];
  problemsByKind: CampaignReport['problemsByKind'];
}): CampaignReport {
  const sum = (f: (u: ReportUnit) => number) => input.towns.reduce((s, u) => s + f(u), 0);
  const departments = input.departments.filter((d) => d.id !== null);
  return {
    campaignId: input.campaign.id,
    ...(input.campaign.orderedBy ? { orderedBy: input.campaign.orderedBy } : {}),
    name: input.campaign.name,
    reason: input.campaign.reason,
    launchedAt: new Date(input.campaign.launchedAt).toISOString(),
    dueAt: new Date(input.campaign.dueAt).toISOString(),
    publishedAt: new Date(input.publishedAt).toISOString(),
    cohort: input.campaign.cohort,
    checked: sum((u) => u.checkedOnTime + u.checkedLate),
    checkedLate: sum((u) => u.checkedLate),
    unchecked: sum((u) => u.checks - u.checkedOnTime - u.checkedLate),
    problems: sum((u) => u.problems),
    rectified: sum((u) => u.rectifiedOnTime + u.rectifiedLate),
    open: sum((u) => u.openOverdue + u.openInTime),
    problemsByKind: input.problemsByKind,
    towns: input.towns,
    departments,
    laggards: { towns: input.towns.filter(behindSchedule), departments: departments.filter(behindSchedule) },
  };
}
