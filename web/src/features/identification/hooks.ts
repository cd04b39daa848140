import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import type { ApplicationBody, DecisionBody } from '../../app/api-types.js';

export const useIdentification = (id: string) => useQuery({ queryKey: ['identification', id], queryFn: () => api.identification(id) });
export const useProfile = (period: string) => useQuery({ queryKey: ['profile', period], queryFn: () => api.profile(period), staleTime: 5 * 60_000, retry: false });

function useRefresh(id: string) {
  const queries = useQueryClient();
  return () =>
    Promise.all(['identification', 'household', 'file', 'households'].map((key) => queries.invalidateQueries({ queryKey: key === 'households' ? [key] : [key, id] })));
}

/** Opens the case with the application when none is open, then submits the application with its survey. */
export function useApply(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: async ({ body, open }: { body: ApplicationBody; open: boolean }) => {
      if (open) await api.discover(id, { channel: 'application', reason: body.statement });
      return api.apply(id, body);
    },
    onSuccess: refresh,
  });
}

export function useDecide(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (body: DecisionBody) => api.decide(id, body), onSuccess: refresh });
}
