/**
 * One row of the caseload file checked on its own: what it says, parsed, and
 * every reason it cannot be imported. The checks across rows (duplicates in
 * the file and against the registry, unknown villages, whole households) run
 * over the staged rows in SQL. The ID number goes through the one parser
 * (domain/people/id-number.ts).
 */
import { formatLocalDate, type LocalDate } from '../calendar/dates.js';
import { parseIdNumber } from '../people/id-number.js';
import type { RiskCause } from '../identification/steps.js';
import { cellText, idNumberText, readDate, readFen, readList, readPeriod, readYesNo, type Cell } from './cells.js';
import { CHOICES, FINANCE_COLUMNS, INCOME_FIELDS, MEMBER_COLUMNS, SPENDING_FIELDS, type FinanceField, type MemberField } from './columns.js';
import { importMessages } from './messages.js';

const r = importMessages.reason;
/** A month's amount of one kind beyond this is a typing error (yuan). */
export const MONTHLY_AMOUNT_LIMIT_FEN = 100_000 * 100;
const EARLIEST_ENTRY_YEAR = 2014;

export interface MemberRow {
  readonly householdKey: string;
  readonly town: string;
  readonly village: string;
  readonly headName: string;
  readonly address: string;
  readonly category: string | null;
  readonly enteredOn: string | null;
  readonly riskCauses: readonly RiskCause[];
  readonly measuresEnjoyed: readonly string[];
  readonly name: string;
  readonly idNumber: string;
  readonly birthDate: string | null;
  readonly sex: 'male' | 'female' | null;
  readonly relation: string | null;
  readonly labourAbility: string;
  readonly isStudent: boolean;
  readonly isActiveMilitary: boolean;
  readonly disabilityGrade: string | null;
  readonly chronicIllness: boolean;
}

export interface FinanceRow {
  /** The head's ID number, by which the row finds its household. */
  readonly idNumber: string;
  readonly period: string | null;
  /** Fen by kind; absent kinds were left empty. */
  readonly amounts: Readonly<Record<string, number>>;
}

export type Checked<T> = { readonly value: T; readonly errors: readonly string[] };

type Get<F extends string> = (field: F) => Cell;

const compare = (a: LocalDate, b: LocalDate) => a.year - b.year || a.month - b.month || a.day - b.day;

function choice<K extends string>(cell: Cell, heading: string, names: Record<string, K>, errors: string[]): K | null {
  const text = cellText(cell).replace(/\s+/g, '');
  if (text === '') return null;
  const value = names[text];
  if (value === undefined) errors.push(r.choice(heading, text, [...new Set(Object.keys(names).filter((k) => !/^\d$/.test(k)))].slice(0, 12)));
  return value ?? null;
}

function formulas<F extends string>(get: Get<F>, columns: Record<F, string>, errors: string[]) {
  for (const field of Object.keys(columns) as F[]) if (get(field).kind === 'formula') errors.push(r.formula(columns[field]));
}

export function checkMemberRow(get: Get<MemberField>, today: LocalDate): Checked<MemberRow> {
  const errors: string[] = [];
  const h = MEMBER_COLUMNS;
  formulas(get, h, errors);
  const text = (f: MemberField, max = 100) => {
    const t = cellText(get(f));
    if (t.length > max) errors.push(r.tooLong(h[f], max));
    return t;
  };
  const householdKey = text('householdKey', 64);
  const name = text('name', 50);
  for (const f of ['householdKey', 'name'] as const) if (cellText(get(f)) === '' && get(f).kind !== 'formula') errors.push(r.requiredMaybeMerged(h[f]));

  let idNumber = idNumberText(get('idNumber'));
  let birthDate: string | null = null;
  let sex: 'male' | 'female' | null = null;
  const idCell = get('idNumber');
  if (idCell.kind === 'number' && idCell.value > 1e15) errors.push(r.idAsNumber);
  else if (idCell.kind !== 'formula') {
    const parsed = parseIdNumber(idNumber, today);
    if (parsed.ok) {
      ({ idNumber, sex } = parsed.value);
      birthDate = formatLocalDate(parsed.value.birthDate);
    }
    else errors.push(idNumber === '' ? r.requiredMaybeMerged(h.idNumber) : r.idNumber(parsed.reason));
  }
  idNumber = idNumber.toUpperCase().slice(0, 30);

  const relation = choice(get('relation'), h.relation, CHOICES.relation, errors);
  if (relation === null && cellText(get('relation')) === '' && get('relation').kind !== 'formula') errors.push(r.requiredMaybeMerged(h.relation));
  const labourAbility = choice(get('labourAbility'), h.labourAbility, CHOICES.labourAbility, errors) ?? 'capable';
  const yesNo = (f: 'isStudent' | 'isActiveMilitary' | 'chronicIllness') => {
    const v = readYesNo(get(f));
    if (v === undefined) errors.push(r.choice(h[f], cellText(get(f)), ['是', '否']));
    return v ?? false;
  };
  const disabilityGrade = choice(get('disabilityGrade'), h.disabilityGrade, { ...CHOICES.disabilityGrade, 无: '', 否: '' }, errors) || null;

  // The household's own fields: required on the head's row, read from no other.
  const isHead = relation === 'head';
  const headMissing: string[] = [];
  const headText = (f: MemberField, max: number) => {
    const t = text(f, max);
    if (isHead && t === '' && get(f).kind !== 'formula') headMissing.push(h[f]);
    return isHead ? t : '';
  };
  const town = headText('town', 50);
  const village = headText('village', 50);
  const headName = isHead ? name : '';
  const address = headText('address', 200);
  const category = isHead ? choice(get('category'), h.category, CHOICES.category, errors) : null;
  if (isHead && category === null && cellText(get('category')) === '') headMissing.push(h.category);
  let enteredOn: string | null = null;
  if (isHead) {
    const cell = get('enteredOn');
    const date = readDate(cell);
    const shown = cellText(cell);
    if (cell.kind === 'empty' || (shown === '' && cell.kind !== 'formula')) headMissing.push(h.enteredOn);
    else if (cell.kind !== 'formula' && !date) errors.push(r.badDate(h.enteredOn, shown));
    else if (date && compare(date, today) > 0) errors.push(r.futureDate(h.enteredOn, formatLocalDate(date)));
    else if (date && date.year < EARLIEST_ENTRY_YEAR) errors.push(r.tooEarly(h.enteredOn, formatLocalDate(date)));
    else if (date) enteredOn = formatLocalDate(date);
  }
  if (headMissing.length > 0) errors.push(r.headFieldsMissing(headMissing.join('、')));
  const riskCauses = isHead ? readList(get('riskCauses')).map((c) => choice({ kind: 'text', text: c }, h.riskCauses, CHOICES.riskCause, errors)).filter((c): c is RiskCause => c !== null) : [];
  const measuresEnjoyed = isHead ? readList(get('measuresEnjoyed')).map((m) => m.slice(0, 100)) : [];

  return {
    value: {
      householdKey, town, village, headName, address, category, enteredOn, riskCauses: [...new Set(riskCauses)], measuresEnjoyed, name, idNumber, birthDate, sex, relation, labourAbility,
      isStudent: yesNo('isStudent'), isActiveMilitary: yesNo('isActiveMilitary'), disabilityGrade, chronicIllness: yesNo('chronicIllness'),
    },
    errors,
  };
}

