/**
 * A line set each year by a rule over yearly data, as [002] states it: “从 2021
 * 年开始至 2025 年，每年按上一年省公布的四类地区农村低保标准的 1.5 倍以下…”,
 * “以 2020 年我省相对扶贫脱贫标准（人均可支配收入 9060 元）为底线”. The rule
 * holds the factor and the years; the yearly input figures are data, each with
 * the words of the document that gives it. A year whose input no document gives
 * is missing: it has no line (an assessment then says no line is in force) and
 * the county is asked for the figure — no number is made up.
 */
import type { SeedId } from './versioned.js';

/** One year's input figure, as a document gives it. */
export interface YearlyInput {
  readonly year: number;
  readonly yuan: number;
  /**
   * `input`: the figure itself (the province's dibao); `product`: the document
   * gives the line, factor × the figure, directly (9576 for 2020 [002], 10800 for 2023 [003]).
   */
  readonly given: 'input' | 'product';
  /** The seed that gives it, or `county` for a figure the county entered in a later version. */
  readonly source: SeedId | 'county';
  readonly quote: string;
}

/** How the range figure 监测范围 is rounded from the exact line (“取整数为 9600 元”). */
export interface RangeRounding {
  readonly toYuan: number;
  readonly mode: 'up' | 'nearest';
  /** Our reading of the seed's words, shown with the figure. */
  readonly reading: string;
}

export interface YearlyLineRule {
  readonly kind: 'monitoring';
  readonly fromYear: number;
  readonly toYear: number;
  /** The line of year Y is `factor` × the input of year Y − 1. */
  readonly factor: number;
  /** What the input is, in the seed's words (上一年省公布的四类地区农村低保标准). */
  readonly inputName: string;
  /** Whether the line is the floor's when the product is lower (the floor is the profile's `floor` line of the year). */
  readonly floorApplies: boolean;
  readonly rangeRounding?: RangeRounding;
  readonly comparison: 'below' | 'at_or_below';
  /** The seed's words for the comparison (三: “…低于…9576 元”). */
  readonly comparisonQuote: string;
  readonly meaning: string;
  readonly source: SeedId;
  readonly quote: string;
  readonly inputs: readonly YearlyInput[];
}

/** A year's line as the rule gives it, in the shape of a threshold row. */
export interface DerivedLine {
  readonly kind: 'monitoring';
  readonly from: `${number}-${string}`;
  readonly to: `${number}-${string}`;
  readonly yuanPerPersonYear: number;
  readonly comparison: 'below' | 'at_or_below';
  readonly meaning: string;
  readonly source: SeedId;
  readonly quote: string;
  readonly note: string;
}

export type DerivedYear =
  | { readonly year: number; readonly status: 'derived'; readonly line: DerivedLine; readonly exactYuan: number; readonly rangeYuan: number | null; readonly input: YearlyInput; readonly floorYuan: number | null }
  | { readonly year: number; readonly status: 'missing'; readonly inputYear: number; readonly ask: string };

const toFen = (yuan: number) => Math.round(yuan * 100);

function rounded(yuan: number, rounding: RangeRounding): number {
  const step = rounding.toYuan;
  return rounding.mode === 'up' ? Math.ceil(yuan / step - 1e-9) * step : Math.round(yuan / step) * step;
}

/** Each year of the rule: its line, or what is missing and whom to ask. `floorOf(year)`: the floor line in force in January of that year. */
export function deriveYearlyLines(rule: YearlyLineRule, floorOf: (year: number) => number | undefined): DerivedYear[] {
  const years: DerivedYear[] = [];
  if (!(rule.toYear - rule.fromYear <= 100)) return years;
  for (let year = rule.fromYear; year <= rule.toYear; year++) {
    const inputYear = year - 1;
    const input = rule.inputs.find((i) => i.year === inputYear);
    if (!input) {
      years.push({ year, status: 'missing', inputYear, ask: `${year}年监测标准：文件未给出${inputYear}年${rule.inputName}，请县里录入（按其${rule.factor}倍计算）` });
      continue;
    }
    const exactYuan = input.given === 'product' ? input.yuan : toFen(input.yuan * rule.factor) / 100;
    const floor = rule.floorApplies ? floorOf(year) : undefined;
    const lineYuan = floor !== undefined && floor > exactYuan ? floor : exactYuan;
    const rangeYuan = rule.rangeRounding ? rounded(lineYuan, rule.rangeRounding) : null;
    const parts = [
      input.source === 'county' ? '县里录入' : `依据文件${input.source}`,
      floor !== undefined && floor > exactYuan ? `；${rule.factor}倍为 ${exactYuan} 元，低于底线 ${floor} 元，按底线执行` : '',
      rangeYuan !== null && rangeYuan !== lineYuan ? `；取整数为 ${rangeYuan} 元（监测范围），认定按 ${lineYuan} 元执行` : '',
    ];
    const of = input.given === 'product' ? rule.inputName : `${rule.inputName}（${input.yuan} 元）`;
    years.push({
      year,
      status: 'derived',
      exactYuan,
      rangeYuan,
      input,
      floorYuan: floor ?? null,
      line: {
        kind: rule.kind,
        from: `${year}-01`,
        to: `${year}-12`,
        yuanPerPersonYear: lineYuan,
        comparison: rule.comparison,
        meaning: `${inputYear}年${of}的${rule.factor}倍`,
        source: rule.source,
        quote: rule.quote,
        note: parts.join(''),
      },
    });
  }
  return years;
}

/** What is wrong with a rule, in English for whoever maintains the data. */
export function yearlyRuleProblems(rule: YearlyLineRule, where: string): string[] {
  const problems: string[] = [];
  const label = `${where}: yearly ${rule.kind} line ${rule.fromYear}–${rule.toYear}`;
  if (!Number.isInteger(rule.fromYear) || !Number.isInteger(rule.toYear) || rule.fromYear < 2000 || rule.toYear < rule.fromYear || rule.toYear > 2100) {
    problems.push(`${label}: the years must be whole and in order`);
  }
  if (!(rule.factor > 0)) problems.push(`${label}: the factor must be positive`);
  if (rule.quote.trim() === '' || rule.comparisonQuote.trim() === '' || rule.inputName.trim() === '' || rule.meaning.trim() === '') {
    problems.push(`${label}: quote, comparison quote, input name and meaning are required`);
  }
  if (rule.rangeRounding && !(Number.isInteger(rule.rangeRounding.toYuan) && rule.rangeRounding.toYuan > 0)) problems.push(`${label}: rounding must be to a whole number of yuan`);
  const seen = new Set<number>();
  for (const input of rule.inputs) {
    if (seen.has(input.year)) problems.push(`${label}: two inputs for ${input.year}`);
    seen.add(input.year);
    if (input.year < rule.fromYear - 1 || input.year > rule.toYear - 1) problems.push(`${label}: the input of ${input.year} sets no year of the rule`);
    if (!(input.yuan > 0) || toFen(input.yuan) !== input.yuan * 100) problems.push(`${label}: the input of ${input.year} must be a positive amount to the fen`);
    if (input.quote.trim() === '') problems.push(`${label}: the input of ${input.year} needs the words of its document`);
  }
  return problems;
}
