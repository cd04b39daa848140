import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import type { CalendarDayBody, CalendarYearBody, DraftBody } from '../../app/api-types.js';

export const useProfileInForce = (period: string) => useQuery({ queryKey: ['profile', period], queryFn: () => api.profile(period), retry: false });
export const usePolicyVersions = () => useQuery({ queryKey: ['policy-versions'], queryFn: () => api.policyVersions() });
export const useCheckVersion = () => useMutation({ mutationFn: (body: DraftBody) => api.checkVersion(body) });

export function usePublishVersion() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: DraftBody) => api.publishVersion(body),
    onSuccess: () => Promise.all([queries.invalidateQueries({ queryKey: ['policy-versions'] }), queries.invalidateQueries({ queryKey: ['profile'] })]),
  });
}

export const useCalendar = (from: number, to: number) => useQuery({ queryKey: ['calendar', from, to], queryFn: () => api.calendar({ from, to }) });

function useCalendarChange<A>(run: (body: A) => Promise<unknown>) {
  const queries = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queries.invalidateQueries({ queryKey: ['calendar'] }) });
}
export const useAddCalendarYear = () => useCalendarChange((body: CalendarYearBody) => api.addCalendarYear(body));
export const useAddCalendarDay = () => useCalendarChange((body: CalendarDayBody) => api.addCalendarDay(body));
