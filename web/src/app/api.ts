/**
 * The one HTTP client: every call goes to `/api` on the console's own origin
 * with the session's bearer token. A refusal becomes an ApiError carrying the
 * message the server wrote for people (never a field path or a code).
 */
import { t } from './messages.js';
import type {
  ApplicationBody,
  CaseResult,
  DecisionBody,
  DiscoveryBody,
  DueItemPage,
  HouseholdFile,
  HouseholdPage,
  Household,
  IdentificationState,
  Jurisdiction,
  LoginAnswer,
  LoginBody,
  Member,
  MemberBody,
  ProfileInForce,
  RegisterAnswer,
  RegisterBody,
  User,
  CompleteBody,
  HandBackBody,
  TaskPage,
  TaskState,
  MonthlyUpdateBody,
  VisitBody,
  MonthlyItemResult,
  NotificationPage,
  OverdueBoard,
  Dashboard,
  Account,
  AdminChangePage,
  ChangePasswordBody,
  CountyView,
  CreateCountyBody,
  CreatePlaceBody,
  CreateUserBody,
  DepartmentAdmin,
  PlaceNode,
  PlaceTree,
  ProfileTemplate,
  RegionView,
  WebhookBody,
  WebhookTestAnswer,
} from './api-types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let token: string | null = null;
let onUnauthorized: () => void = () => {};

export function setSessionToken(next: string | null, whenRefused: () => void): void {
  token = next;
  onUnauthorized = whenRefused;
}

type Query = Record<string, string | number | undefined>;

/**
 * The idempotency key of each action that has not had its answer yet: the same
 * action resent unchanged (after "系统繁忙" or a dropped connection) carries the
 * same key, so the system records it once; once answered, the next identical
 * action is a new one with a new key.
 */
const unanswered = new Map<string, string>();
const UNANSWERED = [0, 502, 503, 504];
/** 128 random bits as hex (crypto.randomUUID needs https, which a county intranet may not have; getRandomValues does not). */
const newKey = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

async function call<T>(method: string, path: string, options: { body?: unknown; query?: Query } = {}): Promise<T> {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined && v !== '') search.set(k, String(v));
  const url = `/api${path}${search.size > 0 ? `?${search}` : ''}`;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const action = method === 'GET' ? undefined : `${method} ${url} ${body ?? ''}`;
  const key = action === undefined ? undefined : (unanswered.get(action) ?? newKey());
  if (action !== undefined && key !== undefined) unanswered.set(action, key);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      ...(body === undefined ? {} : { body }),
    });
  } catch {
    throw new ApiError(0, t.networkError);
  }
  if (action !== undefined && !UNANSWERED.includes(response.status)) unanswered.delete(action);
  if (response.status === 204) return undefined as T;
  const answer = (await response.json().catch(() => null)) as { message?: string; details?: { message: string }[] } | null;
  if (!response.ok) {
    if (response.status === 401 && token) onUnauthorized();
    // Validation refusals list each problem; the field paths in `message` are for developers.
    const message = answer?.details?.length ? answer.details.map((d) => d.message).join('；') : (answer?.message ?? t.loadFailed);
    throw new ApiError(response.status, message);
  }
  return answer as T;
}

const h = (id: string) => `/households/${encodeURIComponent(id)}`;

