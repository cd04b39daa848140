import { z } from 'zod';
import { comparisonMessages } from '../../domain/comparison/messages.js';
import { CONSENT_COVERS } from '../../domain/self-report/rules.js';
import { localDateAs, period, text } from './common.js';

export const feedUploadParams = z.object({ feedId: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/), month: period });
export const monthParams = z.object({ month: period });
export const warningParams = z.object({ id: z.string().regex(/^[0-9]{1,18}$/) });

export const feedList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      department: z.string(),
      departmentName: z.string().nullable(),
      headings: z.array(z.string()).describe('the columns a file of this feed has, the required first'),
      fields: z.array(z.object({ field: z.string(), heading: z.string(), required: z.boolean() })).describe('the same columns by field code, as a department’s system pushes them'),
      rules: z.array(z.object({ id: z.string(), name: z.string(), configured: z.boolean().describe('false: the line it needs is not configured in the profile') })),
    }),
  ),
  followUpDays: z.number().nullable().describe('null: not configured (no seed gives it)'),
});

export const batchView = z.object({
  id: z.string(),
  feed: z.string(),
  feedName: z.string(),
  month: z.string(),
  fileName: z.string(),
  receivedAt: z.string(),
  rowsReceived: z.number(),
  matched: z.number(),
  unknown: z.number().describe('persons not in the registry: candidates for the town to confirm'),
  rejected: z.number(),
  noConsent: z.number().describe('households without consent, not compared'),
  warnings: z.number(),
  householdsAffected: z.number(),
  repeated: z.boolean().describe('the same file for the same feed and month was received before: nothing changed'),
});
export type BatchView = z.infer<typeof batchView>;

export const warningView = z.object({
  id: z.string(),
  feed: z.string(),
  feedName: z.string(),
  source: z.enum(['comparison', 'monthly_update']).describe('a department feed’s warning, or the household’s own monthly re-assessment’s'),
  month: z.string(),
  rowNo: z.number().nullable().describe('the feed’s row; null for a monthly re-assessment’s warning'),
  rule: z.string(),
  ruleName: z.string(),
  householdId: z.string(),
  headName: z.string(),
  townName: z.string(),
  villageName: z.string(),
  routed: z.enum(['follow_up', 'discovery']),
  routedName: z.string(),
  discovery: z.string().nullable(),
  raisedAt: z.string(),
  dueAt: z.string().nullable().describe('the follow-up’s deadline; null: no clock (not configured) or a discovery'),
  followedUpAt: z.string().nullable(),
  followUpNote: z.string().nullable(),
});
export type WarningView = z.infer<typeof warningView>;

const listedRow = z.object({ feedName: z.string(), rowNo: z.number(), name: z.string().nullable(), idNumber: z.string().describe('masked'), town: z.string().nullable() });

export const monthStatus = z.object({
  state: z.enum(['not_started', 'open', 'closed']).describe('not_started: no feed yet; open: the month’s workflow takes feeds; closed: its report is final'),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});

export const monthReport = z.object({
  month: z.string(),
  status: monthStatus,
  departments: z.array(
    z.object({ feed: z.string(), feedName: z.string(), departmentName: z.string().nullable(), received: z.boolean(), batches: z.number(), rowsReceived: z.number(), matched: z.number(), unknown: z.number(), rejected: z.number(), noConsent: z.number(), warnings: z.number(), householdsAffected: z.number() }),
  ),
  totals: z.object({ rowsReceived: z.number(), matched: z.number(), unknown: z.number(), rejected: z.number(), noConsent: z.number(), warnings: z.number(), householdsAffected: z.number() }),
  batches: z.array(batchView),
  warnings: z.array(warningView),
  skipped: z.array(listedRow).describe('rows of households without consent'),
  candidates: z.array(listedRow).describe('persons not in the registry'),
});
export type MonthReport = z.infer<typeof monthReport>;

/** Rows a department's system pushes at most per request; a larger feed is pushed in parts or uploaded as a file. */
export const PUSH_MAX_ROWS = 50_000;
export const pushBody = z.object({
  rows: z
    .array(z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])))
    .min(1)
    .max(PUSH_MAX_ROWS)
    .describe('one object per person, keyed by the feed’s field codes (GET /comparison/feeds/:month lists them): idNumber, name, month, optionally countyCode and town, then the feed’s own'),
});

export const closeResult = z.object({ month: z.string(), closedAt: z.string() });

export const followUpBody = z.object({ note: text(1000) });
export const followUpResult = z.object({ id: z.string(), followedUpAt: z.string() });

export const consentBody = z.object({
  signerName: text(50),
  signedOn: localDateAs(comparisonMessages.signedOnFormat),
  covers: z.array(z.enum(CONSENT_COVERS)).min(1).max(CONSENT_COVERS.length),
  document: text(200),
});
export const consentParams = z.object({ id: z.uuid(), consentId: z.string().regex(/^[0-9]{1,18}$/) });
export const withdrawalBody = z.object({ note: text(500) });
export const consentList = z.object({
  items: z.array(z.object({ id: z.string(), signerName: z.string(), signedAt: z.string(), covers: z.array(z.string()), document: z.string(), source: z.string(), withdrawnAt: z.string().nullable(), withdrawalNote: z.string().nullable() })),
});
