/**
 * The API's types, inferred from the zod schemas its routes validate and
 * serialize with: a change to a schema changes the console's types, never a copy.
 * Type-only imports: nothing of the server reaches the bundle.
 */
import type { z } from 'zod';
import type { loginBody, session, userView } from '../../../api/schemas/auth.js';
import type * as admin from '../../../api/schemas/admin.js';
import type { dueItemPage } from '../../../api/schemas/due-items.js';
import type { householdFile, householdView, registeredHousehold, registerHouseholdBody } from '../../../api/schemas/households.js';
import type { applicationBody, caseResult, discoveryBody, identificationView, stepDecisionBody } from '../../../api/schemas/identification.js';
import type { jurisdictionView } from '../../../api/routes/jurisdictions.js';
import type { addMemberBody, memberView } from '../../../api/schemas/members.js';
import type { monthlyItemResult, monthlyUpdateBody, visitBody } from '../../../api/schemas/monitoring.js';
import type { notificationList, notificationPage } from '../../../api/schemas/due-items.js';
import type { profileInForce } from '../../../api/routes/policy.js';
import type { dashboard, overdueBoard } from '../../../api/schemas/supervision.js';
import type { completeTaskBody, handBackBody, taskItem, taskState } from '../../../api/schemas/tasks.js';

export type LoginBody = z.input<typeof loginBody>;
export type LoginAnswer = z.output<typeof session>;
export type User = z.output<typeof userView>;
export type DueItemPage = z.output<typeof dueItemPage>;
export type DueItem = DueItemPage['items'][number];
export type Household = z.output<typeof householdView>;
export type HouseholdPage = { total: number; items: Household[] };
export type HouseholdFile = z.output<typeof householdFile>;
export type FileEvent = HouseholdFile['events'][number];
export type RegisterBody = z.input<typeof registerHouseholdBody>;
export type RegisterAnswer = z.output<typeof registeredHousehold>;
export type MemberBody = z.input<typeof addMemberBody>;
export type Member = z.output<typeof memberView>;
export type DiscoveryBody = z.input<typeof discoveryBody>;
export type ApplicationBody = z.input<typeof applicationBody>;
export type DecisionBody = z.input<typeof stepDecisionBody>;
export type CaseResult = z.output<typeof caseResult>;
export type IdentificationState = z.output<typeof identificationView>;
export type Jurisdiction = z.output<typeof jurisdictionView>;
export type ProfileInForce = z.output<typeof profileInForce>;
export type TaskItem = z.output<typeof taskItem>;
export type TaskPage = { total: number; items: TaskItem[] };
export type TaskState = z.output<typeof taskState>;
export type CompleteBody = z.input<typeof completeTaskBody>;
export type HandBackBody = z.input<typeof handBackBody>;
export type MonthlyUpdateBody = z.input<typeof monthlyUpdateBody>;
export type VisitBody = z.input<typeof visitBody>;
export type MonthlyItemResult = z.output<typeof monthlyItemResult>;
export type Notification = z.output<typeof notificationList>[number];
export type NotificationPage = z.output<typeof notificationPage>;
export type OverdueBoard = z.output<typeof overdueBoard>;
export type Dashboard = z.output<typeof dashboard>;
export type PlaceTree = z.output<typeof admin.placeTree>;
export type PlaceNode = z.output<typeof admin.placeNode>;
export type CreatePlaceBody = z.input<typeof admin.createPlaceBody>;
export type Account = z.output<typeof admin.accountView>;
export type CreateUserBody = z.input<typeof admin.createUserBody>;
export type ChangePasswordBody = z.input<typeof admin.changePasswordBody>;
export type DepartmentAdmin = z.output<typeof admin.departmentView>;
export type WebhookBody = z.input<typeof admin.webhookBody>;
export type WebhookTestAnswer = z.output<typeof admin.webhookTestAnswer>;
export type CreateCountyBody = z.input<typeof admin.createCountyBody>;
export type CountyView = z.output<typeof admin.countyView>;
export type ProfileTemplate = z.output<typeof admin.profileTemplate>;
export type AdminChangePage = z.output<typeof admin.adminChangePage>;
export type AdminChange = AdminChangePage['items'][number];
export type RegionView = z.output<typeof admin.regionView>;
