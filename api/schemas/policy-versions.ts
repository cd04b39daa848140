import { z } from 'zod';
import { optionalText, period, text } from './common.js';

const versionRow = z.object({
  version: z.number(),
  effectiveFrom: z.string(),
  publishedAt: z.string(),
  published: z.boolean().describe('published in the console (false: shipped with the product)'),
  correctionReason: z.string().nullable(),
});

export const policyVersionsView = z.object({
  profileId: z.string(),
  countyName: z.string(),
  currentPeriod: z.string(),
  versions: z.array(versionRow),
  shipped: z.array(z.object({ id: z.string(), countyName: z.string(), version: z.number(), effectiveFrom: z.string() })),
});

export const shippedParams = z.object({ shippedId: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/) });
export const shippedProfile = z.object({ id: z.string(), version: z.number(), countyName: z.string(), body: z.unknown() });

export const draftBody = z.object({
  body: z.record(z.string(), z.unknown()).describe('the whole profile as drafted (domain/policy/profile.ts PolicyProfile); id, version, effectiveFrom and countyName are set by the server'),
  effectiveFrom: period,
  correctionReason: optionalText(500).describe('required when the version takes effect in the current month or earlier'),
});

const change = z.object({ label: z.string(), before: z.string(), after: z.string() });

export const draftChecked = z.object({
  version: z.number().describe('the number the version would get'),
  effectiveFrom: z.string(),
  ok: z.boolean().describe('every check passed and the month is allowed: it may be published'),
  problems: z.array(z.string()).describe('the profile checks, in Chinese'),
  monthProblem: z.string().nullable(),
  changes: z.array(change).describe('field by field against the version in force in the month before it takes effect'),
});

export const published = z.object({ version: z.number(), effectiveFrom: z.string(), message: z.string() });

export const calendarQuery = z.object({
  from: z.coerce.number().int().min(1949).max(2200).optional(),
  to: z.coerce.number().int().min(1949).max(2200).optional(),
});

const dayKind = z.enum(['rest', 'work']);
const calendarDay = z.object({ day: z.string(), kind: dayKind, name: z.string() });

export const calendarView = z.object({
  years: z.array(
    z.object({
      year: z.number(),
      notice: z.string().nullable(),
      provisional: z.boolean().describe('no notice entered: deadlines in this year count weekends alone'),
      provisionalNote: z.string().nullable(),
      days: z.array(calendarDay),
    }),
  ),
});

const dayInput = z.object({ day: z.string().trim().max(10), kind: dayKind, name: text(40) });

export const calendarYearBody = z.object({
  year: z.number().int().min(1949).max(2200),
  notice: text(300),
  days: z.array(dayInput).max(120).default([]),
});

export const calendarDayBody = dayInput.extend({
  year: z.number().int().min(1949).max(2200).optional().describe('the notice the day belongs to; absent: the year of the day'),
});

export const calendarAdded = z.object({ year: z.number(), added: z.number() });
