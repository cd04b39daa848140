import { useQueries, useQuery } from '@tanstack/react-query';
import type { Role } from '../../../../domain/access/roles.js';
import { STEP_ROLES, type IdentificationStep } from '../../../../domain/identification/steps.js';
import { api } from '../../app/api.js';

export const useDueItems = (state: 'open' | 'overdue') =>
  useQuery({ queryKey: ['due-items', state], queryFn: () => api.dueItems({ state, limit: 50 }) });

/** Households in identification whose current step is the role's to act on. */
export function useCasesWaitingOn(role: Role, enabled: boolean) {
  const list = useQuery({ queryKey: ['households', { stage: 'identifying' }], queryFn: () => api.households({ stage: 'identifying', limit: 50 }), enabled });
  const states = useQueries({
    queries: (list.data?.items ?? []).map((h) => ({ queryKey: ['identification', h.id], queryFn: () => api.identification(h.id) })),
  });
  const pending = list.isPending || states.some((s) => s.isPending);
  const error = list.error ?? states.find((s) => s.error)?.error ?? null;
  const waiting = (list.data?.items ?? []).flatMap((household, i) => {
    const current = states[i]?.data?.case?.current as IdentificationStep | null | undefined;
    return current && STEP_ROLES[current]?.includes(role) ? [{ household, step: current }] : [];
  });
  return { isPending: enabled && pending, error, data: enabled && !pending ? waiting : undefined, refetch: () => list.refetch() };
}
