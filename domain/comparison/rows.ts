/**
 * A feed's file read against its definition: the headings recognised (all
 * required present, none unknown), and each row turned into what is staged —
 * the person's ID number, the fact the row states, the warning rule it
 * meets, or the reasons it cannot be compared.
 */
import type { LocalDate } from '../calendar/dates.js';
import { cellText, halfWidth, idNumberText, readFen, readPeriod, readYesNo, type Cell } from '../imports/cells.js';
import { parseIdNumber } from '../people/id-number.js';
import { COMMON_COLUMNS, type FeedColumn, type FeedDefinition, type WarningRule } from './feeds.js';
import { comparisonMessages as m } from './messages.js';
import type { ComparisonSettings } from './policy.js';

export type FeedColumns = Readonly<Record<string, FeedColumn>>;
export const feedColumns = (feed: FeedDefinition): FeedColumns => ({ ...COMMON_COLUMNS, ...feed.columns });

export type HeadingsResult = { readonly ok: true; readonly positions: ReadonlyMap<string, number> } | { readonly ok: false; readonly reason: string };

/** Headings compare without spaces and with full-width forms folded, as the cells are read. */
const normal = (h: string) => halfWidth(h).replace(/\s+/g, '');

/** The fields' positions from a heading row, or why the file is refused whole. Undefined: not a heading row. */
export function recogniseHeadings(feed: FeedDefinition, headings: readonly string[]): HeadingsResult | undefined {
  const columns = feedColumns(feed);
  const byHeading = new Map(Object.entries(columns).map(([field, c]) => [normal(c.heading), field]));
  const positions = new Map<string, number>();
  const unknown: string[] = [];
  headings.forEach((h, i) => {
    const text = normal(h);
    if (text === '') return;
    const field = byHeading.get(text);
    if (field) positions.set(field, i);
    else unknown.push(h.trim());
  });
  if (!positions.has('idNumber')) return undefined;
  const missing = Object.entries(columns).filter(([f, c]) => c.required && !positions.has(f)).map(([, c]) => c.heading);
  if (missing.length > 0) return { ok: false, reason: m.missingColumns(missing.join('、')) };
  if (unknown.length > 0) return { ok: false, reason: m.unknownColumns(unknown.join('、')) };
  return { ok: true, positions };
}

export interface FeedRow {
  readonly idNumber: string | null;
  readonly name: string | null;
  readonly month: string | null;
  readonly countyCode: string | null;
  readonly town: string | null;
  readonly errors: readonly string[];
  readonly factValue: Readonly<Record<string, string | number | boolean>> | null;
  readonly warning: WarningRule | null;
}

type Value = string | number | boolean;

function readColumn(column: FeedColumn, cell: Cell): { value?: Value; error?: string } {
  const text = cellText(cell);
  if (text === '') return column.required ? { error: m.reason.required(column.heading) } : {};
  const read = column.read;
  switch (read.type) {
    case 'text':
      return text.length > read.max ? { error: m.reason.tooLong(column.heading, read.max) } : { value: text };
    case 'yuan': {
      const fen = readFen(cell);
      return fen === undefined || fen < 0 || fen > 10_000_000_000 ? { error: m.reason.amount(column.heading) } : { value: fen / 100 };
    }
    case 'count': {
      const n = Number(text);
      return Number.isInteger(n) && n >= 0 && n < 10_000 ? { value: n } : { error: m.reason.count(column.heading) };
    }
    case 'yes_no': {
      const yes = readYesNo(cell);
      return yes === undefined ? { error: m.reason.yesNo(column.heading) } : { value: yes };
    }
    case 'choice': {
      const code = read.choices[text.replace(/\s+/g, '').toUpperCase()] ?? read.choices[text.replace(/\s+/g, '')];
      return code === undefined ? { error: m.reason.choice(column.heading, Object.keys(read.choices).filter((k) => !/^[0-9]$/.test(k)).join('、')) } : { value: code };
    }
  }
}

/** A code that stands for yes/no becomes a boolean in the fact, so that the rules read it as the visit's facts. */
const asFactValue = (v: Value): Value => (v === 'true' ? true : v === 'false' ? false : v);

/** Whether the rule fires on the row's own values (the change against earlier facts is checked in SQL). */
export function ruleMeets(rule: WarningRule, values: Readonly<Record<string, Value>>, settings: ComparisonSettings): boolean {
  const when = rule.when;
  if (when.op === 'always') return true;
  const value = values[when.field];
  if (value === undefined) return false;
  if (when.op === 'in') return when.values.includes(String(value));
  const line = settings.lines[when.line];
  return line !== undefined && typeof value === 'number' && value > line;
}

export function readFeedRow(feed: FeedDefinition, settings: ComparisonSettings, get: (field: string) => Cell, today: LocalDate): FeedRow {
  const errors: string[] = [];
  const idCell = get('idNumber');
  let idNumber: string | null = idNumberText(idCell).toUpperCase() || null;
  if (idNumber === null) errors.push(m.reason.required(COMMON_COLUMNS.idNumber.heading));
  else {
    const parsed = parseIdNumber(idNumber, today);
    if (parsed.ok) idNumber = parsed.value.idNumber;
    else {
      errors.push(m.reason.idNumber(parsed.reason));
      idNumber = idNumber.slice(0, 30);
    }
  }
  const name = cellText(get('name')).slice(0, 50) || null;
  if (name === null) errors.push(m.reason.required(COMMON_COLUMNS.name.heading));
  const monthCell = get('month');
  const month = cellText(monthCell) === '' ? null : (readPeriod(monthCell) ?? 'invalid');
  const values: Record<string, Value> = {};
  for (const [field, column] of Object.entries(feed.columns)) {
    const read = readColumn(column, get(field));
    if (read.error) errors.push(read.error);
    else if (read.value !== undefined) values[field] = read.value;
  }
  const factValue: Record<string, Value> = { ...feed.fact.fixed };
  for (const [key, field] of Object.entries(feed.fact.values)) if (values[field] !== undefined) factValue[key] = asFactValue(values[field]);
  const warning = errors.length > 0 ? null : (feed.warnings.find((rule) => ruleMeets(rule, values, settings)) ?? null);
  return {
    idNumber,
    name,
    month,
    countyCode: cellText(get('countyCode')) || null,
    town: cellText(get('town')).slice(0, 50) || null,
    errors,
    factValue: errors.length > 0 ? null : factValue,
    warning,
  };
}

/** The fact field a change rule compares, by the fact's own key. */
export function changeKeyOf(feed: FeedDefinition, rule: WarningRule): string | null {
  if (!rule.onlyIfChanged) return null;
  const entry = Object.entries(feed.fact.values).find(([, field]) => field === rule.onlyIfChanged!.field);
  return entry ? entry[0] : null;
}

/** The fact key the feed's mark reads (the key its fact keeps the mark's field under), or null when the feed marks nobody. */
export function markKeyOf(feed: FeedDefinition): string | null {
  if (!feed.mark) return null;
  const entry = Object.entries(feed.fact.values).find(([, field]) => field === feed.mark!.field);
  return entry ? entry[0] : null;
}
