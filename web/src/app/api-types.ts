/**
 * The API's types, inferred from the zod schemas its routes validate and
 * serialize with: a change to a schema changes the console's types, never a copy.
 * Type-only imports: nothing of the server reaches the bundle.
 */
import type { z } from 'zod';
import type { loginAnswer, loginBody, userView } from '../../../api/routes/auth.js';
import type { dueItemPage } from '../../../api/routes/due-items.js';
import type { householdFile, householdView, registerAnswer, registerBody } from '../../../api/routes/households.js';
import type { applicationBody, caseResult, decisionBody, discoveryBody, identificationView } from '../../../api/routes/identification.js';
import type { jurisdictionView } from '../../../api/routes/jurisdictions.js';
import type { memberBody, memberView } from '../../../api/routes/members.js';
import type { profileInForce } from '../../../api/routes/policy.js';
import type { completeBody, handBackBody, taskState } from '../../../api/routes/tasks.js';
import type { taskItem } from '../../../api/schemas/tasks.js';

export type LoginBody = z.input<typeof loginBody>;
export type LoginAnswer = z.output<typeof loginAnswer>;
export type User = z.output<typeof userView>;
export type DueItemPage = z.output<typeof dueItemPage>;
export type DueItem = DueItemPage['items'][number];
export type Household = z.output<typeof householdView>;
export type HouseholdPage = { total: number; items: Household[] };
export type HouseholdFile = z.output<typeof householdFile>;
export type FileEvent = HouseholdFile['events'][number];
export type RegisterBody = z.input<typeof registerBody>;
export type RegisterAnswer = z.output<typeof registerAnswer>;
export type MemberBody = z.input<typeof memberBody>;
export type Member = z.output<typeof memberView>;
export type DiscoveryBody = z.input<typeof discoveryBody>;
export type ApplicationBody = z.input<typeof applicationBody>;
export type DecisionBody = z.input<typeof decisionBody>;
export type CaseResult = z.output<typeof caseResult>;
export type IdentificationState = z.output<typeof identificationView>;
export type Jurisdiction = z.output<typeof jurisdictionView>;
export type ProfileInForce = z.output<typeof profileInForce>;
export type TaskItem = z.output<typeof taskItem>;
export type TaskPage = { total: number; items: TaskItem[] };
export type TaskState = z.output<typeof taskState>;
export type CompleteBody = z.input<typeof completeBody>;
export type HandBackBody = z.input<typeof handBackBody>;
