import { FOCUS_FLAGS } from '../../domain/monitoring/risk-signal.js';
import { z } from 'zod';
import { riskColourField } from './risk-colours.js';
import { RISK_COLOURS } from '../../domain/monitoring/risk-colour.js';
import { HOUSEHOLD_CATEGORIES, RISK_CAUSES } from '../../domain/identification/steps.js';
import { eventKindNames } from '../../domain/messages/catalogue.js';
import { validationMessages as v } from '../../domain/messages/fields.js';
import type { Household } from '../../db/database.js';
import type { householdEventsRepo } from '../../db/repositories/household-events.js';
import { DISCOVERY_CHANNELS, HOUSEHOLD_STAGES } from '../../workflows/household/definitions.js';
import { MOVEMENTS, type Movement } from '../../domain/supervision/movements.js';
import { jurisdictionId, page, pageOf, period, text, uuid } from './common.js';
import { taskDocument } from './task-documents.js';

export const JOINT_FILTERS = ['dibao', 'tekun', 'any', 'at_risk_unmonitored'] as const;

export const registerHouseholdBody = z.object({
  villageId: jurisdictionId,
  groupId: jurisdictionId.optional(),
  address: text(200),
  headName: text(50),
  category: z.enum(HOUSEHOLD_CATEGORIES),
  channel: z.enum(DISCOVERY_CHANNELS).default('application'),
});
export type RegisterHouseholdBody = z.infer<typeof registerHouseholdBody>;

export const registeredHousehold = z.object({ id: z.string(), workflowId: z.string() });

export const householdSearchQuery = z.object({
  townId: jurisdictionId.optional(),
  villageId: jurisdictionId.optional(),
  category: z.enum(HOUSEHOLD_CATEGORIES).optional(),
  stage: z.enum(HOUSEHOLD_STAGES).optional(),
  riskCause: z.enum(RISK_CAUSES).optional().describe('a risk cause of the latest county decision'),
  focus: z.enum([...FOCUS_FLAGS, 'any']).optional().describe('a focus-analysis flag (the focus analysis of Suyuan) set on the latest assessment, or any'),
  riskColour: z.enum(RISK_COLOURS).optional().describe('households of this risk colour by the rules of the county profile (the dashboard’s counts)'),
  joint: z
    .enum(JOINT_FILTERS)
    .optional()
    .describe('joint identification with civil affairs (minzheng): households its feed lists now as dibao, tekun or either (any); or listed, not monitored, while their latest assessment qualifies them (at_risk_unmonitored)'),
  movement: z.enum(MOVEMENTS as [Movement, ...Movement[]]).optional().describe('with period: households that became monitoring objects, were eliminated or returned in that month'),
  period: period.optional(),
  name: text(50).optional(),
  idNumber: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[0-9]{17}[0-9X]$/, v.idNumberFormat))
    .optional(),
  ...page,
});

export const householdView = z.object({
  id: z.string(),
  countyId: z.string(),
  townId: z.string(),
  villageId: z.string(),
  groupId: z.string().nullable(),
  address: z.string(),
  headName: z.string(),
  category: z.enum(HOUSEHOLD_CATEGORIES),
  stage: z.string(),
  /** 帮扶责任人: the cadre paired with the household. */
  responsible: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type HouseholdView = z.infer<typeof householdView>;
/** A list's households, each with its risk colour (null: the county has no rules, 未配置). */
export const householdPage = pageOf(householdView.extend({ riskColour: riskColourField.optional() }));

export const toHouseholdView = (h: Household, names: ReadonlyMap<string, string> = new Map()): HouseholdView => ({
  id: h.id,
  countyId: h.county_id,
  townId: h.town_id,
  villageId: h.village_id,
  groupId: h.group_id,
  address: h.address,
  headName: h.head_name,
  category: h.category,
  stage: h.stage,
  responsible: h.responsible_user_id ? { id: h.responsible_user_id, name: names.get(h.responsible_user_id) ?? '' } : null,
  createdAt: h.created_at.toISOString(),
});

export const responsibleBody = z.object({ userId: uuid.nullable() });

const fileEvent = z.object({
  kind: z.string(),
  kindName: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  actor: z.object({ id: z.string(), name: z.string().nullable(), role: z.string().nullable() }).nullable(),
  details: z.unknown(),
});
export const householdFile = z.object({ household: householdView, events: z.array(fileEvent), documents: z.array(taskDocument).describe('the uploaded documents its completions name') });

type FileEventRow = Awaited<ReturnType<ReturnType<typeof householdEventsRepo>['listForHousehold']>>[number];

export const toFileEvent = (e: FileEventRow): z.infer<typeof fileEvent> => ({
  kind: e.kind,
  kindName: eventKindNames[e.kind] ?? e.kind,
  occurredAt: e.occurred_at.toISOString(),
  recordedAt: e.recorded_at.toISOString(),
  actor: e.actor_user_id ? { id: e.actor_user_id, name: e.actor_name, role: e.actor_role } : null,
  details: e.payload,
});
