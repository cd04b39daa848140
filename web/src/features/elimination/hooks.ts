import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import type { EliminationDecision, EliminationProposal } from '../../app/api-types.js';

export const useElimination = (id: string) => useQuery({ queryKey: ['elimination', id], queryFn: () => api.elimination(id) });
export const useEliminationConditions = (id: string) => useQuery({ queryKey: ['elimination', id, 'conditions'], queryFn: () => api.eliminationConditions(id) });

function useRefresh(id: string) {
  const queries = useQueryClient();
  return () =>
    Promise.all([
      ...['elimination', 'household', 'file', 'identification'].map((key) => queries.invalidateQueries({ queryKey: [key, id] })),
      queries.invalidateQueries({ queryKey: ['households'] }),
      queries.invalidateQueries({ queryKey: ['due-items'] }),
    ]);
}

export function usePropose(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (body: EliminationProposal) => api.proposeElimination(id, body), onSuccess: refresh });
}

export function useDecideElimination(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (body: EliminationDecision) => api.decideElimination(id, body), onSuccess: refresh });
}
