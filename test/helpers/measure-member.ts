import type { MeasureMember } from '../../domain/measures/index.js';

/** A member as the register holds them: labour-capable, not a student or serving soldier, no disability or chronic illness, unless overridden. */
export function measureMember(id: string, displayName: string, birthDate: string, overrides: Partial<MeasureMember> = {}): MeasureMember {
  return {
    id,
    displayName,
    birthDate,
    labourAbility: 'capable',
    isStudent: false,
    isActiveMilitary: false,
    disabilityGrade: null,
    chronicIllness: false,
    ...overrides,
  };
}
