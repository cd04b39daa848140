import { z } from 'zod';
import { JOINING_REASONS, LEAVING_REASONS } from '../../domain/people/member-changes.js';
import { memberChangeMessages } from '../../domain/people/messages.js';
import { MEMBER_LABOUR_ABILITIES } from '../../domain/people/labour.js';
import { evidence, idParams, labelledDate, text, uuid } from './common.js';

const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'child_in_law', 'other'] as const;
const changeEvidence = evidence.min(1, memberChangeMessages.evidenceRequired);

export const memberParams = idParams.extend({ memberId: uuid });

/** A correction of what the register says of a member; the ID number (and the birth date and sex it gives) is not corrected here. */
export const correctMemberBody = z
  .object({
    name: text(50).optional(),
    relation: z.enum(RELATIONS).optional(),
    labourAbility: z.enum(MEMBER_LABOUR_ABILITIES).optional(),
    isStudent: z.boolean().optional(),
    isActiveMilitary: z.boolean().optional(),
    disabilityGrade: z.enum(['1', '2', '3', '4']).nullable().optional(),
    chronicIllness: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), memberChangeMessages.nothingToChange);
export type CorrectMemberBody = z.infer<typeof correctMemberBody>;

/** A member leaves (death, marriage out, moving out, enlisting) on a day, with evidence. */
export const leaveBody = z.object({
  leavingReason: z.enum(LEAVING_REASONS),
  leftOn: labelledDate('leftOn'),
  evidence: changeEvidence,
});
export type LeaveBody = z.infer<typeof leaveBody>;

/** A new member joins (birth, marriage in, moving in) on a day, with evidence. */
export const joining = z.object({
  joiningReason: z.enum(JOINING_REASONS),
  joinedOn: labelledDate('joinedOn'),
  evidence: changeEvidence,
});
export type JoiningBody = z.infer<typeof joining>;
