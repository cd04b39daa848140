import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLE_NAMES, type Role } from '../../domain/access/roles.js';
import { formatLocalDate, toLocalDate } from '../../domain/calendar/dates.js';
import { maskIdNumber, parseIdNumber } from '../../domain/people/id-number.js';
import { memberMessages, messages } from '../../domain/messages/catalogue.js';
import { householdEventsRepo } from '../../db/repositories/household-events.js';
import { householdMembersRepo } from '../../db/repositories/household-members.js';
import { HttpError } from '../errors.js';
import { householdInScope } from '../household-access.js';
import { currentUser } from '../plugins/auth.js';
import { idParams } from './households.js';

const EDIT_ROLES: readonly Role[] = ['village_cadre', 'town_officer', 'county_bureau'];
const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'child_in_law', 'other'] as const;
const LABOUR = ['capable', 'weak', 'partial', 'none'] as const;

export const memberView = z.object({
  id: z.string(),
  name: z.string(),
  idNumber: z.string().describe('masked: first 6 and last 4 characters'),
  birthDate: z.string(),
  sex: z.enum(['male', 'female']),
  relation: z.enum(RELATIONS),
  labourAbility: z.enum(LABOUR),
  isStudent: z.boolean(),
  isActiveMilitary: z.boolean(),
  disabilityGrade: z.enum(['1', '2', '3', '4']).nullable(),
  chronicIllness: z.boolean(),
});

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

export const memberBody = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(50),
  idNumber: z.string().trim().min(1, '请填写身份证号码').max(30),
  relation: z.enum(RELATIONS),
  labourAbility: z.enum(LABOUR),
  isStudent: z.boolean().default(false),
  isActiveMilitary: z.boolean().default(false),
  disabilityGrade: z.enum(['1', '2', '3', '4']).nullable().default(null),
  chronicIllness: z.boolean().default(false),
});

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.post(
    '/households/:id/members',
    {
      schema: {
        summary: 'Add a member; the national ID number is checked (check digit) and may sit in one household only',
        tags: ['households'],
        params: idParams,
        body: memberBody,
        response: { 201: memberView },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      if (!EDIT_ROLES.includes(user.role)) throw new HttpError(403, messages.forbiddenRole('家庭成员登记', ROLE_NAMES[user.role]), 'FORBIDDEN');
      const household = await householdInScope(app, request.params.id, user);
      const body = request.body;
      const parsed = parseIdNumber(body.idNumber, toLocalDate(Date.now()));
      if (!parsed.ok) throw new HttpError(400, parsed.reason, 'INVALID_ID_NUMBER');

      const refuseDuplicate = async (): Promise<never> => {
        const where = await householdMembersRepo(app.db).findCurrentByIdNumber(parsed.value.idNumber);
        throw new HttpError(
          409,
          where ? memberMessages.alreadyInHousehold(where.town_name, where.village_name, where.head_name, where.household_id === household.id) : memberMessages.duplicate,
          'DUPLICATE_PERSON',
        );
      };
      if (await householdMembersRepo(app.db).findCurrentByIdNumber(parsed.value.idNumber)) await refuseDuplicate();

      try {
        const member = await app.db.transaction().execute(async (trx) => {
          const row = await householdMembersRepo(trx).insert({
            household_id: household.id,
            name: body.name,
            id_number: parsed.value.idNumber,
            birth_date: formatLocalDate(parsed.value.birthDate),
            sex: parsed.value.sex,
            relation: body.relation,
            labour_ability: body.labourAbility,
            is_student: body.isStudent,
            is_active_military: body.isActiveMilitary,
            disability_grade: body.disabilityGrade,
            chronic_illness: body.chronicIllness,
          });
          await householdEventsRepo(trx).append({
            householdId: household.id,
            eventKey: `member-added:${row.id}`,
            kind: 'member.added',
            actorUserId: user.userId,
            occurredAt: new Date(),
            payload: { memberId: row.id, name: row.name, idNumber: maskIdNumber(row.id_number), relation: row.relation },
          });
          return row;
        });
        request.log.info({ householdId: household.id, memberId: member.id }, 'member added');
        return reply.status(201).send(toView(member));
      } catch (error) {
        if (isUniqueViolation(error)) return refuseDuplicate();
        throw error;
      }
    },
  );

  app.get(
    '/households/:id/members',
    { schema: { summary: 'Current members (ID numbers masked)', tags: ['households'], params: idParams, response: { 200: z.array(memberView) } } },
    async (request) => {
      const household = await householdInScope(app, request.params.id, currentUser(request));
      return (await householdMembersRepo(app.db).listCurrent(household.id)).map(toView);
    },
  );
};

function toView(m: Awaited<ReturnType<ReturnType<typeof householdMembersRepo>['insert']>>): z.infer<typeof memberView> {
  return {
    id: m.id,
    name: m.name,
    idNumber: maskIdNumber(m.id_number),
    birthDate: m.birth_date,
    sex: m.sex,
    relation: m.relation,
    labourAbility: m.labour_ability,
    isStudent: m.is_student,
    isActiveMilitary: m.is_active_military,
    disabilityGrade: m.disability_grade,
    chronicIllness: m.chronic_illness,
  };
}
