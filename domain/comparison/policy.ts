/**
 * The county's comparison settings, held in its policy profile (`comparison`):
 * the days a follow-up 跟进 has from a warning, the lines the rules compare
 * with, and the feeds when the county's differ from the design's. No seed
 * gives the follow-up days (Guizhou's “no more than 15 days from warning to
 * assistance” is national practice) nor an out-of-pocket warning line (Boluo's
 * 10,000 yuan [000] is its December tally's, not a monthly warning), so a
 * county without them has 未配置: the warning is raised and routed, its
 * follow-up stays open without a clock, and a rule that needs the line does not fire.
 */
import { addDays, endOfLocalDay, type LocalDate } from '../calendar/dates.js';
import { ASSISTANCE_MARK_KINDS, DESIGN_FEEDS, type ComparisonLine, type FeedDefinition } from './feeds.js';

export interface ComparisonPolicy {
  /** Days from a warning to its follow-up's deadline. */
  readonly followUpDays?: number;
  readonly lines?: Partial<Record<ComparisonLine, number>>;
  readonly feeds?: readonly FeedDefinition[];
}

export interface ComparisonSettings {
  readonly followUpDays: number | undefined;
  readonly lines: Partial<Record<ComparisonLine, number>>;
  readonly feeds: readonly FeedDefinition[];
}

export function comparisonSettings(policy: ComparisonPolicy | undefined): ComparisonSettings {
  return { followUpDays: policy?.followUpDays, lines: policy?.lines ?? {}, feeds: policy?.feeds ?? DESIGN_FEEDS };
}

/** A warning's follow-up deadline: the end of the day `days` after the day it was raised (a department feed's or the monthly update's alike). */
export function followUpDueAt(raisedOn: LocalDate, days: number): Date {
  return new Date(endOfLocalDay(addDays(raisedOn, days)));
}

export function comparisonPolicyProblems(policy: ComparisonPolicy, where: string): string[] {
  const problems: string[] = [];
  const days = policy.followUpDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 90)) problems.push(`${where}: the comparison follow-up must be 1–90 days`);
  for (const [line, yuan] of Object.entries(policy.lines ?? {})) {
    if (!(typeof yuan === 'number' && yuan > 0 && yuan < 10_000_000)) problems.push(`${where}: the comparison line ${line} must be a positive amount`);
  }
  const ids = (policy.feeds ?? []).map((f) => f.id);
  if (new Set(ids).size !== ids.length) problems.push(`${where}: a comparison feed is listed twice`);
  for (const feed of policy.feeds ?? []) {
    if (!/^[a-z][a-z0-9_]{1,40}$/.test(feed.id)) problems.push(`${where}: comparison feed id ${feed.id} is not a code`);
    for (const field of Object.values(feed.fact.values)) if (!(field in feed.columns)) problems.push(`${where}: feed ${feed.id} fills its fact from an unknown column ${field}`);
    if (feed.mark) {
      const column = feed.columns[feed.mark.field];
      if (!column) problems.push(`${where}: feed ${feed.id} marks from an unknown column ${feed.mark.field}`);
      else if (!Object.values(feed.fact.values).includes(feed.mark.field)) problems.push(`${where}: feed ${feed.id} marks from a column its fact does not keep`);
      if (!(ASSISTANCE_MARK_KINDS as readonly string[]).includes(feed.mark.kind)) problems.push(`${where}: feed ${feed.id} marks an unknown group ${feed.mark.kind}`);
      if (feed.mark.values.length === 0) problems.push(`${where}: feed ${feed.id} marks on no value`);
    }
    for (const rule of feed.warnings) {
      if ('field' in rule.when && !(rule.when.field in feed.columns)) problems.push(`${where}: feed ${feed.id} rule ${rule.id} reads an unknown column`);
    }
  }
  return problems;
}
