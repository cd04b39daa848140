import { z } from 'zod';
import { RISK_CAUSES } from '../../domain/identification/steps.js';
import { parseIdNumber } from '../../domain/people/id-number.js';
import { selfReportMessages as m } from '../../domain/self-report/messages.js';
import { isReceiptNumber, isVillageCode, normalisePhone, SELF_REPORT_STATUSES } from '../../domain/self-report/rules.js';
import { jurisdictionId, text } from './common.js';

/** The household's ID number, checked as the console checks it (the reason in words), upper-cased. */
const idNumber = z
  .string()
  .max(30)
  .transform((raw, ctx) => {
    const parsed = parseIdNumber(raw);
    if (parsed.ok) return parsed.value.idNumber;
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  });

const phone = z
  .string()
  .max(30)
  .transform((raw, ctx) => {
    const digits = normalisePhone(raw);
    if (digits) return digits;
    ctx.addIssue({ code: 'custom', message: m.phoneInvalid });
    return z.NEVER;
  });

export const villageCode = z.string().trim().toUpperCase().refine(isVillageCode, m.villageCodeUnknown);
export const codeParams = z.object({ code: villageCode });

/** A challenge answered, after repeated use from one address. */
const challenge = { challengeId: z.uuid().optional(), challengeAnswer: z.number().int().min(0).max(100).optional() };

export const selfReportBody = z.object({
  villageCode,
  headName: text(50),
  idNumber,
  phone,
  villageId: jurisdictionId,
  riskCauses: z.array(z.enum(RISK_CAUSES)).min(1, m.riskCausesRequired).max(RISK_CAUSES.length),
  statement: text(1000, m.statementRequired),
  consent: z.literal(true, { error: m.consentRequired }),
  ...challenge,
});
export type SelfReportBody = z.infer<typeof selfReportBody>;

export const statusBody = z.object({ receiptNo: z.string().trim().toUpperCase().refine(isReceiptNumber, m.receiptUnknown), phone, ...challenge });

export const reportPlaces = z.object({
  code: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  countyName: z.string(),
  hotline: z.string().nullable(),
  visitWorkingDays: z.number().nullable(),
  towns: z.array(z.object({ id: z.string(), name: z.string(), villages: z.array(z.object({ id: z.string(), name: z.string() })) })),
});

export const receipt = z.object({
  receiptNo: z.string(),
  receivedAt: z.string(),
  villageName: z.string(),
  /** The day the township visits by, or null when the county has not configured it. */
  visitBy: z.string().nullable(),
  repeated: z.boolean(),
});

export const reportStatus = z.object({
  receiptNo: z.string(),
  receivedAt: z.string(),
  status: z.enum(SELF_REPORT_STATUSES),
  villageName: z.string(),
  visitBy: z.string().nullable(),
  visitedAt: z.string().nullable(),
});

/** Too many uses from one address or phone (429). */
export const tooMany = z.object({ error: z.literal('TOO_MANY_REQUESTS'), message: z.string() });

/** Answered instead of the report when a challenge must be solved first. */
export const challengeAnswer = z.object({ error: z.literal('CHALLENGE_REQUIRED'), message: z.string(), challengeId: z.string(), question: z.string() });

export const selfReportItem = z.object({
  id: z.string(),
  receiptNo: z.string(),
  receivedAt: z.string(),
  headName: z.string(),
  idNumber: z.string().describe('masked: the first 6 characters and 12 stars (birth date and sex are shown beside it, so the rest stays hidden)'),
  phone: z.string(),
  town: z.object({ id: z.string(), name: z.string() }),
  village: z.object({ id: z.string(), name: z.string() }),
  riskCauses: z.array(z.string()),
  statement: z.string(),
  householdId: z.string().nullable(),
  discovery: z.enum(['pending', 'opened', 'joined', 'not_opened', 'candidate']),
  status: z.enum(SELF_REPORT_STATUSES),
  visitWorkingDays: z.number().nullable(),
  visitBy: z.string().nullable(),
  overdue: z.boolean(),
  visitedAt: z.string().nullable(),
});
export const selfReportList = z.object({ total: z.number(), items: z.array(selfReportItem) });

export const visitBody = z.object({ visitNote: text(1000, m.visitNoteRequired) });

export const noticeCards = z.object({
  countyName: z.string(),
  hotline: z.string().nullable(),
  visitWorkingDays: z.number().nullable(),
  villages: z.array(z.object({ villageId: z.string(), villageName: z.string(), townName: z.string(), code: z.string(), path: z.string() })),
});
