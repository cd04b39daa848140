import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { createAssessmentActivities } from './assessment.js';
import { createCountyActivities } from './county.js';
import { createDeadlineActivities } from './deadlines.js';
import { createDigestActivities } from './digest.js';
import { createNotificationActivities } from './notifications.js';
import { createPolicyActivities } from './policy.js';
import { createRecordActivities } from './records.js';
import { createScreeningActivities } from './screening.js';
import { createTaskActivities } from './tasks.js';
import { createTownActivities } from './town.js';
import { refusingDataErrors } from './data-errors.js';
import { createFactActivities } from './facts.js';
import { createImportActivities } from './imports/job.js';
import { createImportStartActivities } from './imports/starts.js';
import { createCampaignActivities } from './campaign.js';
import { createMonthlyStepActivities } from './monthly-steps.js';
import type { Client } from '@temporalio/client';
import { createComparisonMonthActivities } from './comparison/month.js';

export interface ActivityDeps {
  readonly db: Kysely<Database>;
  /** The worker's Temporal client, for the activities that hand work to other workflows (the comparison's discoveries). */
  readonly client?: Client;
}

/** Every activity the worker registers; workflows import this type only. */
export function createActivities(deps: ActivityDeps) {
  return refusingDataErrors({
    ...createRecordActivities(deps),
    ...createScreeningActivities(deps),
    ...createPolicyActivities(deps),
    ...createAssessmentActivities(deps),
    ...createCountyActivities(deps),
    ...createDeadlineActivities(deps),
    ...createDigestActivities(deps),
    ...createNotificationActivities(deps),
    ...createTownActivities(deps),
    ...createTaskActivities(deps),
    ...createFactActivities(deps),
    ...createImportActivities(deps),
    ...createImportStartActivities(deps),
    ...createCampaignActivities(deps),
    ...createMonthlyStepActivities(deps),
    ...createComparisonMonthActivities(deps),
  });
}

export type Activities = ReturnType<typeof createActivities>;
