/**
 * The assessment the workflow will make, previewed as the figures are typed:
 * the same function (domain/assessment/assess.ts) on the county's profile in
 * force. The server's assessment also counts income already on record.
 */
import { assessHousehold, type Assessment } from '../../../../domain/assessment/assess.js';
import type { IncomeKind, SpendingKind } from '../../../../domain/income/projection.js';
import type { Period } from '../../../../domain/calendar/dates.js';
import { ASSESSED_LABOUR } from '../../../../domain/people/labour.js';
import { parseProfile } from '../../../../domain/policy/parse.js';
import type { PolicyProfile } from '../../../../domain/policy/profile.js';
import type { Member } from '../../app/api-types.js';

const NO_THREATS = { food: false, clothing: false, compulsoryEducation: false, basicMedical: false, safeHousing: false, drinkingWater: false };

export interface SurveyLines {
  memberCount?: number | null;
  income?: ({ period?: Period; kind?: IncomeKind; yuan?: number | null } | undefined)[];
  spending?: ({ period?: Period; kind?: SpendingKind; yuan?: number | null; rigid?: boolean } | undefined)[];
  lastYearIncomePerCapita?: number | null;
  riskCauses?: string[];
}

/** The profile as the server reads it (the one parser), or undefined when it does not parse. */
export function asProfile(body: unknown): PolicyProfile | undefined {
  const parsed = parseProfile(body);
  return parsed.ok ? parsed.profile : undefined;
}

export function previewAssessment(profile: PolicyProfile, period: Period, members: readonly Member[], survey: SurveyLines): Assessment | undefined {
  const count = members.length > 0 ? members.length : (survey.memberCount ?? 0);
  if (!Number.isInteger(count) || count < 1) return undefined;
  const labour = members.length > 0 ? members.map((m) => ASSESSED_LABOUR[m.labourAbility]) : Array.from({ length: count }, () => 'full' as const);
  try {
    return assessHousehold({
      profile,
      period,
      members: { count, labour },
      incomeRecords: (survey.income ?? []).flatMap((l) => (l?.period && l.kind && typeof l.yuan === 'number' ? [{ period: l.period, kind: l.kind, yuan: l.yuan }] : [])),
      spendingRecords: (survey.spending ?? []).flatMap((l) =>
        l?.period && l.kind && typeof l.yuan === 'number' ? [{ period: l.period, kind: l.kind, yuan: l.yuan, rigid: l.rigid ?? true }] : [],
      ),
      ...(typeof survey.lastYearIncomePerCapita === 'number' ? { lastYearIncomePerCapita: survey.lastYearIncomePerCapita } : {}),
      threats: NO_THREATS,
      riskCauses: (survey.riskCauses ?? []) as never[],
    });
  } catch {
    return undefined;
  }
}
