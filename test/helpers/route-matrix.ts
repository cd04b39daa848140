/**
 * The table of test/e2e/access-matrix-other-routes.test.ts: for every operation of the route table
 * (the app's OpenAPI document) that does not name a household, the roles that may call it — written
 * out here, not read from domain/access/actions.ts, so that a check removed there fails a row — and
 * the request it is sent inside the caller's county, outside it (another county's place or record)
 * and on an unknown one. An operation with no place in its request is sent once ("inside"); that it
 * shows nothing of the other county is the test's leak check. Operations that cannot be part of the
 * matrix say why (exempt).
 */
import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '../../domain/access/roles.js';
import type { RouteFixtures } from './route-matrix-fixtures.js';
import { thisMonth, today } from './journeys.js';

export type Where = 'inside' | 'outside' | 'unknown';
export interface Req {
  readonly url: string;
  readonly body?: unknown;
  /** Sent as multipart/form-data with one small file. */
  readonly file?: { readonly field: string; readonly name: string; readonly type: string; readonly bytes: string };
}
export interface Row {
  /** Whose role may call it. */
  readonly roles: readonly Role[];
  readonly at: (f: RouteFixtures) => Partial<Record<Where, Req>>;
  /** What an allowed role's read answers inside (default 200). */
  readonly readInside?: number;
  /** What an allowed role's read answers inside where it differs from readInside, with the reason. */
  readonly readInsideByRole?: { readonly answers: Partial<Record<Role, number>>; readonly reason: string };
  /** Allowed outside the county by design, with the reason. */
  readonly outsideAllowed?: { readonly roles: readonly Role[]; readonly reason: string };
  /** A list filtered by a place outside, or unknown, answers 200 with nothing of it (the leak check holds) instead of a refusal. */
  readonly filtersOutside?: true;
  /** Besides 403 and 404, what an allowed role's request naming an unknown place answers, with the reason. */
  readonly unknownAnswers?: { readonly statuses: readonly number[]; readonly reason: string };
  /** Answers 200 and refuses each key inside (accepted 0): a batch, by design. */
  readonly refusesEachKey?: true;
}
export type Entry = Row | { readonly exempt: string };

const ALL = ROLES;
const CADRES: Role[] = ['village_cadre', 'town_officer', 'county_bureau'];
const MONTHLY: Role[] = ['village_cadre', 'town_officer'];
const BUREAU: Role[] = ['county_bureau'];
const COUNTY_READERS: Role[] = ['supervisor', 'county_bureau', 'leadership_group'];
const TOWN_READERS: Role[] = ['town_officer', 'county_bureau', 'supervisor', 'leadership_group'];
const EXPORTERS: Role[] = ['village_cadre', 'town_officer', 'county_bureau', 'supervisor', 'leadership_group'];
const CAMPAIGN_DEFINERS: Role[] = ['leadership_group', 'county_bureau', 'town_officer'];
const CAMPAIGN_CHECKERS: Role[] = ['village_cadre', 'town_officer', 'department'];
const CAMPAIGN_VIEWERS: Role[] = ['leadership_group', 'county_bureau', 'supervisor', 'town_officer', 'village_cadre', 'department'];
const COMPARISON_VIEWERS: Role[] = ['county_bureau', 'supervisor', 'leadership_group', 'town_officer', 'village_cadre', 'department', 'department_head'];
const FEED_UPLOADERS: Role[] = ['department', 'department_head', 'county_bureau'];
const DEPARTMENT: Role[] = ['department', 'department_head'];
const ADMIN: Role[] = ['system_admin'];

const OWN = { county: '990101', town: '990101001', village: '990101001201' };
const OTHER = { county: '990102', town: '990102001', village: '990102001201' };
const UNKNOWN = { county: '990199', town: '990199001', village: '990199001201' };
/** 邻县 (990102) lies in 示范市 (9901) by its division code: the city's viewer reads both counties, aggregated, and their places. */
const REGION_HOLDS_BOTH = '邻县 lies in 示范市 by its division code: the city’s viewer reads both counties, aggregated, and their places';
const PLACES = { inside: OWN, outside: OTHER, unknown: UNKNOWN } as const;

