/**
 * A monitoring object is given one of its county's own categories: Mile and
 * Xuwen have two (脱贫监测户 / 边缘户 [001], 脱贫不稳定人口 / 边缘易致贫人口 [002]),
 * so a category their document does not have is refused before the decision
 * reaches the household's workflow.
 */
import type { FastifyInstance } from 'fastify';
import { periodOf } from '../../domain/calendar/dates.js';
import type { MonitoringCategory } from '../../domain/identification/steps.js';
import { policyMessages } from '../../domain/policy/messages.js';
import { categoriesOf, hasCategory } from '../../domain/policy/origins.js';
import { parseProfile } from '../../domain/policy/parse.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { HttpError } from '../errors.js';

export async function refuseCategoryOutsideProfile(app: FastifyInstance, countyId: string, category: MonitoringCategory | undefined, now = Date.now()): Promise<void> {
  if (category === undefined) return;
  const row = await policyProfilesRepo(app.db).inForceForCounty(countyId, periodOf(now));
  const parsed = row ? parseProfile(row.body) : undefined;
  // Without a readable profile the workflow's own checks decide.
  if (!parsed?.ok || hasCategory(parsed.profile, category)) return;
  throw new HttpError(400, policyMessages.categoryNotInProfile(categoriesOf(parsed.profile).map((c) => c.name)), 'INVALID_INPUT');
}
