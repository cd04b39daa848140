/**
 * A household's forms of Mile's 附件 [001]: the application 附件1 脱贫监测户申请书
 * or 附件2 边缘户申请书 with the review opinions, the household survey 附件3-1
 * 返贫致贫风险户调查表, and its 附件4 帮扶措施表 — each from the household's file
 * (the latest application and the decisions of its case, the survey it carried,
 * the tasks of its plans), small enough to be written in memory.
 */
import ExcelJS from 'exceljs';
import { formatLocalDate, toLocalDate } from '../../domain/calendar/dates.js';
import { exportMessages } from '../../domain/exports/messages.js';
import { ledgerMessages } from '../../domain/exports/ledgers.js';
import { DECISION_NAMES, STEP_NAMES, type Decision, type IdentificationStep } from '../../domain/identification/steps.js';
import { threatNames } from '../../domain/messages/catalogue.js';
import { LABOUR_ABILITY_NAMES } from '../../domain/messages/fields.js';
import { relationNames } from '../../domain/measures/task-messages.js';
import { maskIdNumber } from '../../domain/people/id-number.js';
import type { AssessmentSummary } from '../../domain/monitoring/risk-signal.js';
import type { TaskRow } from '../../db/repositories/export-ledgers.js';
import type { HouseholdFileData } from './household-file.js';
import { causesOf, taskCells } from './ledgers.js';
import { ledgerSheet, THIN_BORDER } from './sheets.js';

const day = (d: Date) => formatLocalDate(toLocalDate(d.getTime()));
const APPLIED = ['identification.application_submitted', 'identification.application_resubmitted'];
const DECIDED = ['identification.step_approved', 'identification.returned', 'identification.rejected', 'identification.approved'];

type FileEvent = HouseholdFileData['events'][number];
interface Application {
  readonly event: FileEvent;
  readonly caseNo: number;
  readonly statement: string;
  readonly riskCauses: unknown;
  readonly survey: { memberCount?: number; income?: { period: string; yuan: number }[]; spending?: { period: string; yuan: number; rigid?: boolean }[]; lastYearIncomePerCapita?: number; threats?: Record<string, boolean> };
  readonly evidence: { title: string; reference?: string }[];
  readonly submission: number;
}

/** The household's latest application, or undefined when it has none. */
function latestApplication(events: HouseholdFileData['events']): Application | undefined {
  const event = events.filter((e) => APPLIED.includes(e.kind)).at(-1);
  if (!event) return undefined;
  const p = event.payload as Record<string, unknown>;
  return { event, caseNo: Number(p.caseNo), statement: String(p.statement ?? ''), riskCauses: p.riskCauses, survey: (p.survey ?? {}) as Application['survey'], evidence: (p.evidence ?? []) as Application['evidence'], submission: Number(p.submission ?? 1) };
}

