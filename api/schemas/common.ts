import { z } from 'zod';
import { INCOME_KINDS, SPENDING_KINDS } from '../../domain/income/projection.js';
import { messages } from '../../domain/messages/catalogue.js';
import { FIELD_LABELS, validationMessages as v } from '../../domain/messages/fields.js';
import { hasUnstorableCharacters, isBlank } from '../../domain/text.js';
import { parseLocalDate } from '../../domain/calendar/dates.js';

/** A day the calendar has (not 2026-12-00, not 2026-02-30). */
const isRealDay = (text: string): boolean => {
  try {
    parseLocalDate(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * Text as a person types it, trimmed: characters the database cannot store
 * (NUL and other control characters, a lone surrogate) are refused in the
 * clerk's words, as the workflows' validators refuse them again.
 */
const typed = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !hasUnstorableCharacters(s), { message: messages.unstorableText, abort: true });

/** A text a person must fill in; one of only space or invisible characters is missing. The handler words it from the field's label unless `required` says more. */
export const text = (max: number, required?: string) =>
  typed(max).superRefine((s, ctx) => {
    if (isBlank(s)) ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, input: s, ...(required ? { message: required } : {}) });
  });
/** A text a person may leave out. */
export const optionalText = (max: number) => typed(max).optional();
/** No record the system keeps is older than this month (the mechanism dates from 2020); an earlier one is a typing error. */
export const EARLIEST_PERIOD = '2000-01';
export const period = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, v.monthFormat)
  .refine((s) => s >= EARLIEST_PERIOD, v.monthTooEarly(EARLIEST_PERIOD)) as unknown as z.ZodType<`${number}-${string}`>;
/** A day as YYYY-MM-DD; refused with `message`, which names the field when it has a name of its own. */
export const localDateAs = (message: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: message, abort: true })
    .refine(isRealDay, { error: (issue) => v.dateNotExist(String(issue.input)) });
/** A day named by its field's label: 走访日期格式应为 YYYY-MM-DD. */
export const labelledDate = (key: string) => localDateAs(v.dateFormatOf(FIELD_LABELS[key] ?? v.unnamedField));
/** An amount in yuan to the fen: a third decimal is refused, never rounded in silence. */
const toTheFen = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;
export const yuan = z.number().finite().min(0, v.amountNegative).max(100_000_000).refine(toTheFen, v.amountBeyondFen);
export const jurisdictionId = z.string().trim().min(1).max(32);
export const uuid = z.uuid();
export const measureCode = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/);
/**
 * A whole number in a query string: left empty (`minOverdueDays=`, what a cleared filter sends) it is
 * absent, never 0; anything but digits is refused (`0x10`, `1e2`, which a plain coercion read as numbers).
 */
const countInQuery = z
  .string()
  .trim()
  .regex(/^[0-9]*$/)
  .transform((s) => (s === '' ? undefined : Number(s)));
export const queryCount = (min: number, max: number) => countInQuery.pipe(z.number().int().min(min).max(max).optional()).optional();
export const page = {
  limit: countInQuery.pipe(z.number().int().min(1).max(200).default(50)).default(50),
  offset: countInQuery.pipe(z.number().int().min(0).default(0)).default(0),
};
export const pageQuery = z.object(page);
export const idParams = z.object({ id: uuid });

/** Net production and property income may be a loss; wages and transfers may not. */
export const incomeLine = z
  .object({ period, kind: z.enum(INCOME_KINDS), yuan: z.number().finite().min(-100_000_000).max(100_000_000).refine(toTheFen, v.amountBeyondFen) })
  .refine((l) => l.yuan >= 0 || l.kind === 'production_net' || l.kind === 'property', { message: v.wagesNegative, path: ['yuan'] });
export const spendingLine = z.object({ period, kind: z.enum(SPENDING_KINDS), yuan, rigid: z.boolean() });
export const threats = z
  .object({
    food: z.boolean(),
    clothing: z.boolean(),
    compulsoryEducation: z.boolean(),
    basicMedical: z.boolean(),
    safeHousing: z.boolean(),
    drinkingWater: z.boolean(),
  })
  .partial();
export const evidence = z.array(z.object({ title: text(200), reference: optionalText(500) })).max(50);

/** A person or place named in a list: its id and name. */
export const named = z.object({ id: z.string(), name: z.string() });
export const namedOrNull = z.object({ id: z.string(), name: z.string().nullable() }).nullable();
/** One page of a list. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), items: z.array(item) });

/** Saved, but its workflow could not start yet: it starts on the next request that needs it. */
export const workflowPending = z.object({ error: z.literal('WORKFLOW_PENDING'), message: z.string(), id: z.string() });

export const iso = (ms: number): string => new Date(ms).toISOString();
