/**
 * A household's registration and its workflow, and the household as the
 * logged-in user may reach it (in their jurisdiction). Routes call these;
 * repositories do the SQL.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { FastifyInstance } from 'fastify';
import { covers, NO_PLACE, responsibleRefusal, type Actor } from '../../domain/access/roles.js';
import { departmentReach } from '../../domain/access/reach.js';
import { messages } from '../../domain/messages/catalogue.js';
import type { Household } from '../../db/database.js';
import { householdEventsRepo } from '../../db/repositories/household-events.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { householdRegistrationsRepo } from '../../db/repositories/household-registrations.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { usersRepo } from '../../db/repositories/users.js';
import { householdWorkflowId, type DiscoveryChannel, type HouseholdWorkflowInput } from '../../workflows/household/definitions.js';
import { HttpError } from '../errors.js';
import { actorOf, type LoggedInUser } from '../plugins/auth.js';
import type { RegisterHouseholdBody } from '../schemas/households.js';
import { applyUpdate, requestIdempotencyKey } from '../workflow-update.js';
import { startOnce } from './workflows.js';
import { errorSummary } from '../error-summary.js';

export const placeOf = (h: Household) => ({ countyId: h.county_id, townId: h.town_id, villageId: h.village_id, groupId: h.group_id });

/** The household file's first entry; the workflow writes it under the same key, so it is written once. */
const registrationKey = (householdId: string) => `${householdId}:registered`;

/** The household, when it exists and lies in the user's jurisdiction; 404 or 403 otherwise. */
export async function householdInScope(app: FastifyInstance, id: string, user: LoggedInUser): Promise<Household> {
  const household = await householdsRepo(app.db).findById(id);
  if (!household) throw new HttpError(404, messages.householdNotFound, 'NOT_FOUND');
  if (!covers(user, placeOf(household))) throw new HttpError(403, messages.outsideJurisdiction, 'FORBIDDEN');
  const department = departmentReach(user);
  if (department !== null && !(await householdsRepo(app.db).concernsDepartment(household.id, department))) {
    throw new HttpError(403, messages.notDepartmentsHousehold, 'FORBIDDEN');
  }
  return household;
}

const startHouseholdWorkflow = (app: FastifyInstance, household: Household, channel: DiscoveryChannel, openedBy: Actor, registeredAt?: number) => {
  const input: HouseholdWorkflowInput = {
    version: 1,
    householdId: household.id,
    place: placeOf(household),
    channel,
    openedBy,
    ...(registeredAt === undefined ? {} : { registeredAt }),
  };
  return startOnce(app, 'householdWorkflow', householdWorkflowId(household.id), input);
};

export type Registration = { readonly household: Household; readonly workflowStarted: boolean };

/**
 * Registers a household: its row and the file's first entry (who registered
 * it, by which channel) commit together, then its workflow starts under the
 * household's id. A start that fails after the commit leaves the household
 * saved and `workflowStarted` false: the workflow is started from that entry
 * by the next request that needs it (`onHouseholdWorkflow`).
 */
export async function registerHousehold(app: FastifyInstance, user: LoggedInUser, body: RegisterHouseholdBody): Promise<Registration> {
  const placeId = body.groupId ?? body.villageId;
  const lineage = await jurisdictionsRepo(app.db).lineage(placeId);
  if (lineage.length === 0) throw new HttpError(400, messages.jurisdictionNotFound(placeId), 'INVALID_INPUT');
  const byLevel = new Map(lineage.map((j) => [j.level, j.id]));
  const [countyId, townId, villageId] = [byLevel.get('county'), byLevel.get('town'), byLevel.get('village')];
  if (!countyId || !townId || villageId !== body.villageId) throw new HttpError(400, messages.placeMismatch, 'INVALID_INPUT');
  if (!covers(user, { countyId, townId, villageId, groupId: body.groupId ?? null })) throw new HttpError(403, messages.outsideJurisdiction, 'FORBIDDEN');

  // Resent with the same Idempotency-Key (the answer was lost: the API died, the network dropped), the first registration's household.
  const key = requestIdempotencyKey();
  const { household, earlier } = await app.db.transaction().execute(async (trx) => {
    if (key !== undefined) {
      await householdRegistrationsRepo(trx).lock(user.userId, key);
      const registered = await householdRegistrationsRepo(trx).householdOf(user.userId, key);
      const found = registered === undefined ? undefined : await householdsRepo(trx).findById(registered);
      if (found) return { household: found, earlier: true };
    }
    const row = await householdsRepo(trx).insert({
      county_id: countyId,
      town_id: townId,
      village_id: villageId,
      group_id: body.groupId ?? null,
      address: body.address,
      head_name: body.headName,
      category: body.category,
    });
    await householdEventsRepo(trx).append({
      householdId: row.id,
      eventKey: registrationKey(row.id),
      kind: 'household.registered',
      actorUserId: user.userId,
      occurredAt: row.created_at,
      payload: { channel: body.channel },
    });
    if (key !== undefined) await householdRegistrationsRepo(trx).record(user.userId, key, row.id);
    return { household: row, earlier: false };
  });
  try {
    // The earlier registration's workflow may not have started (the API died before it): started now from its registration, once.
    if (earlier) await resumeRegistration(app, household);
    else await startHouseholdWorkflow(app, household, body.channel, actorOf(user));
    return { household, workflowStarted: true };
  } catch (error) {
    app.log.error({ error: errorSummary(error), householdId: household.id }, 'household saved, its workflow did not start');
    return { household, workflowStarted: false };
  }
}

