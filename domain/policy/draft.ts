/**
 * A draft policy version checked before it is published: the profile checks
 * (`parseProfile`, which runs `profileProblems` and the measure catalogue's
 * checks) decide; where they fail, the fields the console edits are explained
 * in the county bureau's words, the rest named for the county's IT person. The
 * same function runs in the console as the draft is edited and in the API.
 */
import type { Period } from '../calendar/dates.js';
import { isPeriod, monthIndex } from '../calendar/months.js';
import { MAX_CLOCK_WORKING_DAYS, type ProcedureClocks } from '../identification/clocks.js';
import { thresholdKindNames } from '../messages/catalogue.js';
import { policyMessages as m } from './messages.js';
import { parseProfile } from './parse.js';
import { scoringFieldProblems } from './draft-scoring.js';
import { isTransferSharePercent, type PolicyProfile, type ThresholdRow } from './profile.js';
import { windowProblems, type IncomeWindow } from '../income/projection.js';

export type DraftCheck = { readonly ok: true; readonly profile: PolicyProfile } | { readonly ok: false; readonly problems: readonly string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDay = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 28;

/** The draft as a profile, or its problems in Chinese. */
export function checkDraft(body: unknown): DraftCheck {
  const parsed = parseProfile(body);
  if (parsed.ok) {
    const ended = windowEndedProblem(parsed.profile);
    return ended ? { ok: false, problems: [ended] } : parsed;
  }
  const own = isObject(body) ? fieldProblems(body) : [];
  if (own.length > 0) return { ok: false, problems: own };
  const catalogue = 'measure catalogue: ';
  return {
    ok: false,
    problems: parsed.problems.map((p) => {
      const at = p.indexOf(catalogue);
      return at >= 0 ? m.catalogue(p.slice(at + catalogue.length)) : m.other(p);
    }),
  };
}

/**
 * A version that starts after the one year its fixed income window stands for
 * (a Suyuan copy's 2022 window in a 2027 version) would judge no income: the
 * county sets the window of its own years first. Only drafts are refused —
 * versions already stored keep parsing, and their assessments say the window is
 * missing (domain/fidelity/summary.ts).
 */
function windowEndedProblem(profile: PolicyProfile): string | undefined {
  const window = profile.incomeWindow;
  if (window.kind !== 'fixed' || Number(profile.effectiveFrom.slice(0, 4)) <= window.projectsYear) return undefined;
  return m.incomeWindowEnded(window.from, window.to, window.projectsYear, profile.effectiveFrom);
}

function fieldProblems(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const rows = Array.isArray(body.thresholds) ? (body.thresholds.filter(isObject) as unknown as ThresholdRow[]) : [];
  for (const row of rows) {
    const line = m.thresholdLine(thresholdKindNames[row.kind] ?? String(row.kind), String(row.from));
    const yuan = row.yuanPerPersonYear;
    if (typeof yuan !== 'number' || !(yuan > 0) || Math.round(yuan * 100) !== yuan * 100) problems.push(m.thresholdAmount(line));
    if (!isPeriod(row.from) || (row.to !== undefined && (!isPeriod(row.to) || monthIndex(row.to) < monthIndex(row.from)))) problems.push(m.thresholdMonths(line));
    if (row.comparison !== 'below' && row.comparison !== 'at_or_below') problems.push(m.thresholdComparison(line));
    if (typeof row.meaning !== 'string' || row.meaning.trim() === '' || typeof row.quote !== 'string' || row.quote.trim() === '') problems.push(m.thresholdMeaning(line));
  }
  const sound = rows.filter((r) => isPeriod(r.from) && (r.to === undefined || isPeriod(r.to)));
  for (let i = 0; i < sound.length; i++) {
    for (let j = i + 1; j < sound.length; j++) {
      const a = sound[i]!;
      const b = sound[j]!;
      const end = (r: ThresholdRow) => (r.to === undefined ? Infinity : monthIndex(r.to));
      if (a.kind === b.kind && monthIndex(a.from) <= end(b) && monthIndex(b.from) <= end(a)) problems.push(m.thresholdsOverlap(thresholdKindNames[a.kind], a.from, b.from));
    }
  }
  if (!isObject(body.incomeWindow) || windowProblems(body.incomeWindow as unknown as IncomeWindow).length > 0) problems.push(m.incomeWindowInvalid);
  const steps = Array.isArray(body.identificationSteps) ? body.identificationSteps : [];
  if (steps[0] !== 'application' || new Set(steps).size !== steps.length) problems.push(m.firstStep);
  const notice = body.publicNoticeDays;
  const noticeOk = notice === undefined ? !steps.includes('public_notice') : steps.includes('public_notice') && Number.isInteger(notice) && (notice as number) >= 1 && (notice as number) <= 60;
  if (!noticeOk) problems.push(m.noticeDays);
  if (!isDay(body.monthlyUpdateDay)) problems.push(m.updateDay);
  if (body.townReportDayOfNextMonth !== undefined && !isDay(body.townReportDayOfNextMonth)) problems.push(m.reportDay);
  for (const clocks of [body.identificationClocks, body.eliminationClocks]) {
    if (!isObject(clocks)) continue;
    const { steps: perStep, wholeCase } = clocks as ProcedureClocks;
    const days = [...Object.values(perStep ?? {}), ...(wholeCase === undefined ? [] : [wholeCase])];
    if (days.some((d) => !Number.isInteger(d) || d < 1 || d > MAX_CLOCK_WORKING_DAYS)) problems.push(m.clockDays);
  }
  const share = isObject(body.focusCriteria) ? body.focusCriteria.transferSharePercentAbove : undefined;
  if (share !== undefined && !isTransferSharePercent(share)) problems.push(m.transferShareInvalid);
  problems.push(...scoringFieldProblems(body));
  return problems;
}

/**
 * Whether a version may take effect in `month`: a later month than the current
 * one; an earlier one only as a correction with its reason; never a month
 * another version of the profile starts in. Undefined when it may.
 */
export function effectiveMonthProblem(
  month: string,
  current: string,
  versions: readonly { version: number; effectiveFrom: string }[],
  correctionReason: string | undefined,
): string | undefined {
  if (!isPeriod(month)) return m.monthInvalid;
  const taken = versions.find((v) => v.effectiveFrom === month);
  if (taken) return m.sameMonth(month, taken.version);
  if (monthIndex(month) <= monthIndex(current as Period) && !correctionReason?.trim()) return m.pastNeedsReason(month, current);
  return undefined;
}
