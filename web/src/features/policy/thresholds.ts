/** Edits of a draft's income lines, as the draft screen makes them (pure: a new body each time). */
import { addMonths, type Period } from '../../../../domain/calendar/dates.js';
import type { ThresholdRow } from '../../../../domain/policy/profile.js';
import type { YearlyInput, YearlyLineRule } from '../../../../domain/policy/yearly-lines.js';

export type Body = Record<string, unknown>;

export const linesOf = (body: Body): ThresholdRow[] => (Array.isArray(body.thresholds) ? (body.thresholds as ThresholdRow[]) : []);

export function setLine(body: Body, index: number, change: Partial<ThresholdRow>): Body {
  const lines = linesOf(body).map((row, i) => (i === index ? withoutUndefined({ ...row, ...change }) : row));
  return { ...body, thresholds: lines };
}

/**
 * A new line of the last line's kind from `from` on; the open line of that kind before it ends the month before.
 * A profile with no line yet (a county starting from national practice, which gives no figure) gets an empty
 * monitoring line: the amount, the comparison, the meaning and the document are the county's to enter — none is guessed.
 */
export function addLine(body: Body, from: Period): Body {
  const lines = linesOf(body);
  const last = lines.at(-1);
  if (!last) return { ...body, thresholds: [emptyLine(from)] };
  const closed = lines.map((row) => (row.kind === last.kind && row.to === undefined && row.from < from ? { ...row, to: addMonths(from, -1) } : row));
  const open: ThresholdRow = { ...last, from };
  delete (open as { to?: Period }).to;
  return { ...body, thresholds: [...closed, open] };
}

/** A monitoring line with nothing but its month: entered by the county (`source: 'county'`). */
function emptyLine(from: Period): ThresholdRow {
  return { kind: 'monitoring', from, meaning: '', quote: '', source: 'county' } as unknown as ThresholdRow;
}

/** The monthly update's day, in the field and in the cadence's item that must agree with it. */
export function setUpdateDay(body: Body, day: number): Body {
  const cadence = Array.isArray(body.cadence)
    ? (body.cadence as { kind: string; rule: Record<string, unknown> }[]).map((item) => (item.kind === 'monthly_update' ? { ...item, rule: { ...item.rule, day } } : item))
    : undefined;
  return { ...body, monthlyUpdateDay: day, ...(cadence ? { cadence } : {}) };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/**
 * A year's input figure of yearly rule `ruleIndex` as the county enters it
 * (the province's dibao of `year`): replaces the county's earlier entry of that
 * year, or takes it out when the amount is cleared. A document's own figure is never replaced.
 */
export function setYearlyInput(body: Body, ruleIndex: number, year: number, yuan: number | null, quote: string): Body {
  const rules = Array.isArray(body.yearlyLines) ? (body.yearlyLines as YearlyLineRule[]) : [];
  const next = rules.map((rule, i) => {
    if (i !== ruleIndex || rule.inputs.some((x) => x.year === year && x.source !== 'county')) return rule;
    const others = rule.inputs.filter((x) => x.year !== year);
    const entered: YearlyInput[] = yuan === null ? [] : [{ year, yuan, given: 'input', source: 'county', quote }];
    return { ...rule, inputs: [...others, ...entered].sort((a, b) => a.year - b.year) };
  });
  return { ...body, yearlyLines: next };
}