/** Net production and property income may be a loss; wages, transfers and spending may not be negative. */
const MAY_BE_NEGATIVE = new Set(['production_net', 'property']);

export function checkFinanceRow(get: Get<FinanceField>, today: LocalDate): Checked<FinanceRow> {
  const errors: string[] = [];
  const h = FINANCE_COLUMNS;
  formulas(get, h, errors);
  const idCell = get('headIdNumber');
  let headIdNumber = idNumberText(idCell);
  if (idCell.kind === 'number' && idCell.value > 1e15) errors.push(r.idAsNumber);
  else if (idCell.kind !== 'formula') {
    const parsed = parseIdNumber(headIdNumber, today);
    if (parsed.ok) headIdNumber = parsed.value.idNumber;
    else errors.push(headIdNumber === '' ? r.required(h.headIdNumber) : r.idNumber(parsed.reason));
  }
  const periodCell = get('period');
  let period: string | null = null;
  if (periodCell.kind !== 'formula') {
    const shown = cellText(periodCell);
    const read = readPeriod(periodCell);
    const current = `${today.year}-${String(today.month).padStart(2, '0')}`;
    if (shown === '') errors.push(r.required(h.period));
    else if (!read) errors.push(r.badPeriod(shown));
    else if (read > current) errors.push(r.futurePeriod(read));
    else if (Number(read.slice(0, 4)) < EARLIEST_ENTRY_YEAR) errors.push(r.tooEarly(h.period, read));
    else period = read;
  }
  const amounts: Record<string, number> = {};
  for (const kind of [...INCOME_FIELDS, ...SPENDING_FIELDS]) {
    const cell = get(kind);
    const shown = cellText(cell);
    if (cell.kind === 'formula' || shown === '') continue;
    const fen = readFen(cell);
    if (fen === undefined) errors.push(r.badAmount(h[kind], shown));
    else if (fen < 0 && !MAY_BE_NEGATIVE.has(kind)) errors.push(r.negative(h[kind]));
    else if (Math.abs(fen) > MONTHLY_AMOUNT_LIMIT_FEN) errors.push(r.absurd(h[kind], shown));
    else amounts[kind] = fen;
  }
  if (errors.length === 0 && Object.keys(amounts).length === 0) errors.push(r.noAmount);
  return { value: { idNumber: headIdNumber.toUpperCase().slice(0, 30), period, amounts: linesToSave(amounts) }, errors };
}

/**
 * The amounts of a month row that are saved as registry lines: the zeros are
 * left out, since every reading of the lines (the income calculation, rigid
 * spending, the cohort's income drop, the ledgers) takes a kind with no line
 * as zero. What a zero line alone tells — that the month was reported — is
 * kept: a month whose income cells are all zero keeps one zero income line
 * (so it is not among the months without records), and a month that filled
 * only spending cells, all zero, keeps one zero spending line (so a re-import
 * finds the month recorded).
 */
export function linesToSave(amounts: Readonly<Record<string, number>>): Record<string, number> {
  const kept: Record<string, number> = {};
  for (const [kind, fen] of Object.entries(amounts)) if (fen !== 0) kept[kind] = fen;
  const firstOf = (kinds: readonly string[]) => kinds.find((k) => amounts[k] !== undefined);
  const income = firstOf(INCOME_FIELDS);
  if (income !== undefined && !INCOME_FIELDS.some((k) => kept[k] !== undefined)) kept[income] = 0;
  const spending = firstOf(SPENDING_FIELDS);
  if (income === undefined && spending !== undefined && !SPENDING_FIELDS.some((k) => kept[k] !== undefined)) kept[spending] = 0;
  return kept;
}
