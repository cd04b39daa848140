import { covers } from '../../domain/access/roles.js';
import { formatLocalDate, toLocalDate } from '../../domain/calendar/dates.js';
import { memberMessages } from '../../domain/messages/catalogue.js';
import { joiningRefusal } from '../../domain/people/member-changes.js';
import { joiningReasonNames, memberChangeSummary } from '../../domain/people/messages.js';
import { maskIdNumber, parseIdNumber } from '../../domain/people/id-number.js';
import type { Household, HouseholdMember } from '../../db/database.js';
import { householdEventsRepo } from '../../db/repositories/household-events.js';
import { householdMembersRepo } from '../../db/repositories/household-members.js';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';
import type { AddMemberBody } from '../schemas/members.js';

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

/**
 * Adds a member whose ID number checks out and who sits in no other household;
 * the member and the file's entry commit together.
 */
export async function addMember(app: FastifyInstance, user: LoggedInUser, household: Household, body: AddMemberBody): Promise<HouseholdMember> {
  const parsed = parseIdNumber(body.idNumber, toLocalDate(Date.now()));
  if (!parsed.ok) throw new HttpError(400, parsed.reason, 'INVALID_ID_NUMBER');
  const { idNumber, birthDate, sex } = parsed.value;
  const joining = body.joining;
  if (joining) {
    const refusal = joiningRefusal(formatLocalDate(birthDate), joining.joinedOn, toLocalDate(Date.now()));
    if (refusal) throw new HttpError(400, refusal, 'INVALID_INPUT');
  }

  // Where the person is registered is told only to someone whose jurisdiction covers that household (issue 18: a
  // village cadre learnt another town's resident's village and head of household from this refusal).
  const refuseDuplicate = async (): Promise<never> => {
    const where = await householdMembersRepo(app.db).findCurrentByIdNumber(idNumber);
    const visible = where && covers(user, { countyId: where.county_id, townId: where.town_id, villageId: where.village_id, groupId: where.group_id });
    throw new HttpError(
      409,
      visible ? memberMessages.alreadyInHousehold(where.town_name, where.village_name, where.head_name, where.household_id === household.id) : memberMessages.duplicate,
      'DUPLICATE_PERSON',
    );
  };
  if (await householdMembersRepo(app.db).findCurrentByIdNumber(idNumber)) await refuseDuplicate();

  try {
    return await app.db.transaction().execute(async (trx) => {
      const row = await householdMembersRepo(trx).insert({
        household_id: household.id,
        name: body.name,
        id_number: idNumber,
        birth_date: formatLocalDate(birthDate),
        sex,
        relation: body.relation,
        labour_ability: body.labourAbility,
        is_student: body.isStudent,
        is_active_military: body.isActiveMilitary,
        disability_grade: body.disabilityGrade,
        chronic_illness: body.chronicIllness,
        ...(joining ? { joined_on: joining.joinedOn, joined_reason: joining.joiningReason } : {}),
      });
      await householdEventsRepo(trx).append({
        householdId: household.id,
        eventKey: `member-added:${row.id}`,
        kind: joining ? 'member.joined' : 'member.added',
        actorUserId: user.userId,
        occurredAt: new Date(),
        payload: {
          memberId: row.id,
          name: row.name,
          idNumber: maskIdNumber(row.id_number),
          relation: row.relation,
          ...(joining
            ? {
                joiningReason: joining.joiningReason,
                joinedOn: joining.joinedOn,
                evidence: joining.evidence,
                summary: memberChangeSummary.joined(row.name, joiningReasonNames[joining.joiningReason], joining.joinedOn, joining.evidence.map((e) => e.title)),
              }
            : {}),
        },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuseDuplicate();
    throw error;
  }
}
