/**
 * The one HTTP client: every call goes to `/api` on the console's own origin
 * with the session's bearer token. A refusal becomes an ApiError carrying the
 * message the server wrote for people (never a field path or a code).
 */
import { t } from './messages.js';
import type { ComparisonReport, Consent, ConsentBody, ConsentList, FeedBatch, FeedList, HouseholdMarks } from './api-types.js';
import type { Rederivations, WhatIfAnswer, WhatIfBody } from './api-types.js';
import type { CompletedTownItem, CompleteTownItemBody, DrawnTownReport, ReviewQueuePage } from './api-types.js';
import type { EliminationConditions } from './api-types.js';
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
  OverdueTrend,
  Dashboard,
  NoticeCards,
  ReportPlaces,
  SelfReportBody,
  SelfReportList,
  SelfReportReceipt,
  SelfReportStatus,
  SelfReportStatusBody,
  PlanDraft,
  ConfirmPlanBody,
  ConfirmedPlan,
  LeaveBody,
  CorrectMemberBody,
  BulkAcceptResult,
  NewViewBody,
  TaskDocumentItem,
  TaskViewItem,
  TaskViewList,
  SubmitReportBody,
  SubmittedReport,
  TownReportView,
  ImportJob,
  ImportJobList,
  CampaignOptions,
  PreviewBody,
  DefineCampaignBody,
  LaunchedCampaign,
  CampaignList,
  CampaignDetail,
  CheckPage,
  HouseholdCheck,
  CheckBody,
  CheckAnswer,
  RectifyBody,
  CampaignNotice,
  OrderScreeningBody,
  OrderedScreening,
  PolicyVersions,
  ShippedProfile,
  DraftBody,
  DraftChecked,
  Published,
  CalendarView,
  CalendarYearBody,
  CalendarDayBody,
  CalendarAdded,
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
  Assessment,
  RiskColourBoard,
  LoggedOutEverywhere,
  EliminationState,
  EliminationProposal,
  EliminationDecision,
  DepartmentOption,
  ReassignBody,
  WaiveBody,
} from './api-types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The public page's refusal that asks for a small sum first (after repeated use from one address). */
export class ChallengeError extends ApiError {
  constructor(
    message: string,
    readonly challengeId: string,
    readonly question: string,
  ) {
    super(428, message);
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

async function call<T>(method: string, path: string, options: { body?: unknown; query?: Query; form?: FormData } = {}): Promise<T> {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined && v !== '') search.set(k, String(v));
  const url = `/api${path}${search.size > 0 ? `?${search}` : ''}`;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  // An upload (a form) is not keyed: two files sent one after the other are two actions, and a resent one at worst keeps a spare copy.
  const action = method === 'GET' || options.form !== undefined ? undefined : `${method} ${url} ${body ?? ''}`;
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
      ...(options.form === undefined ? {} : { body: options.form }),
    });
  } catch {
    throw new ApiError(0, t.networkError);
  }
  if (action !== undefined && !UNANSWERED.includes(response.status)) unanswered.delete(action);
  if (response.status === 204) return undefined as T;
  const answer = (await response.json().catch(() => null)) as { message?: string; details?: { message: string }[] } | null;
  if (!response.ok) {
    if (response.status === 401 && token) onUnauthorized();
    const asked = answer as { challengeId?: string; question?: string; message?: string } | null;
    if (response.status === 428 && asked?.challengeId && asked.question) throw new ChallengeError(asked.message ?? t.loadFailed, asked.challengeId, asked.question);
    // Validation refusals list each problem; the field paths in `message` are for developers.
    const message = answer?.details?.length ? answer.details.map((d) => d.message).join('；') : (answer?.message ?? t.loadFailed);
    throw new ApiError(response.status, message);
  }
  return answer as T;
}

/**
 * A file the API serves (a document, a spreadsheet), fetched with the session's token and handed to
 * the browser to save — under `name`, or else the name the server gives (Content-Disposition).
 */
async function download(path: string, name?: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, t.networkError);
  }
  if (!response.ok) {
    if (response.status === 401 && token) onUnauthorized();
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new ApiError(response.status, body?.message ?? t.loadFailed);
  }
  const given = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name ?? (given ? decodeURIComponent(given) : 'download.xlsx') });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const h = (id: string) => `/households/${encodeURIComponent(id)}`;

