import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';

export const useComparison = (month: string) => useQuery({ queryKey: ['comparison', month], queryFn: () => api.comparison(month) });

export function useFollowUp(month: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => api.followUpWarning(id, note),
    onSettled: () => queries.invalidateQueries({ queryKey: ['comparison', month] }),
  });
}

export const useExport = () => useMutation({ mutationFn: (path: string) => api.download(path) });