/**
 * Starts the workflow of a household whose start failed after it was saved,
 * from its registration entry: true when it started now, false when it was
 * already there, undefined when the household has no registration to start from.
 */
async function resumeRegistration(app: FastifyInstance, household: Household): Promise<boolean | undefined> {
  const registration = await householdEventsRepo(app.db).findRegistration(registrationKey(household.id));
  const opener = registration?.actor_user_id ? await usersRepo(app.db).findById(registration.actor_user_id) : undefined;
  if (!registration || !opener) return undefined;
  const channel = (registration.payload as { channel: DiscoveryChannel }).channel;
  const openedBy: Actor = { userId: opener.id, role: opener.role, jurisdictionId: opener.jurisdiction_id ?? NO_PLACE, departmentId: opener.department_id };
  const started = await startHouseholdWorkflow(app, household, channel, openedBy, household.created_at.getTime());
  if (started) app.log.warn({ householdId: household.id }, 'household workflow started late, from its registration');
  return started;
}

/** How long a new household's workflow is given to open its first items before the sweep looks at it. */
const SWEEP_GRACE_MS = 10 * 60 * 1000;

/**
 * The sweep when the API starts: households saved long enough ago that have
 * no item in the register are checked, and the workflow of each whose start
 * failed is started from its registration. Answers how many it looked at and started.
 */
export async function resumePendingRegistrations(app: FastifyInstance, now = Date.now(), batch = 500): Promise<{ checked: number; started: number }> {
  const pending = await householdsRepo(app.db).withoutRegisterItems(new Date(now - SWEEP_GRACE_MS), batch);
  let started = 0;
  for (const household of pending) if (await resumeRegistration(app, household)) started += 1;
  return { checked: pending.length, started };
}

/**
 * Runs `use` on the household's workflow. A household is never closed, so a
 * workflow not found means its start failed after the household was saved:
 * it is started now from the registration, and `use` runs once more.
 */
export async function onHouseholdWorkflow<T>(app: FastifyInstance, household: Household, use: (handle: WorkflowHandle) => Promise<T>): Promise<T> {
  const handle = app.temporal.workflow.getHandle(householdWorkflowId(household.id));
  try {
    return await use(handle);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError) || (await resumeRegistration(app, household)) === undefined) throw error;
    return use(handle);
  }
}

/** An update of a household in the user's jurisdiction, by the logged-in user. */
export async function updateHousehold<Ret, Arg extends { readonly actor: Actor }>(
  app: FastifyInstance,
  user: LoggedInUser,
  householdId: string,
  def: UpdateDefinition<Ret, [Arg]>,
  input: Omit<Arg, 'actor'>,
): Promise<Ret> {
  const household = await householdInScope(app, householdId, user);
  const arg = { ...input, actor: actorOf(user) } as Arg;
  return onHouseholdWorkflow(app, household, (handle) => applyUpdate(handle, def, { args: [arg] }));
}

const RESPONSIBLE_REFUSALS = { not_found: messages.responsibleNotFound, wrong_role: messages.responsibleWrongRole, outside: messages.responsibleOutside } as const;

/** Pairs the household with its 帮扶责任人 (or no one), in one transaction; 400 for a person who may not be. */
export async function assignResponsible(app: FastifyInstance, user: LoggedInUser, household: Household, userId: string | null): Promise<void> {
  if (userId !== null) {
    const refusal = responsibleRefusal(await usersRepo(app.db).findCandidate(userId), placeOf(household));
    if (refusal) throw new HttpError(400, RESPONSIBLE_REFUSALS[refusal], 'INVALID_INPUT');
  }
  await app.db.transaction().execute((trx) =>
    householdsRepo(trx).assignResponsible({
      householdId: household.id,
      userId,
      byUserId: user.userId,
      at: new Date(),
      eventKey: `${household.id}:responsible:${randomUUID()}`,
    }),
  );
}
