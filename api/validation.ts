/**
 * Refused input in words a clerk reads: each problem names its field from the
 * label catalogue and says what is wrong; a message the schema gives (from a
 * catalogue) is kept. Field paths and zod's codes stay out of `message`.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { FIELD_LABELS, VALUE_NAMES, validationMessages as v } from '../domain/messages/fields.js';

/** What the parse answers where the schema gives no message of its own: the handler writes one. */
const UNWORDED = '\u0000unworded';

/** The schema's message, or UNWORDED: zod reports the input with each issue so that a missing field is told from a wrong one. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { error: () => UNWORDED, reportInput: true });
    return result.success ? { value: result.data } : { error: result.error.issues.map(toValidationItem) };
  };

/** Fastify's shape for a validation failure, carrying the zod issue. */
export interface ValidationItem {
  readonly keyword: string;
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly message: string;
  readonly params: { readonly issue: z.core.$ZodIssue };
}

const toValidationItem = (issue: z.core.$ZodIssue): ValidationItem => ({
  keyword: issue.code,
  instancePath: `/${issue.path.map(String).join('/')}`,
  schemaPath: `#/${issue.path.map(String).join('/')}/${issue.code}`,
  message: issue.message,
  params: { issue },
});

export const isValidationItem = (item: unknown): item is ValidationItem =>
  typeof item === 'object' && item !== null && 'params' in item && typeof (item as ValidationItem).params?.issue?.code === 'string';

/** The catalogue's entry for the last named segment of `path`, in the context of its parent first. */
function lookup<T>(table: Readonly<Record<string, T>>, path: readonly PropertyKey[]): T | undefined {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const [parent, key] = [keys.at(-2), keys.at(-1)];
  if (key === undefined) return undefined;
  return (parent !== undefined ? table[`${parent}.${key}`] : undefined) ?? table[key];
}

/** `收入第2项`, `入户调查表·收入第2项`: the named fields along a path, an item of a list by its number. */
function place(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  path.forEach((segment, i) => {
    if (typeof segment === 'number') {
      const item = v.item(segment + 1);
      if (parts.length === 0) parts.push(item);
      else parts[parts.length - 1] += item;
    } else {
      parts.push(lookup(FIELD_LABELS, path.slice(0, i + 1)) ?? v.unnamedField);
    }
  });
  return parts.join('·');
}

const names = (path: readonly PropertyKey[], values: readonly unknown[]): string[] => {
  const table = lookup(VALUE_NAMES, path);
  const named = values.map((value) => table?.[String(value)]);
  return named.every((n): n is string => n !== undefined) ? named : [];
};

/** What is wrong with the field named `field`, from the issue's code. */
function wording(issue: z.core.$ZodIssue, field: string, path: readonly PropertyKey[]): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return v.required(field);
      if (issue.expected === 'number' || issue.expected === 'bigint') return v.notANumber(field);
      if (issue.expected === 'int') return v.notAWholeNumber(field);
      if (issue.expected === 'boolean') return v.notYesNo(field);
      if (issue.expected === 'array') return v.notAList(field);
      return v.malformed(field);
    case 'invalid_value':
      return issue.input === undefined ? v.chooseOne(field) : v.notAChoice(field, names(path, issue.values));
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? v.required(field) : v.tooShort(field, min);
      if (issue.origin === 'array' || issue.origin === 'set') return v.tooFew(field, min);
      return v.tooSmall(field, min);
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return v.tooLong(field, max);
      if (issue.origin === 'array' || issue.origin === 'set') return v.tooMany(field, max);
      return v.tooLarge(field, max);
    }
    case 'unrecognized_keys':
      return v.unexpected(issue.keys.map((k) => FIELD_LABELS[k] ?? v.unnamedField));
    default:
      return v.malformed(field);
  }
}

export interface FieldProblem {
  /** Where the field is, for the console to mark it: `body.address`, `body.survey.income.0.yuan`. */
  readonly field: string;
  /** Its name as the clerk reads it. */
  readonly label: string;
  readonly message: string;
}

/** One problem of a refused request, in words. */
export function fieldProblem(item: ValidationItem, context: string | undefined): FieldProblem {
  const { issue } = item.params;
  const path = issue.path;
  const leaf = path.at(-1);
  const label = path.length === 0 ? v.unnamedField : place(path);
  const field = typeof leaf === 'number' ? label : (lookup(FIELD_LABELS, path) ?? v.unnamedField);
  const within = path.length > 1 && typeof leaf !== 'number' ? place(path.slice(0, -1)) : undefined;
  const worded = issue.message === UNWORDED;
  const what = worded ? wording(issue, field, path) : issue.message;
  // A message of the schema's own that neither names its field nor asks for it (请…) is told where it belongs.
  const where = worded || what.includes(field) || what.startsWith(v.requestPrefix) ? within : label;
  return {
    field: [context, ...path.map(String)].filter((p) => p !== undefined && p !== '').join('.'),
    label,
    message: where ? v.within(where, what) : what,
  };
}
