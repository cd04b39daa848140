import { z } from 'zod';
import { clockName, isCaseScope } from '../../domain/identification/clocks.js';
import { ELIMINATION_STEP_NAMES } from '../../domain/identification/elimination.js';
import { IDENTIFICATION_STEPS, MONITORING_CATEGORIES, RISK_CAUSES } from '../../domain/identification/steps.js';
import { fenToYuan } from '../../domain/income/money.js';
import { identificationMessages } from '../../domain/messages/catalogue.js';
import { DISCOVERY_CHANNELS, type HouseholdView } from '../../workflows/household/definitions.js';
import { evidence, incomeLine, iso, spendingLine, text, threats, yuan } from './common.js';
import { householdFacts } from './facts.js';

/** What an identification or elimination update answers: the case, its status and the step it is at. */
export const caseResult = z.object({
  caseNo: z.number(),
  status: z.enum(['in_progress', 'approved', 'rejected']),
  current: z.enum(IDENTIFICATION_STEPS).nullable(),
  merged: z.boolean().optional(),
});

export const objectionBody = z.object({ objector: text(100), content: text(5000) });

export const discoveryBody = z.object({ channel: z.enum(DISCOVERY_CHANNELS), reason: text(2000, identificationMessages.reasonRequired) });

export const memberCount = z.number().int().min(1).max(50);

export const applicationBody = z.object({
  statement: text(5000, identificationMessages.statementRequired),
  riskCauses: z.array(z.enum(RISK_CAUSES)).min(1, identificationMessages.riskCausesRequired),
  survey: z.object({
    memberCount,
    income: z.array(incomeLine).max(120),
    spending: z.array(spendingLine).max(120),
    lastYearIncomePerCapita: yuan.optional(),
    threats: threats.optional(),
  }),
  evidence: evidence.default([]),
  facts: householdFacts.optional(),
});

export const stepDecisionBody = z.object({
  step: z.enum(['village_review', 'department_comparison', 'town_audit', 'county_decision']),
  decision: z.enum(['approve', 'reject', 'return']),
  opinion: text(5000, identificationMessages.opinionRequired),
  participants: z.array(text(100)).max(50).optional(),
  evidence: evidence.optional(),
  category: z.enum(MONITORING_CATEGORIES).optional(),
  riskCauses: z.array(z.enum(RISK_CAUSES)).optional(),
});

const clockView = z.object({
  name: z.string(),
  step: z.string().nullable(),
  workingDays: z.number(),
  startedAt: z.string(),
  deadline: z.string().nullable(),
  doneAt: z.string().nullable(),
  overdue: z.boolean(),
});

const assessmentView = z.object({
  profileId: z.string().nullable(),
  profileVersion: z.number().nullable(),
  period: z.string(),
  conclusion: z.enum(['eligible', 'not_eligible', 'undetermined']),
  perCapitaYuan: z.number().nullable(),
  monitoringLine: z.number().nullable(),
  warningLine: z.number().nullable(),
  explanation: z.array(z.string()),
});

export const identificationView = z.object({
  stage: z.string(),
  category: z.string().nullable(),
  riskCauses: z.array(z.string()),
  case: z
    .object({
      caseNo: z.number(),
      channels: z.array(z.string()),
      status: z.string(),
      current: z.string().nullable(),
      steps: z.array(z.string()),
      policy: z.object({ profileId: z.string(), profileVersion: z.number(), publicNoticeDays: z.number().nullable() }),
      noticeEndsAt: z.string().nullable(),
      lastReturnReason: z.string().nullable(),
      /** Working-day clocks on the steps and the whole case (DOMAIN.md §9), as far as the profile has them. */
      clocks: z.array(clockView),
      assessment: assessmentView.nullable(),
    })
    .nullable(),
});

type Clock = NonNullable<HouseholdView['clocks']>[number];
type Assessment = NonNullable<NonNullable<HouseholdView['currentCase']>['assessment']>;

const toClockView = (k: Clock): z.infer<typeof clockView> => ({
  name: k.procedure === 'elimination' ? clockName(k, ELIMINATION_STEP_NAMES) : clockName(k),
  step: isCaseScope(k.scope) ? null : k.scope,
  workingDays: k.workingDays,
  startedAt: iso(k.startedAt),
  deadline: k.dueAt === null ? null : iso(k.dueAt),
  doneAt: k.doneAt === null ? null : iso(k.doneAt),
  overdue: k.overdue,
});

const toAssessmentView = (a: Assessment): z.infer<typeof assessmentView> => ({
  profileId: a.profileId,
  profileVersion: a.profileVersion,
  period: a.period,
  conclusion: a.conclusion,
  perCapitaYuan: a.perCapitaFen === null ? null : fenToYuan(a.perCapitaFen),
  monitoringLine: a.monitoringLine,
  warningLine: a.warningLine,
  explanation: [...a.explanation],
});

type CaseView = NonNullable<z.infer<typeof identificationView>['case']>;

/** One review case (identification or elimination) with its procedure's clocks, as the console shows it. */
export function toCaseView(state: HouseholdView, c: NonNullable<HouseholdView['currentCase']>, procedure: Clock['procedure']): CaseView {
  return {
    caseNo: c.caseNo,
    channels: [...c.channels],
    status: c.progress.status,
    current: c.progress.current,
    steps: [...c.progress.steps],
    policy: { profileId: c.policy.profileId, profileVersion: c.policy.profileVersion, publicNoticeDays: c.policy.publicNoticeDays },
    noticeEndsAt: c.noticeEndsAt === null ? null : iso(c.noticeEndsAt),
    lastReturnReason: c.lastReturnReason,
    clocks: (state.clocks ?? []).filter((k) => k.procedure === procedure && k.caseNo === c.caseNo).map(toClockView),
    assessment: c.assessment ? toAssessmentView(c.assessment) : null,
  };
}

/** The household's stage and identification case, from the workflow's state. */
export function toIdentificationView(state: HouseholdView): z.infer<typeof identificationView> {
  const c = state.currentCase;
  return {
    stage: state.stage,
    category: state.category,
    riskCauses: [...state.riskCauses],
    case: c ? toCaseView(state, c, 'identification') : null,
  };
}
