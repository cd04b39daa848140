import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import type { ConsentBody } from '../../app/api-types.js';

export const useComparison = (month: string) => useQuery({ queryKey: ['comparison', month], queryFn: () => api.comparison(month) });

export function useFollowUp(month: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => api.followUpWarning(id, note),
    onSettled: () => queries.invalidateQueries({ queryKey: ['comparison', month] }),
  });
}

export function useCloseMonth(month: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => api.closeComparisonMonth(month),
    onSettled: () => queries.invalidateQueries({ queryKey: ['comparison', month] }),
  });
}

export const useFeeds = (month: string) => useQuery({ queryKey: ['comparison-feeds', month], queryFn: () => api.comparisonFeeds(month) });

export function useUploadFeed(month: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ feedId, file }: { feedId: string; file: File }) => api.uploadFeed(feedId, month, file),
    onSettled: () => queries.invalidateQueries({ queryKey: ['comparison', month] }),
  });
}

export const useExport = () => useMutation({ mutationFn: (path: string) => api.download(path) });

export const useConsents = (householdId: string) => useQuery({ queryKey: ['consents', householdId], queryFn: () => api.consents(householdId) });

export function useConsentChange(householdId: string) {
  const queries = useQueryClient();
  const onSettled = () => queries.invalidateQueries({ queryKey: ['consents', householdId] });
  return {
    record: useMutation({ mutationFn: (body: ConsentBody) => api.recordConsent(householdId, body), onSettled }),
    withdraw: useMutation({ mutationFn: ({ id, note }: { id: string; note: string }) => api.withdrawConsent(householdId, id, note), onSettled }),
  };
}