export const api = {
  login: (body: LoginBody) => call<LoginAnswer>('POST', '/auth/login', { body }),
  logout: () => call<void>('POST', '/auth/logout'),
  logoutAll: () => call<LoggedOutEverywhere>('POST', '/auth/logout-all'),
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
  reportPlaces: (code: string) => call<ReportPlaces>('GET', `/public/report-places/${encodeURIComponent(code)}`),
  selfReport: (body: SelfReportBody) => call<SelfReportReceipt>('POST', '/public/reports', { body }),
  selfReportStatus: (body: SelfReportStatusBody) => call<SelfReportStatus>('POST', '/public/reports/status', { body }),
  selfReports: (query: Query) => call<SelfReportList>('GET', '/self-reports', { query }),
  selfReportVisit: (id: string, visitNote: string) => call<void>('POST', `/self-reports/${encodeURIComponent(id)}/visit`, { body: { visitNote } }),
  noticeCards: () => call<NoticeCards>('GET', '/notice-cards'),
  draftPlan: (id: string) => call<PlanDraft>('POST', `${h(id)}/plan/draft`),
  confirmPlan: (id: string, body: ConfirmPlanBody) => call<ConfirmedPlan>('POST', `${h(id)}/plan`, { body }),
  leaveMember: (id: string, memberId: string, body: LeaveBody) => call<Member>('POST', `${h(id)}/members/${encodeURIComponent(memberId)}/leave`, { body }),
  correctMember: (id: string, memberId: string, body: CorrectMemberBody) => call<Member>('PATCH', `${h(id)}/members/${encodeURIComponent(memberId)}`, { body }),
  taskViews: () => call<TaskViewList>('GET', '/task-views'),
  saveTaskView: (body: NewViewBody) => call<TaskViewItem>('POST', '/task-views', { body }),
  deleteTaskView: (id: string) => call<{ id: string; deleted: true }>('DELETE', `/task-views/${encodeURIComponent(id)}`),
  bulkAccept: (keys: string[]) => call<BulkAcceptResult>('POST', '/tasks/bulk-accept', { body: { keys } }),
  uploadDocument: (key: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return call<TaskDocumentItem>('POST', `/tasks/${encodeURIComponent(key)}/documents`, { form });
  },
  downloadDocument: (id: string, name: string) => download(`/documents/${encodeURIComponent(id)}`, name),
  townReport: (townId: string, period: string) => call<TownReportView>('GET', `/towns/${encodeURIComponent(townId)}/reports/${period}`),
  submitTownReport: (townId: string, period: string, body: SubmitReportBody) => call<SubmittedReport>('POST', `/towns/${encodeURIComponent(townId)}/reports/${period}/submit`, { body }),
  importJobs: () => call<ImportJobList>('GET', '/imports'),
  importJob: (id: string) => call<ImportJob>('GET', `/imports/${encodeURIComponent(id)}`),
  uploadImport: (file: File) => send<ImportJob>('/imports', file),
  download: (path: string) => download(path),
  campaignOptions: () => call<CampaignOptions>('GET', '/campaigns/options'),
  previewCohort: (body: PreviewBody) => call<{ count: number }>('POST', '/campaigns/preview', { body }),
  launchCampaign: (body: DefineCampaignBody) => call<LaunchedCampaign>('POST', '/campaigns', { body }),
  campaigns: () => call<CampaignList>('GET', '/campaigns'),
  campaign: (id: string) => call<CampaignDetail>('GET', `/campaigns/${encodeURIComponent(id)}`),
  campaignChecks: (id: string) => call<CheckPage>('GET', `/campaigns/${encodeURIComponent(id)}/checks`, { query: { limit: 200 } }),
  householdCheck: (id: string, householdId: string) => call<HouseholdCheck>('GET', `/campaigns/${encodeURIComponent(id)}/checks/${encodeURIComponent(householdId)}`),
  recordCheck: (id: string, householdId: string, body: CheckBody) => call<CheckAnswer>('POST', `/campaigns/${encodeURIComponent(id)}/checks/${encodeURIComponent(householdId)}`, { body }),
  rectify: (id: string, problemId: string, body: RectifyBody) => call<{ late: boolean }>('POST', `/campaigns/${encodeURIComponent(id)}/problems/${encodeURIComponent(problemId)}/rectify`, { body }),
  publishNotice: (id: string) => call<CampaignNotice>('POST', `/campaigns/${encodeURIComponent(id)}/notice`),
  campaignNotice: (id: string) => call<CampaignNotice>('GET', `/campaigns/${encodeURIComponent(id)}/notice`),
  orderScreening: (body: OrderScreeningBody) => call<OrderedScreening>('POST', '/screenings', { body }),
  /** The notice 通报 as an Excel workbook (a file, not JSON). */
  noticeWorkbook: async (id: string): Promise<Blob> => {
    const response = await fetch(`/api/campaigns/${encodeURIComponent(id)}/notice.xlsx`, { headers: token ? { authorization: `Bearer ${token}` } : {} }).catch(() => {
      throw new ApiError(0, t.networkError);
    });
    if (!response.ok) throw new ApiError(response.status, t.loadFailed);
    return response.blob();
  },
  policyVersions: () => call<PolicyVersions>('GET', '/policy/versions'),
  shippedProfile: (id: string) => call<ShippedProfile>('GET', `/policy/shipped/${encodeURIComponent(id)}`),
  checkVersion: (body: DraftBody) => call<DraftChecked>('POST', '/policy/versions/check', { body }),
  publishVersion: (body: DraftBody) => call<Published>('POST', '/policy/versions', { body }),
  calendar: (query: Query) => call<CalendarView>('GET', '/calendar', { query }),
  addCalendarYear: (body: CalendarYearBody) => call<CalendarAdded>('POST', '/calendar/years', { body }),
  addCalendarDay: (body: CalendarDayBody) => call<CalendarAdded>('POST', '/calendar/days', { body }),
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
  renameDepartment: (id: string, departmentName: string) => call<DepartmentAdmin>('PUT', `/admin/departments/${encodeURIComponent(id)}/name`, { body: { departmentName } }),
  retireDepartment: (id: string) => call<DepartmentAdmin>('POST', `/admin/departments/${encodeURIComponent(id)}/retire`),
  adminChanges: (query: Query) => call<AdminChangePage>('GET', '/admin/changes', { query }),
  counties: () => call<CountyView[]>('GET', '/admin/counties'),
  profileTemplates: () => call<ProfileTemplate[]>('GET', '/admin/profile-templates'),
  createCounty: (body: CreateCountyBody) => call<CountyView>('POST', '/admin/counties', { body }),
  region: () => call<RegionView>('GET', '/region'),
  assessment: (query: Query) => call<Assessment>('GET', '/assessment', { query }),
  riskColours: () => call<RiskColourBoard>('GET', '/risk-colours'),
  assessmentWorkbook: (query: Record<string, string>) => download(`/assessment.xlsx?${new URLSearchParams(query)}`),
  comparison: (month: string) => call<ComparisonReport>('GET', `/comparison/${encodeURIComponent(month)}`),
  followUpWarning: (id: string, note: string) => call<void>('POST', `/comparison/warnings/${encodeURIComponent(id)}/follow-up`, { body: { note } }),
  elimination: (id: string) => call<EliminationState>('GET', `${h(id)}/elimination`),
  proposeElimination: (id: string, body: EliminationProposal) => call<CaseResult>('POST', `${h(id)}/elimination`, { body }),
  decideElimination: (id: string, body: EliminationDecision) => call<CaseResult>('POST', `${h(id)}/elimination/decisions`, { body }),
  departments: () => call<DepartmentOption[]>('GET', '/departments'),
  householdTasks: (id: string) => call<TaskPage>('GET', `${h(id)}/tasks`, { query: { limit: 100 } }),
  reassignTask: (id: string, key: string, body: ReassignBody) => call<unknown>('POST', `${h(id)}/tasks/${encodeURIComponent(key)}/reassign`, { body }),
  waiveTask: (id: string, key: string, body: WaiveBody) => call<unknown>('POST', `${h(id)}/tasks/${encodeURIComponent(key)}/waive`, { body }),
  consents: (id: string) => call<ConsentList>('GET', `${h(id)}/consents`),
  assistanceMarks: (id: string) => call<HouseholdMarks>('GET', `${h(id)}/assistance-marks`),
  recordConsent: (id: string, body: ConsentBody) => call<Consent>('POST', `${h(id)}/consents`, { body }),
  withdrawConsent: (id: string, consentId: string, note: string) => call<Consent>('POST', `${h(id)}/consents/${encodeURIComponent(consentId)}/withdrawal`, { body: { note } }),
  comparisonFeeds: (month: string) => call<FeedList>('GET', `/comparison/feeds/${encodeURIComponent(month)}`),
  uploadFeed: (feedId: string, month: string, file: File) => send<FeedBatch>(`/comparison/feeds/${encodeURIComponent(feedId)}/${encodeURIComponent(month)}`, file),
  closeComparisonMonth: (month: string) => call<{ month: string; closedAt: string }>('POST', `/comparison/${encodeURIComponent(month)}/close`),
  rederivations: (id: string) => call<Rederivations>('GET', `${h(id)}/rederivations`),
  whatIf: (body: WhatIfBody) => call<WhatIfAnswer>('POST', '/policy/versions/what-if', { body }),
  drawTownReport: (townId: string, period: string) => call<DrawnTownReport>('POST', `/towns/${encodeURIComponent(townId)}/reports/${period}/draft`),
  reviewQueue: (query: Query) => call<ReviewQueuePage>('GET', '/review-queue', { query }),
  completeTownItem: (townId: string, kind: string, periodKey: string, body: CompleteTownItemBody) =>
    call<CompletedTownItem>('POST', `/towns/${encodeURIComponent(townId)}/items/${encodeURIComponent(kind)}/${encodeURIComponent(periodKey)}/complete`, { body }),
  overdueTrend: (query: Query) => call<OverdueTrend>('GET', '/supervision/overdue/trend', { query }),
  eliminationConditions: (id: string) => call<EliminationConditions>('GET', `${h(id)}/elimination/conditions`),
};

/** Uploads a file as multipart (field "file"), with the session's token. */
async function send<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(`/api${path}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: form }).catch(() => {
    throw new ApiError(0, t.networkError);
  });
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  if (!response.ok) throw new ApiError(response.status, body?.message ?? t.loadFailed);
  return body as T;
}

