import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import type { DueItem, MonthlyUpdateBody, VisitBody } from '../../app/api-types.js';

/** After a monthly item: the register (today's work), the household and its file have changed. */
function useRefresh(id: string) {
  const queries = useQueryClient();
  return () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: ['due-items'] }),
      queries.invalidateQueries({ queryKey: ['household', id] }),
      queries.invalidateQueries({ queryKey: ['file', id] }),
      queries.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
}

export function useMonthlyUpdate(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (body: MonthlyUpdateBody) => api.monthlyUpdate(id, body), onSuccess: refresh });
}

export function useVisit(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (body: VisitBody) => api.visit(id, body), onSuccess: refresh });
}

/** The screen on which a due item of the register is done, if the console has one. */
export function monitoringPath(item: Pick<DueItem, 'kind' | 'period' | 'household'> & { key?: string }): string | null {
  if (!item.household) return null;
  const campaign = item.kind === 'campaign_check' || item.kind === 'campaign_rectification' ? item.key?.split(':')[1] : undefined;
  if (campaign) return `/campaigns/${campaign}/checks/${item.household.id}`;
  const screen = item.kind === 'monthly_update' ? 'monthly-update' : item.kind === 'monthly_visit' || item.kind === 'screening_visit' ? 'visit' : null;
  if (!screen) return null;
  return `/households/${item.household.id}/${screen}${item.period ? `?period=${item.period}` : ''}`;
}
