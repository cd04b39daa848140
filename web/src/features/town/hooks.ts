import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import type { SubmitReportBody } from '../../app/api-types.js';

export const useTownReport = (townId: string, period: string) =>
  useQuery({ queryKey: ['town-report', townId, period], queryFn: () => api.townReport(townId, period), retry: false });

export function useSubmitTownReport(townId: string, period: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitReportBody) => api.submitTownReport(townId, period, body),
    onSuccess: () => Promise.all([queries.invalidateQueries({ queryKey: ['town-report', townId, period] }), queries.invalidateQueries({ queryKey: ['due-items'] })]),
  });
}

/** Has an ended month's draft drawn now (the cadence did not reach it). */
export function useDrawTownReport(townId: string, period: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => api.drawTownReport(townId, period),
    onSuccess: () => Promise.all([queries.invalidateQueries({ queryKey: ['town-report', townId, period] }), queries.invalidateQueries({ queryKey: ['due-items'] })]),
  });
}
