import { z } from 'zod';
import { maskIdNumber } from '../../domain/people/id-number.js';
import { MEMBER_LABOUR_ABILITIES } from '../../domain/people/labour.js';
import type { HouseholdMember } from '../../db/database.js';
import { text } from './common.js';
import { JOINING_REASONS } from '../../domain/people/member-changes.js';
import { joining } from './member-changes.js';

const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'child_in_law', 'other'] as const;
const DISABILITY_GRADES = ['1', '2', '3', '4'] as const;

export const addMemberBody = z.object({
  name: text(50),
  idNumber: z.string().trim().min(1).max(30),
  relation: z.enum(RELATIONS),
  labourAbility: z.enum(MEMBER_LABOUR_ABILITIES),
  isStudent: z.boolean().default(false),
  isActiveMilitary: z.boolean().default(false),
  disabilityGrade: z.enum(DISABILITY_GRADES).nullable().default(null),
  chronicIllness: z.boolean().default(false),
  /** A member who joins the household (birth, marriage in …); absent: one already in it, registered now. */
  joining: joining.optional(),
});
export type AddMemberBody = z.infer<typeof addMemberBody>;

export const memberView = z.object({
  id: z.string(),
  name: z.string(),
  idNumber: z.string().describe('masked: the first 6 characters and 12 stars (birth date and sex are shown beside it, so the rest stays hidden)'),
  birthDate: z.string(),
  sex: z.enum(['male', 'female']),
  relation: z.enum(RELATIONS),
  labourAbility: z.enum(MEMBER_LABOUR_ABILITIES),
  isStudent: z.boolean(),
  isActiveMilitary: z.boolean(),
  disabilityGrade: z.enum(DISABILITY_GRADES).nullable(),
  chronicIllness: z.boolean(),
  joinedOn: z.string().nullable(),
  joiningReason: z.enum(JOINING_REASONS).nullable(),
});

export const toMemberView = (m: HouseholdMember): z.infer<typeof memberView> => ({
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
  joinedOn: m.joined_on,
  joiningReason: m.joined_reason,
});
