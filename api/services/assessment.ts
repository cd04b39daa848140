import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { addMonths, periodOf, startOfPeriod, type Period } from '../../domain/calendar/dates.js';
import { parseProfile } from '../../domain/policy/parse.js';
import { rankUnits, scoreUnit, type AssessmentPolicy, type Measured, type UnitFacts } from '../../domain/supervision/assessment.js';
import { ASSESSMENT_COMPONENT_NAMES, MISSING_SETTING_NAMES, assessmentMessages as m } from '../../domain/supervision/assessment-messages.js';
import { assessmentRepo, type AssessedUnit, type FactRow } from '../../db/repositories/assessment.js';
import { departmentsRepo } from '../../db/repositories/departments.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { HttpError } from '../errors.js';
import type { assessment } from '../schemas/assessment.js';

export type Assessment = z.infer<typeof assessment>;

const NONE: Measured = { due: 0, met: 0 };

/** The county's towns, or its departments that served since `from` (one retired later still has its months), in the county's order. */
async function unitsOf(app: FastifyInstance, countyId: string, by: AssessedUnit, from: Date): Promise<{ id: string; name: string }[]> {
  const rows = by === 'town' ? (await jurisdictionsRepo(app.db).children(countyId)).filter((j) => j.level === 'town') : await departmentsRepo(app.db).servedSince(countyId, from);
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

async function policyFor(app: FastifyInstance, countyId: string, month: Period): Promise<{ profile: string | null; policy: AssessmentPolicy | undefined }> {
  const row = await policyProfilesRepo(app.db).inForceForCounty(countyId, month);
  const parsed = row ? parseProfile(row.body) : undefined;
  return { profile: row ? `${row.county_name} v${row.version}` : null, policy: parsed?.ok ? parsed.profile.assessment : undefined };
}

/** Every unit's score of the month as known at `asOf` (at most the month's end), ranked. */
async function scoreMonth(app: FastifyInstance, countyId: string, by: AssessedUnit, month: Period, asOf: Date) {
  const repo = assessmentRepo(app.db);
  const from = new Date(startOfPeriod(month));
  const [units, { profile, policy }] = await Promise.all([unitsOf(app, countyId, by, from), policyFor(app, countyId, month)]);
  const days = policy?.warningActionDays;
  const [updates, tasks, warnings, rectifications] = await Promise.all([
    by === 'town' ? repo.monthlyUpdates(countyId, from, asOf) : Promise.resolve(undefined),
    repo.tasks(countyId, by, from, asOf),
    by === 'town' && days !== undefined ? repo.warnings(countyId, from, asOf, days) : Promise.resolve(undefined),
    repo.rectifications(countyId, by, from, asOf),
  ]);
  const of = (rows: readonly FactRow[] | undefined, id: string) => rows?.find((r) => r.id === id)?.measured ?? NONE;
  const scored = units.map((unit) => {
    const task = tasks.find((r) => r.id === unit.id);
    const facts: UnitFacts = {
      ...(by === 'town' ? { monthlyUpdates: of(updates, unit.id), warnings: of(warnings, unit.id) } : {}),
      tasks: task?.measured ?? NONE,
      rectifications: of(rectifications, unit.id),
      overdueDays: task?.overdueDays ?? 0,
    };
    return { unit, score: scoreUnit(facts, policy) };
  });
  return { profile, policy, ranked: rankUnits(scored) };
}

/**
 * The assessment 考核 of the county's towns or departments for a month (the
 * current one to date, or a past one complete), each with its breakdown and
 * its change on the month before.
 */
export async function assessmentOf(app: FastifyInstance, countyId: string, by: AssessedUnit, month: Period | undefined, now: Date): Promise<Assessment> {
  const current = periodOf(now.getTime());
  const assessed = month ?? current;
  if (startOfPeriod(assessed) > startOfPeriod(current)) throw new HttpError(400, m.futureMonth, 'VALIDATION_FAILED');
  const previousMonth = addMonths(assessed, -1);
  const asOf = new Date(Math.min(now.getTime(), startOfPeriod(addMonths(assessed, 1))));
  const [{ profile, policy, ranked }, previous] = await Promise.all([
    scoreMonth(app, countyId, by, assessed, asOf),
    scoreMonth(app, countyId, by, previousMonth, new Date(startOfPeriod(assessed))),
  ]);
  const before = new Map(previous.ranked.map((r) => [r.unit.id, r]));
  const missing = [...new Set(ranked.flatMap((r) => r.score.missing))];
  const names = missing.map((k) => MISSING_SETTING_NAMES[k]);
  return {
    by,
    month: assessed,
    previousMonth,
    asOf: asOf.toISOString(),
    policy: {
      profile,
      weights: { ...(policy?.weights ?? {}) },
      pointsPerOverdueDay: policy?.pointsPerOverdueDay ?? null,
      warningActionDays: policy?.warningActionDays ?? null,
      note: policy?.note ?? null,
      missing: names,
      missingMessage: names.length > 0 ? m.missing(names) : null,
    },
    rows: ranked.map(({ unit, score, rank }) => {
      const last = before.get(unit.id);
      const lastScore = last?.score.score ?? null;
      return {
        id: unit.id,
        name: unit.name,
        rank,
        score: score.score,
        change: score.score === null || lastScore === null ? null : Math.round((score.score - lastScore) * 10) / 10,
        previousRank: last?.rank ?? null,
        overdueDays: score.overdueDays,
        deducted: score.deducted,
        components: score.components.map((c) => ({ ...c, name: ASSESSMENT_COMPONENT_NAMES[c.component] })),
      };
    }),
  };
}