/** The same request at the three places, `make` given the place's ids. */
const byPlace = (make: (p: typeof OWN) => Req) => () => ({ inside: make(PLACES.inside), outside: make(PLACES.outside), unknown: make(PLACES.unknown) });
/** A request naming no place. */
const plain = (url: string, body?: unknown) => () => ({ inside: body === undefined ? { url } : { url, body } });
/** A request naming a record: the own county's, the other county's, none. */
const byRecord = (pick: (f: RouteFixtures['own']) => string, make: (id: string) => Req) => (f: RouteFixtures) => ({ inside: make(pick(f.own)), outside: make(pick(f.other)), unknown: make(pick({ departmentId: randomUUID(), userId: randomUUID(), notificationId: '999999999999', taskKey: `task-${randomUUID()}-1-dibao_pension-1` })) });
/** A request naming a record the matrix has none of (made by workflows): an unknown one only. */
const unknownOnly = (make: (id: string) => Req) => () => ({ unknown: make(randomUUID()) });

const M = thisMonth();
const documents = [{ title: '审批表' }];
const PROFILE_DRAFT = { body: {}, effectiveFrom: '2099-01' };
const csv = { field: 'file', name: '比对.csv', type: 'text/csv', bytes: 'idNumber,name,month\n' };
const pdf = { field: 'file', name: '佐证.pdf', type: 'application/pdf', bytes: '%PDF-1.4\n' };
const workbook = { field: 'file', name: '导入.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: 'PK' };

export const ROUTE_TABLE: Record<string, Entry> = {
  'GET /health': { exempt: 'the health probe: public by design, tells no household or place' },
  'POST /auth/login': { exempt: 'public by design: test/api/login.test.ts (throttling, lockout)' },
  'POST /auth/logout': { exempt: 'ends the caller’s own session only (it would end the matrix’s): test/e2e/session.test.ts' },
  'POST /auth/logout-all': { exempt: 'ends the caller’s own sessions only: test/e2e/session.test.ts' },
  'POST /auth/password': { exempt: 'changes the caller’s own password only: test/api/login.test.ts' },
  'GET /public/report-places/{code}': { exempt: 'public by design (the notice card’s code, no login): test/e2e/self-report.test.ts' },
  'POST /public/reports': { exempt: 'public by design (a household’s self-report, no login): test/e2e/self-report.test.ts' },
  'POST /public/reports/status': { exempt: 'public by design (receipt number and phone): test/e2e/self-report.test.ts' },

  'GET /auth/me': { roles: ALL, at: plain('/auth/me') },
  'POST /households': { roles: CADRES, at: byPlace((p) => ({ url: '/households', body: { villageId: p.village, address: '矩阵新户一号', headName: '矩阵新户', category: 'marginal' } })), unknownAnswers: { statuses: [400], reason: 'a place that does not exist is bad input, in words (行政区划 … 不存在)' } },
  'GET /households': { roles: ALL, at: byPlace((p) => ({ url: `/households?townId=${p.town}` })), filtersOutside: true },
  'GET /due-items': { roles: ALL, at: byPlace((p) => ({ url: `/due-items?townId=${p.town}` })), filtersOutside: true },
  'GET /notifications': { roles: ALL, at: plain('/notifications') },
  'POST /notifications/{id}/read': { roles: ALL, at: byRecord((s) => s.notificationId, (id) => ({ url: `/notifications/${id}/read` })) },
  'POST /notifications/read-all': { roles: ALL, at: plain('/notifications/read-all') },
  'POST /county-items/{kind}/{periodKey}/complete': { roles: ['county_bureau', 'department'], at: plain(`/county-items/department_data_comparison/${M}/complete`, { summary: '已完成' }) },
  'POST /screenings': { roles: ['county_bureau', 'leadership_group', 'town_officer'], at: byPlace((p) => ({ url: '/screenings', body: { areaId: p.town, reason: '暴雨后排查', dueDays: 5 } })), unknownAnswers: { statuses: [400], reason: 'a place that does not exist is bad input, in words (行政区划 … 不存在)' } },
  'GET /screenings/{screeningId}': { roles: ALL, at: unknownOnly((id) => ({ url: `/screenings/${id}` })) },
  'GET /towns/{townId}/reports/{period}': { roles: TOWN_READERS, at: byPlace((p) => ({ url: `/towns/${p.town}/reports/${M}` })), readInside: 404 },
  'POST /towns/{townId}/reports/{period}/submit': { roles: ['town_officer'], at: byPlace((p) => ({ url: `/towns/${p.town}/reports/${M}/submit`, body: {} })) },
  'POST /towns/{townId}/reports/{period}/draft': { roles: ['town_officer'], at: byPlace((p) => ({ url: `/towns/${p.town}/reports/${M}/draft` })) },
  'POST /towns/{townId}/items/{kind}/{periodKey}/complete': { roles: ['town_officer'], at: byPlace((p) => ({ url: `/towns/${p.town}/items/town_quarterly_screening/2026-Q4/complete`, body: { summary: '已排查' } })) },
  'GET /tasks': { roles: ALL, at: byPlace((p) => ({ url: `/tasks?townId=${p.town}` })), filtersOutside: true },
  'GET /tasks/overdue': { roles: COUNTY_READERS, at: byPlace((p) => ({ url: `/tasks/overdue?townId=${p.town}` })), filtersOutside: true },
  'POST /tasks/{key}/accept': { roles: DEPARTMENT, at: byRecord((s) => s.taskKey, (key) => ({ url: `/tasks/${key}/accept` })) },
  'POST /tasks/{key}/progress': { roles: DEPARTMENT, at: byRecord((s) => s.taskKey, (key) => ({ url: `/tasks/${key}/progress`, body: { text: '正在办理' } })) },
  'POST /tasks/{key}/complete': { roles: DEPARTMENT, at: byRecord((s) => s.taskKey, (key) => ({ url: `/tasks/${key}/complete`, body: { whatWasDone: '已办结', date: today(), documents } })) },
  'POST /tasks/{key}/hand-back': { roles: DEPARTMENT, at: byRecord((s) => s.taskKey, (key) => ({ url: `/tasks/${key}/hand-back`, body: { reason: 'other', text: '不属本部门' } })) },
  'POST /tasks/{key}/documents': { roles: DEPARTMENT, at: byRecord((s) => s.taskKey, (key) => ({ url: `/tasks/${key}/documents`, file: pdf })) },
  'POST /tasks/bulk-accept': { roles: DEPARTMENT, at: byRecord((s) => s.taskKey, (key) => ({ url: '/tasks/bulk-accept', body: { keys: [key] } })), refusesEachKey: true },
  'GET /task-views': { roles: ALL, at: plain('/task-views') },
  'POST /task-views': { roles: ALL, at: plain('/task-views', { name: '矩阵视图', filters: {} }) },
  'DELETE /task-views/{id}': { roles: ALL, at: unknownOnly((id) => ({ url: `/task-views/${id}` })) },
  'GET /policy/profile': { roles: ALL, at: plain(`/policy/profile?period=${M}`), readInsideByRole: { answers: { regional_viewer: 404, system_admin: 404 }, reason: 'a province or city viewer and the system administrator have no county: no county’s profile or place below theirs' } },
  'GET /jurisdictions/{id}': { roles: ALL, at: byPlace((p) => ({ url: `/jurisdictions/${p.county}` })), readInsideByRole: { answers: { regional_viewer: 404, system_admin: 404 }, reason: 'a province or city viewer and the system administrator have no county: no county’s profile or place below theirs' } },
  'GET /supervision/overdue': { roles: COUNTY_READERS, at: plain('/supervision/overdue') },
  'GET /supervision/overdue/trend': { roles: COUNTY_READERS, at: plain('/supervision/overdue/trend') },
  'GET /dashboard': { roles: COUNTY_READERS, at: plain('/dashboard') },
  'GET /self-reports': { roles: MONTHLY, at: plain('/self-reports') },
  'POST /self-reports/{id}/visit': { roles: MONTHLY, at: unknownOnly((id) => ({ url: `/self-reports/${id}/visit`, body: { visitNote: '已入户核实' } })) },
  'GET /notice-cards': { roles: CADRES, at: plain('/notice-cards') },
  'GET /imports/template': { roles: CADRES, at: plain('/imports/template') },
  'POST /imports': { roles: CADRES, at: () => ({ inside: { url: '/imports', file: workbook } }) },
  'GET /imports': { roles: CADRES, at: plain('/imports') },
  'GET /imports/{id}': { roles: CADRES, at: unknownOnly((id) => ({ url: `/imports/${id}` })) },
  'GET /imports/{id}/errors': { roles: CADRES, at: unknownOnly((id) => ({ url: `/imports/${id}/errors` })) },
  'GET /exports/roster': { roles: EXPORTERS, at: byPlace((p) => ({ url: `/exports/roster?jurisdictionId=${p.village}` })) },
  'GET /exports/analysis': { roles: EXPORTERS, at: byPlace((p) => ({ url: `/exports/analysis?jurisdictionId=${p.village}` })) },
  'GET /exports/income-ledger': { roles: EXPORTERS, at: byPlace((p) => ({ url: `/exports/income-ledger?jurisdictionId=${p.village}` })) },
  'GET /exports/measures': { roles: EXPORTERS, at: byPlace((p) => ({ url: `/exports/measures?jurisdictionId=${p.village}` })) },
  'GET /exports/employment-ledger': { roles: EXPORTERS, at: byPlace((p) => ({ url: `/exports/employment-ledger?jurisdictionId=${p.village}` })) },
  'GET /exports/items': { roles: ALL, at: plain('/exports/items') },
  'GET /exports/towns/{townId}/reports/{period}': { roles: TOWN_READERS, at: byPlace((p) => ({ url: `/exports/towns/${p.town}/reports/${M}` })), readInside: 404 },
  'GET /campaigns/options': { roles: CAMPAIGN_DEFINERS, at: plain('/campaigns/options') },
  'POST /campaigns/preview': { roles: CAMPAIGN_DEFINERS, at: byPlace((p) => ({ url: '/campaigns/preview', body: { areaId: p.town, criteria: {} } })), unknownAnswers: { statuses: [400], reason: 'a place that does not exist is bad input, in words (行政区划 … 不存在)' } },
  'POST /campaigns': {
    roles: CAMPAIGN_DEFINERS,
    at: byPlace((p) => ({ url: '/campaigns', body: { areaId: p.town, name: '矩阵督查', reason: '专项督查', criteria: {}, checklist: ['visit'], responsible: 'village', dueWorkingDays: 10 } })), unknownAnswers: { statuses: [400], reason: 'a place that does not exist is bad input, in words (行政区划 … 不存在)' } },
  'GET /campaigns': { roles: CAMPAIGN_VIEWERS, at: plain('/campaigns') },
  'GET /campaigns/{campaignId}': { roles: CAMPAIGN_VIEWERS, at: unknownOnly((id) => ({ url: `/campaigns/${id}` })) },
  'GET /campaigns/{campaignId}/checks': { roles: CAMPAIGN_VIEWERS, at: unknownOnly((id) => ({ url: `/campaigns/${id}/checks` })) },
  'GET /campaigns/{campaignId}/checks/{householdId}': { roles: CAMPAIGN_VIEWERS, at: unknownOnly((id) => ({ url: `/campaigns/${id}/checks/${randomUUID()}` })) },
  'POST /campaigns/{campaignId}/checks/{householdId}': { roles: CAMPAIGN_CHECKERS, at: unknownOnly((id) => ({ url: `/campaigns/${id}/checks/${randomUUID()}`, body: { checked: ['visit'], problems: [] } })) },
  'POST /campaigns/{campaignId}/problems/{problemId}/rectify': { roles: CAMPAIGN_CHECKERS, at: unknownOnly((id) => ({ url: `/campaigns/${id}/problems/${randomUUID()}/rectify`, body: { whatWasDone: '已整改', date: today(), documents } })) },
  'POST /campaigns/{campaignId}/notice': { roles: CAMPAIGN_DEFINERS, at: unknownOnly((id) => ({ url: `/campaigns/${id}/notice` })) },
  'GET /campaigns/{campaignId}/notice': { roles: CAMPAIGN_VIEWERS, at: unknownOnly((id) => ({ url: `/campaigns/${id}/notice` })) },
  'GET /campaigns/{campaignId}/notice.xlsx': { roles: CAMPAIGN_VIEWERS, at: unknownOnly((id) => ({ url: `/campaigns/${id}/notice.xlsx` })) },
  'GET /policy/versions': { roles: BUREAU, at: plain('/policy/versions') },
  'POST /policy/versions': { roles: BUREAU, at: plain('/policy/versions', PROFILE_DRAFT) },
  'GET /policy/shipped/{shippedId}': { roles: BUREAU, at: () => ({ inside: { url: '/policy/shipped/national-2026' }, unknown: { url: '/policy/shipped/no-such-profile' } }) },
  'POST /policy/versions/check': { roles: BUREAU, at: plain('/policy/versions/check', PROFILE_DRAFT) },
  'POST /policy/versions/what-if': { roles: BUREAU, at: plain('/policy/versions/what-if', PROFILE_DRAFT) },
  'GET /calendar': { roles: ALL, at: plain('/calendar') },
  'POST /calendar/years': { roles: BUREAU, at: plain('/calendar/years', { year: 2099, notice: '国务院办公厅关于2099年部分节假日安排的通知' }) },
  'POST /calendar/days': { roles: BUREAU, at: plain('/calendar/days', { day: '2099-10-01', kind: 'rest', name: '国庆节' }) },
  'GET /places/tree': { roles: ALL, at: plain('/places/tree'), outsideAllowed: { roles: ['regional_viewer', 'system_admin'], reason: `${REGION_HOLDS_BOTH}; the system administrator, above every county, reads every county’s places (no household)` } },
  'POST /admin/places': { roles: BUREAU, at: byPlace((p) => ({ url: '/admin/places', body: { parentId: p.town, level: 'village', divisionCode: `${p.town}299`, placeName: '矩阵新村' } })), unknownAnswers: { statuses: [400], reason: 'a place that does not exist is bad input, in words (行政区划 … 不存在)' } },
  'POST /admin/places/{id}/rename': { roles: BUREAU, at: byPlace((p) => ({ url: `/admin/places/${p.village}/rename`, body: { placeName: '矩阵改名村' } })) },
  'POST /admin/places/{id}/retire': { roles: BUREAU, at: byPlace((p) => ({ url: `/admin/places/${p.village}/retire` })) },
  'GET /admin/profile-templates': { roles: ADMIN, at: plain('/admin/profile-templates') },
  'GET /admin/counties': { roles: ADMIN, at: plain('/admin/counties'), outsideAllowed: { roles: ADMIN, reason: 'the system administrator creates and lists every county' } },
  'POST /admin/counties': {
    roles: ADMIN,
    at: plain('/admin/counties', { divisionCode: '990103000000', countyName: '矩阵县', cityName: '示范市', provinceName: '示范省', bureauUsername: 'matrix.newcounty', bureauDisplayName: '矩阵县乡村振兴局', bureauPassword: 'Matrix-2026-pass' }),
  },
  'GET /admin/users': { roles: BUREAU, at: plain('/admin/users') },
  'POST /admin/users': {
    roles: ['county_bureau', 'system_admin'],
    at: byPlace((p) => ({ url: '/admin/users', body: { username: `matrix.new${p.county}`, displayName: '矩阵新用户', role: 'village_cadre', jurisdictionId: p.village, password: 'Matrix-2026-pass' } })),
    outsideAllowed: { roles: ADMIN, reason: 'the system administrator manages the accounts of every county' }, unknownAnswers: { statuses: [400], reason: 'a place that does not exist is bad input, in words (行政区划 … 不存在)' } },
  'POST /admin/users/{id}/deactivate': { roles: ['county_bureau', 'system_admin'], at: byRecord((s) => s.userId, (id) => ({ url: `/admin/users/${id}/deactivate` })), outsideAllowed: { roles: ADMIN, reason: 'the system administrator manages the accounts of every county' } },
  'POST /admin/users/{id}/activate': { roles: ['county_bureau', 'system_admin'], at: byRecord((s) => s.userId, (id) => ({ url: `/admin/users/${id}/activate` })), outsideAllowed: { roles: ADMIN, reason: 'the system administrator manages the accounts of every county' } },
  'POST /admin/users/{id}/password': { roles: ['county_bureau', 'system_admin'], at: byRecord((s) => s.userId, (id) => ({ url: `/admin/users/${id}/password`, body: { password: 'Matrix-2026-reset' } })), outsideAllowed: { roles: ADMIN, reason: 'the system administrator manages the accounts of every county' } },
  'GET /admin/changes': { roles: BUREAU, at: plain('/admin/changes') },
  'GET /admin/departments': { roles: BUREAU, at: plain('/admin/departments') },
  'POST /admin/departments': { roles: BUREAU, at: plain('/admin/departments', { departmentCode: 'matrix_dept', departmentName: '矩阵局' }) },
  'PUT /admin/departments/{id}/webhook': { roles: BUREAU, at: byRecord((s) => s.departmentId, (id) => ({ url: `/admin/departments/${id}/webhook`, body: { url: 'https://example.org/hook', secret: 'matrix-secret-0123456789' } })) },
  'POST /admin/departments/{id}/webhook/disable': { roles: BUREAU, at: byRecord((s) => s.departmentId, (id) => ({ url: `/admin/departments/${id}/webhook/disable` })) },
  'POST /admin/departments/{id}/webhook/test': { roles: BUREAU, at: byRecord((s) => s.departmentId, (id) => ({ url: `/admin/departments/${id}/webhook/test` })) },
  'PUT /admin/departments/{id}/name': { roles: BUREAU, at: byRecord((s) => s.departmentId, (id) => ({ url: `/admin/departments/${id}/name`, body: { departmentName: '矩阵改名局' } })) },
  'POST /admin/departments/{id}/retire': { roles: BUREAU, at: byRecord((s) => s.departmentId, (id) => ({ url: `/admin/departments/${id}/retire` })) },
  'GET /region': { roles: ['regional_viewer'], at: plain('/region'), outsideAllowed: { roles: ['regional_viewer'], reason: REGION_HOLDS_BOTH } },
  'GET /assessment': { roles: COUNTY_READERS, at: plain('/assessment') },
  'GET /assessment.xlsx': { roles: COUNTY_READERS, at: plain('/assessment.xlsx') },
  'GET /risk-colours': { roles: COUNTY_READERS, at: plain('/risk-colours') },
  'GET /comparison/feeds/{month}': { roles: COMPARISON_VIEWERS, at: plain(`/comparison/feeds/${M}`) },
  'POST /comparison/feeds/{feedId}/{month}': { roles: FEED_UPLOADERS, at: () => ({ inside: { url: `/comparison/feeds/mz_dibao/${M}`, file: csv } }) },
  'POST /comparison/feeds/{feedId}/{month}/rows': { roles: FEED_UPLOADERS, at: plain(`/comparison/feeds/mz_dibao/${M}/rows`, { rows: [{ idNumber: '11010519491231002X', name: '矩阵', month: M }] }) },
  'GET /comparison/{month}': { roles: COMPARISON_VIEWERS, at: plain(`/comparison/${M}`) },
  'GET /comparison/{month}/export': { roles: COMPARISON_VIEWERS, at: plain(`/comparison/${M}/export`) },
  'POST /comparison/{month}/close': { roles: BUREAU, at: plain(`/comparison/${M}/close`) },
  'POST /comparison/warnings/{id}/follow-up': { roles: CADRES, at: () => ({ unknown: { url: '/comparison/warnings/999999999/follow-up', body: { note: '已核实' } } }) },
  'GET /departments': { roles: ALL, at: plain('/departments') },
  'GET /review-queue': { roles: CADRES, at: plain('/review-queue') },
};

/**
 * Routes the OpenAPI document hides (their answers are bytes it cannot describe), by their own path:
 * the test checks that each is still registered. A new hidden route is not seen by the coverage check.
 */
export const HIDDEN_ROUTES: Record<string, Entry> = {
  'GET /metrics': { exempt: 'the operators’ Prometheus scrape at the root, aggregate figures only (no household, no name): test/e2e/metrics.test.ts' },
  'GET /documents/{id}': { roles: ALL, at: unknownOnly((id) => ({ url: `/documents/${id}` })) },
};
