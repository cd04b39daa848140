/**
 * Member changes after registration: a correction of what the register says,
 * and a member's leaving with its day and evidence. Each commits with its
 * entry in the household file (the database refuses a change without one,
 * and any change of a member who has left).
 */
import type { FastifyInstance } from 'fastify';
import { formatLocalDate, toLocalDate } from '../../domain/calendar/dates.js';
import { leavingRefusal } from '../../domain/people/member-changes.js';
import { leavingReasonNames, memberChangeMessages as m, memberChangeSummary, memberFactFieldLabels } from '../../domain/people/messages.js';
import { FIELD_LABELS } from '../../domain/messages/fields.js';
import type { Household, HouseholdMember } from '../../db/database.js';
import { householdEventsRepo } from '../../db/repositories/household-events.js';
import { householdMembersRepo, type MemberCorrection } from '../../db/repositories/household-members.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';
import type { CorrectMemberBody, LeaveBody } from '../schemas/member-changes.js';

const refused = (message: string, status = 400): never => {
  throw new HttpError(status, message, status === 409 ? 'WRONG_STEP' : 'INVALID_INPUT');
};

const COLUMNS: Readonly<Record<keyof CorrectMemberBody, keyof MemberCorrection>> = {
  name: 'name',
  relation: 'relation',
  labourAbility: 'labour_ability',
  isStudent: 'is_student',
  isActiveMilitary: 'is_active_military',
  disabilityGrade: 'disability_grade',
  chronicIllness: 'chronic_illness',
};

const label = (key: string) => FIELD_LABELS[key] ?? memberFactFieldLabels[key] ?? key;

export async function correctMember(app: FastifyInstance, user: LoggedInUser, household: Household, memberId: string, body: CorrectMemberBody): Promise<HouseholdMember> {
  return app.db.transaction().execute(async (trx) => {
    const member = await householdMembersRepo(trx).findForUpdate(household.id, memberId);
    if (!member) return refused(m.memberNotFound, 404);
    if (member.left_at !== null) return refused(m.leftMember(member.name), 409);
    const change: MemberCorrection = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body) as [keyof CorrectMemberBody, unknown][]) {
      const column = COLUMNS[key];
      if (value === undefined || member[column] === value) continue;
      (change as Record<string, unknown>)[column] = value;
      before[key] = member[column];
      after[key] = value;
    }
    if (Object.keys(change).length === 0) return member;
    const row = await householdMembersRepo(trx).correct(member.id, change);
    if (!row) return refused(m.leftMember(member.name), 409);
    await householdEventsRepo(trx).append({
      householdId: household.id,
      eventKey: `member-corrected:${member.id}:${Date.now()}:${Object.keys(after).join(',')}`,
      kind: 'member.edited',
      actorUserId: user.userId,
      occurredAt: new Date(),
      payload: { memberId: member.id, name: row.name, before, after, summary: memberChangeSummary.corrected(member.name, Object.keys(after).map(label)) },
    });
    return row;
  });
}

export async function recordLeaving(app: FastifyInstance, user: LoggedInUser, household: Household, memberId: string, body: LeaveBody): Promise<HouseholdMember> {
  return app.db.transaction().execute(async (trx) => {
    const member = await householdMembersRepo(trx).findForUpdate(household.id, memberId);
    if (!member) return refused(m.memberNotFound, 404);
    const refusal = leavingRefusal(
      { name: member.name, birthDate: member.birth_date, joinedOn: member.joined_on, leftOn: member.left_on ?? (member.left_at ? formatLocalDate(toLocalDate(member.left_at.getTime())) : null) },
      body.leftOn,
      toLocalDate(Date.now()),
    );
    if (refusal) return refused(refusal, member.left_at !== null ? 409 : 400);
    const at = new Date();
    const row = await householdMembersRepo(trx).leave(member.id, { on: body.leftOn, reason: body.leavingReason, at });
    if (!row) return refused(m.alreadyLeft(member.name, ''), 409);
    await householdEventsRepo(trx).append({
      householdId: household.id,
      eventKey: `member-left:${member.id}`,
      kind: 'member.left',
      actorUserId: user.userId,
      occurredAt: at,
      payload: {
        memberId: member.id,
        name: member.name,
        leavingReason: body.leavingReason,
        leftOn: body.leftOn,
        evidence: body.evidence,
        summary: memberChangeSummary.left(member.name, leavingReasonNames[body.leavingReason], body.leftOn, body.evidence.map((e) => e.title)),
      },
    });
    return row;
  });
}
