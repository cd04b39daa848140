import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';

const RUNNING = new Set(['staging', 'checking', 'importing', 'starting']);

/** The imports list, refreshed every 2 s while one is still running. */
export const useImportJobs = () =>
  useQuery({
    queryKey: ['imports'],
    queryFn: () => api.importJobs(),
    refetchInterval: (query) => (query.state.data?.items.some((j) => RUNNING.has(j.status)) ? 2000 : false),
  });

export const isRunning = (status: string) => RUNNING.has(status);

export function useUpload() {
  const queries = useQueryClient();
  return useMutation({ mutationFn: (file: File) => api.uploadImport(file), onSettled: () => queries.invalidateQueries({ queryKey: ['imports'] }) });
}

export const useDownload = () => useMutation({ mutationFn: (path: string) => api.download(path) });