/** A two-column form (项目 / 内容) with its title. */
function form(workbook: ExcelJS.Workbook, sheet: string, title: string, exportedAt: string, headings: readonly string[], rows: ReadonlyArray<readonly [string, ExcelJS.CellValue]>): ExcelJS.Worksheet {
  const ws = ledgerSheet(workbook, sheet, title, exportMessages.exportedAt(exportedAt), headings, [24, 60], false);
  for (const [label, value] of rows) {
    const row = ws.addRow([label, value]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.eachCell((cell) => (cell.border = THIN_BORDER));
  }
  return ws;
}

const basics = (data: HouseholdFileData, l: typeof ledgerMessages.application) => {
  const head = data.members.find((m) => m.relation === 'head');
  return [
    [l.applicant, data.household.head_name],
    [l.idNumber, head ? maskIdNumber(head.id_number) : ''],
    [l.town, data.townName],
    [l.village, data.villageName],
    [l.address, data.household.address],
  ] as Array<[string, ExcelJS.CellValue]>;
};

/** 附件1 脱贫监测户申请书, or 附件2 边缘户申请书 for a marginal household: the application and each step's opinion. */
export async function applicationWorkbook(data: HouseholdFileData): Promise<{ marginal: boolean; buffer: Buffer }> {
  const l = ledgerMessages.application;
  const marginal = data.household.category === 'marginal' || data.household.category === 'sudden_hardship';
  const app = latestApplication(data.events);
  const rows = basics(data, l);
  rows.push(
    [l.members, app?.survey.memberCount ?? data.members.length],
    [l.causes, app ? causesOf(app.riskCauses) : ''],
    [l.statement, app?.statement ?? ''],
    [l.lastYear, app?.survey.lastYearIncomePerCapita ?? ''],
    [l.evidence, app ? app.evidence.map((e) => (e.reference ? `${e.title}（${e.reference}）` : e.title)).join('；') : ''],
    [l.appliedOn, app ? day(app.event.occurred_at) : ''],
    [l.recordedBy, app?.event.actor_name ?? ''],
  );
  const decisions = app ? data.events.filter((e) => DECIDED.includes(e.kind) && Number((e.payload as { caseNo?: unknown }).caseNo) === app.caseNo && e.occurred_at >= app.event.occurred_at) : [];
  const latestOf = new Map<string, FileEvent>();
  for (const e of decisions) latestOf.set(String((e.payload as { step?: unknown }).step), e);
  for (const step of ['village_review', 'town_audit', 'county_decision'] as const) {
    const e = latestOf.get(step);
    const p = (e?.payload ?? {}) as { decision?: Decision; opinion?: string; participants?: string[] };
    rows.push([l.opinion(STEP_NAMES[step as IdentificationStep]), e ? l.opinionText(DECISION_NAMES[p.decision!] ?? String(p.decision), p.opinion ?? '', e.actor_name ?? '', day(e.occurred_at)) : l.pending]);
    if (step === 'village_review' && p.participants?.length) rows.push([l.participants, p.participants.join('、')]);
  }
  const workbook = new ExcelJS.Workbook();
  form(workbook, l.sheet, l.title(marginal), data.exportedAt, l.headings, rows);
  return { marginal, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** 附件3-1 返贫致贫风险户调查表: what the home investigation found, the survey's income and spending, the members. */
export async function surveyWorkbook(data: HouseholdFileData): Promise<Buffer> {
  const s = ledgerMessages.survey;
  const a = ledgerMessages.application;
  const app = latestApplication(data.events);
  const survey = app?.survey ?? {};
  const sum = (lines: ReadonlyArray<{ yuan: number }>) => Math.round(lines.reduce((t, line) => t + line.yuan, 0) * 100) / 100;
  const facts = app
    ? data.events.filter((e) => e.kind === 'facts.recorded' && (e.payload as { sourceKey?: unknown }).sourceKey === `application:${app.caseNo}:${app.submission}`).at(-1)
    : data.events.filter((e) => e.kind === 'facts.recorded').at(-1);
  const months = [...new Set([...(survey.income ?? []), ...(survey.spending ?? [])].map((line) => line.period))].sort();
  const rows = basics(data, a);
  rows.push(
    [a.members, survey.memberCount ?? data.members.length],
    [a.causes, app ? causesOf(app.riskCauses) : ''],
    ...Object.entries(threatNames).map(([key, name]): [string, ExcelJS.CellValue] => [s.threats(name), survey.threats?.[key] === true ? s.threatened : survey.threats?.[key] === false ? s.secure : s.unknown]),
    [s.months, months.length > 0 ? `${months[0]} — ${months.at(-1)}` : ''],
    [s.incomeTotal, app ? sum(survey.income ?? []) : ''],
    [s.spendingTotal, app ? sum(survey.spending ?? []) : ''],
    [s.rigidTotal, app ? sum((survey.spending ?? []).filter((line) => line.rigid)) : ''],
    [a.lastYear, survey.lastYearIncomePerCapita ?? ''],
    [s.facts, String((facts?.payload as { summary?: unknown } | undefined)?.summary ?? '')],
    [a.statement, app?.statement ?? ''],
    [s.surveyor, app?.event.actor_name ?? ''],
    [s.surveyedOn, app ? day(app.event.occurred_at) : ''],
  );
  const workbook = new ExcelJS.Workbook();
  form(workbook, s.sheet, s.title(data.household.head_name), data.exportedAt, s.headings, rows);
  const f = exportMessages.householdFile;
  const members = ledgerSheet(workbook, s.membersSheet, s.membersSheet, exportMessages.exportedAt(data.exportedAt), f.membersHeadings, [6, 10, 22, 10, 12, 12, 10, 12]);
  data.members.forEach((m, i) =>
    members
      .addRow([i + 1, m.name, maskIdNumber(m.id_number), relationNames[m.relation] ?? m.relation, LABOUR_ABILITY_NAMES[m.labour_ability as keyof typeof LABOUR_ABILITY_NAMES] ?? m.labour_ability, m.is_student ? f.yes : f.no, m.disability_grade ?? '', m.chronic_illness ? f.yes : f.no])
      .eachCell((cell) => (cell.border = THIN_BORDER)),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 附件4 致贫返贫风险户帮扶措施表 of one household: one row per task of its plans. */
export async function householdMeasuresWorkbook(headName: string, exportedAt: string, tasks: readonly TaskRow[]): Promise<Buffer> {
  const m = ledgerMessages.measures;
  const workbook = new ExcelJS.Workbook();
  const sheet = ledgerSheet(workbook, m.sheet, m.title(m.householdTitle(headName)), exportMessages.exportedAt(exportedAt), m.headings, [6, 18, 16, 8, 12, 12, 10, 12, 40]);
  tasks.forEach((k, i) => {
    const row = sheet.addRow([i + 1, ...taskCells(k)]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.eachCell((cell) => (cell.border = THIN_BORDER));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 附件5/6 动态监测分析研判表 of one household: a row per assessment of its file (identification and monthly), oldest first. */
export async function householdAnalysisWorkbook(data: HouseholdFileData): Promise<Buffer> {
  const a = ledgerMessages.analysis;
  const l = ledgerMessages.incomeLedger;
  const marginal = data.household.category === 'marginal' || data.household.category === 'sudden_hardship';
  const workbook = new ExcelJS.Workbook();
  const sheet = ledgerSheet(workbook, a.sheet(marginal), a.householdTitle(data.household.head_name, marginal), exportMessages.exportedAt(data.exportedAt), a.householdHeadings, [6, 12, 10, 8, 12, 10, 10, 16, 24, 60]);
  const assessed = data.events.filter((e) => e.kind === 'identification.assessed' || e.kind === 'monitoring.assessed');
  assessed.forEach((e, i) => {
    const s = (e.payload as { summary?: AssessmentSummary }).summary;
    if (!s) return;
    const focus = s.focus ? (Object.keys(l.focus) as (keyof typeof l.focus)[]).filter((f) => s.focus?.[f] === true).map((f) => l.focus[f]).join('、') : '';
    const row = sheet.addRow([
      i + 1,
      day(e.occurred_at),
      s.period,
      s.members,
      s.perCapitaFen === null ? '' : s.perCapitaFen / 100,
      s.monitoringLine ?? '',
      s.belowMonitoring === null ? '' : s.belowMonitoring ? l.yes : l.no,
      a.conclusions[s.conclusion] ?? s.conclusion,
      focus,
      s.explanation.join('\n'),
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.eachCell((cell) => (cell.border = THIN_BORDER));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