export const api = {
  login: (body: LoginBody) => call<LoginAnswer>('POST', '/auth/login', { body }),
  logout: () => call<void>('POST', '/auth/logout'),
  me: () => call<User>('GET', '/auth/me'),
  jurisdiction: (id: string) => call<Jurisdiction>('GET', `/jurisdictions/${encodeURIComponent(id)}`),
  dueItems: (query: Query) => call<DueItemPage>('GET', '/due-items', { query }),
  households: (query: Query) => call<HouseholdPage>('GET', '/households', { query }),
  household: (id: string) => call<Household>('GET', h(id)),
  register: (body: RegisterBody) => call<RegisterAnswer>('POST', '/households', { body }),
  members: (id: string) => call<Member[]>('GET', `${h(id)}/members`),
  addMember: (id: string, body: MemberBody) => call<Member>('POST', `${h(id)}/members`, { body }),
  file: (id: string) => call<HouseholdFile>('GET', `${h(id)}/file`),
  identification: (id: string) => call<IdentificationState>('GET', `${h(id)}/identification`),
  discover: (id: string, body: DiscoveryBody) => call<CaseResult>('POST', `${h(id)}/identification`, { body }),
  apply: (id: string, body: ApplicationBody) => call<CaseResult>('POST', `${h(id)}/identification/application`, { body }),
  decide: (id: string, body: DecisionBody) => call<CaseResult>('POST', `${h(id)}/identification/decisions`, { body }),
  tasks: (query: Query) => call<TaskPage>('GET', '/tasks', { query }),
  acceptTask: (key: string) => call<TaskState>('POST', `/tasks/${encodeURIComponent(key)}/accept`),
  completeTask: (key: string, body: CompleteBody) => call<TaskState>('POST', `/tasks/${encodeURIComponent(key)}/complete`, { body }),
  handBackTask: (key: string, body: HandBackBody) => call<TaskState>('POST', `/tasks/${encodeURIComponent(key)}/hand-back`, { body }),
  monthlyUpdate: (id: string, body: MonthlyUpdateBody) => call<MonthlyItemResult>('POST', `${h(id)}/monthly-updates`, { body }),
  visit: (id: string, body: VisitBody) => call<MonthlyItemResult>('POST', `${h(id)}/visits`, { body }),
  notifications: (query: Query) => call<NotificationPage>('GET', '/notifications', { query }),
  markRead: (id: string) => call<void>('POST', `/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => call<void>('POST', '/notifications/read-all'),
  overdueBoard: (query: Query) => call<OverdueBoard>('GET', '/supervision/overdue', { query }),
  overdueTasks: (query: Query) => call<TaskPage>('GET', '/tasks/overdue', { query }),
  dashboard: () => call<Dashboard>('GET', '/dashboard'),
  profile: (period: string) => call<ProfileInForce>('GET', '/policy/profile', { query: { period } }),
  // Administration: places, people, departments and channels, the audit, counties, the region.
  placeTree: (all = false) => call<PlaceTree>('GET', '/places/tree', { query: { all: all ? '1' : undefined } }),
  createPlace: (body: CreatePlaceBody) => call<PlaceNode>('POST', '/admin/places', { body }),
  renamePlace: (id: string, placeName: string) => call<PlaceNode>('POST', `/admin/places/${encodeURIComponent(id)}/rename`, { body: { placeName } }),
  retirePlace: (id: string) => call<PlaceNode>('POST', `/admin/places/${encodeURIComponent(id)}/retire`),
  accounts: () => call<Account[]>('GET', '/admin/users'),
  createAccount: (body: CreateUserBody) => call<Account>('POST', '/admin/users', { body }),
  setAccountActive: (id: string, active: boolean) => call<Account>('POST', `/admin/users/${encodeURIComponent(id)}/${active ? 'activate' : 'deactivate'}`),
  resetPassword: (id: string, password: string) => call<Account>('POST', `/admin/users/${encodeURIComponent(id)}/password`, { body: { password } }),
  changePassword: (body: ChangePasswordBody) => call<void>('POST', '/auth/password', { body }),
  adminDepartments: () => call<DepartmentAdmin[]>('GET', '/admin/departments'),
  createDepartment: (body: { departmentCode: string; departmentName: string }) => call<DepartmentAdmin>('POST', '/admin/departments', { body }),
  setWebhook: (id: string, body: WebhookBody) => call<DepartmentAdmin>('PUT', `/admin/departments/${encodeURIComponent(id)}/webhook`, { body }),
  disableWebhook: (id: string) => call<DepartmentAdmin>('POST', `/admin/departments/${encodeURIComponent(id)}/webhook/disable`),
  testWebhook: (id: string) => call<WebhookTestAnswer>('POST', `/admin/departments/${encodeURIComponent(id)}/webhook/test`),
  adminChanges: (query: Query) => call<AdminChangePage>('GET', '/admin/changes', { query }),
  counties: () => call<CountyView[]>('GET', '/admin/counties'),
  profileTemplates: () => call<ProfileTemplate[]>('GET', '/admin/profile-templates'),
  createCounty: (body: CreateCountyBody) => call<CountyView>('POST', '/admin/counties', { body }),
  region: () => call<RegionView>('GET', '/region'),
};
