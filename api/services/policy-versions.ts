import type { FastifyInstance } from 'fastify';
import { addMonths, periodOf, type Period } from '../../domain/calendar/dates.js';
import { policyProfiles } from '../../domain/policy/index.js';
import { checkDraft, effectiveMonthProblem } from '../../domain/policy/draft.js';
import { profileDiff } from '../../domain/policy/diff.js';
import { policyMessages as m } from '../../domain/policy/messages.js';
import { parseProfile } from '../../domain/policy/parse.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { policyVersionsRepo } from '../../db/repositories/policy-versions.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';

/** The app's database, or a transaction of it. */
type Db = FastifyInstance['db'];

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

export interface Draft {
  readonly body: Record<string, unknown>;
  readonly effectiveFrom: Period;
  readonly correctionReason?: string | undefined;
}

/** The user's county and the id of its profile; refuses when the county has none yet. */
export async function countyProfileOf(db: Db, user: LoggedInUser) {
  const lineage = await jurisdictionsRepo(db).lineage(user.jurisdictionId);
  const countyId = lineage.find((j) => j.level === 'county')?.id;
  const county = countyId ? await policyVersionsRepo(db).county(countyId) : undefined;
  if (!county) throw new HttpError(403, m.notInCounty, 'FORBIDDEN');
  if (!county.policy_profile_id) throw new HttpError(404, m.noProfile, 'NOT_FOUND');
  return { countyId: county.id, countyName: county.name, profileId: county.policy_profile_id };
}

export const currentPeriod = (): Period => periodOf(Date.now());

/** The county's versions and the shipped profiles a new version may start from. */
export async function versionsView(app: FastifyInstance, user: LoggedInUser) {
  const county = await countyProfileOf(app.db, user);
  const versions = await policyVersionsRepo(app.db).versionsOf(county.profileId);
  return {
    profileId: county.profileId,
    countyName: county.countyName,
    currentPeriod: currentPeriod(),
    versions: versions.map((v) => ({
      version: v.version,
      effectiveFrom: v.effective_from,
      publishedAt: v.created_at.toISOString(),
      published: v.published_by !== null,
      correctionReason: v.correction_reason,
    })),
    shipped: Object.values(policyProfiles).map((list) => {
      const latest = list.at(-1)!;
      return { id: latest.id, countyName: latest.countyName, version: latest.version, effectiveFrom: latest.effectiveFrom };
    }),
  };
}

/** The latest shipped version of a profile, as a draft's starting point. */
export function shippedProfile(shippedId: string) {
  // Own keys only: a name such as `constructor` is no shipped profile.
  const latest = Object.hasOwn(policyProfiles, shippedId) ? policyProfiles[shippedId]?.at(-1) : undefined;
  if (!latest) throw new HttpError(404, m.shippedNotFound, 'NOT_FOUND');
  return { id: latest.id, version: latest.version, countyName: latest.countyName, body: latest };
}

/** A draft as the county's next version: its number, and its body with the id, number, month and county the server sets. */
export async function asNextVersion(db: Db, user: LoggedInUser, draft: Pick<Draft, 'body' | 'effectiveFrom'>) {
  const county = await countyProfileOf(db, user);
  const versions = await policyVersionsRepo(db).versionsOf(county.profileId);
  const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
  return { county, versions, version, body: { ...draft.body, id: county.profileId, version, effectiveFrom: draft.effectiveFrom, countyName: county.countyName } };
}

/**
 * A draft checked as it would be published: the number it gets, the profile
 * checks, whether its month is allowed, and the changes against the version in
 * force in the month before it takes effect.
 */
export async function checkVersion(db: Db, user: LoggedInUser, draft: Draft) {
  const { county, versions, version, body } = await asNextVersion(db, user, draft);
  const checked = checkDraft(body);
  const monthProblem =
    effectiveMonthProblem(
      draft.effectiveFrom,
      currentPeriod(),
      versions.map((v) => ({ version: v.version, effectiveFrom: v.effective_from })),
      draft.correctionReason,
    ) ?? null;
  const before = await policyProfilesRepo(db).inForceForCounty(county.countyId, addMonths(draft.effectiveFrom, -1));
  const parsedBefore = before ? parseProfile(before.body) : undefined;
  const changes = checked.ok && parsedBefore?.ok ? profileDiff(parsedBefore.profile, checked.profile) : [];
  const problems = checked.ok ? (parsedBefore?.ok && changes.length === 0 ? [m.unchanged] : []) : [...checked.problems];
  return { county, version, body, effectiveFrom: draft.effectiveFrom, ok: problems.length === 0 && monthProblem === null, problems, monthProblem, changes };
}

/** Publishes a checked draft as the next version; refuses, writing nothing, what the checks refuse. */
export async function publishVersion(app: FastifyInstance, user: LoggedInUser, draft: Draft) {
  return app.db.transaction().execute(async (trx) => {
    const checked = await checkVersion(trx, user, draft);
    if (checked.monthProblem) throw new HttpError(400, checked.monthProblem, 'INVALID_INPUT');
    if (!checked.ok) throw new HttpError(400, m.checksFailedList(checked.problems), 'INVALID_INPUT');
    try {
      await policyVersionsRepo(trx).publish({
        id: checked.county.profileId,
        version: checked.version,
        effectiveFrom: checked.effectiveFrom,
        countyName: checked.county.countyName,
        body: checked.body,
        publishedBy: user.userId,
        correctionReason: draft.correctionReason?.trim() || null,
      });
    } catch (error) {
      // Another version was published for the same month (or number) meanwhile.
      if (isUniqueViolation(error)) throw new HttpError(409, m.publishedMeanwhile, 'CONFLICT');
      throw error;
    }
    return { version: checked.version, effectiveFrom: checked.effectiveFrom, message: m.published(checked.version, checked.effectiveFrom) };
  });
}
