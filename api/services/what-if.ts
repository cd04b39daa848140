import type { FastifyInstance } from 'fastify';
import type { Period } from '../../domain/calendar/dates.js';
import type { AssessmentInputs } from '../../domain/fidelity/summary.js';
import { whatIfBatch, whatIfResult, type CaseloadRow, type WhatIfHit, type WhatIfResult } from '../../domain/fidelity/what-if.js';
import type { AssessmentSummary } from '../../domain/monitoring/risk-signal.js';
import { policyMessages as m } from '../../domain/policy/messages.js';
import { checkDraft } from '../../domain/policy/draft.js';
import { parseProfile } from '../../domain/policy/parse.js';
import type { PolicyProfile } from '../../domain/policy/profile.js';
import { caseloadRepo } from '../../db/repositories/caseload.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';
import { asNextVersion } from './policy-versions.js';

type Db = FastifyInstance['db'];
/** Households read and run per batch: one statement each, keyset by id. */
export const WHAT_IF_BATCH = 5000;

/** The draft run in shadow over the county's whole caseload for `period`, beside the version in force then. */
export async function runWhatIf(db: Db, countyId: string, draft: PolicyProfile, current: PolicyProfile | null, period: Period): Promise<WhatIfResult> {
  const hits: WhatIfHit[] = [];
  let households = 0;
  let after: string | null = null;
  for (;;) {
    const rows = await caseloadRepo(db).latestAssessments(countyId, after, WHAT_IF_BATCH);
    if (rows.length === 0) break;
    households += rows.length;
    after = rows[rows.length - 1]!.household_id;
    const batch: CaseloadRow[] = rows.map((r) => ({
      householdId: r.household_id,
      headName: r.head_name,
      townId: r.town_id,
      category: r.category,
      stage: r.stage,
      summary: r.payload.summary as AssessmentSummary,
      inputs: r.payload.inputs as AssessmentInputs,
    }));
    hits.push(...whatIfBatch(batch, draft, current, period));
    if (rows.length < WHAT_IF_BATCH) break;
  }
  return whatIfResult(period, households, hits);
}

/** The county bureau's what-if of a draft body from its first month (POST /policy/versions/what-if). */
export async function whatIfOfDraft(app: FastifyInstance, user: LoggedInUser, draft: { body: Record<string, unknown>; effectiveFrom: Period }) {
  // The same checks as publishing, in the clerk's words.
  const { county, body } = await asNextVersion(app.db, user, draft);
  const parsed = checkDraft(body);
  if (!parsed.ok) throw new HttpError(400, m.checksFailedList(parsed.problems), 'INVALID_INPUT');
  const row = await policyProfilesRepo(app.db).inForceForCounty(county.countyId, draft.effectiveFrom);
  const current = row ? parseProfile(row.body) : undefined;
  return runWhatIf(app.db, county.countyId, parsed.profile, current?.ok ? current.profile : null, draft.effectiveFrom);
}
