import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import type { CompleteBody, HandBackBody, NewViewBody } from '../../app/api-types.js';

export type StatusFilter = 'open' | 'overdue' | 'completed' | 'handed_back' | 'all';
export type SortOrder = 'due_asc' | 'due_desc';

export const useTasks = (filter: { status: StatusFilter; townId?: string | undefined; measure?: string; sort?: SortOrder }) =>
  useQuery({
    queryKey: ['tasks', filter],
    queryFn: () => api.tasks({ ...(filter.status === 'all' ? {} : { status: filter.status }), townId: filter.townId, measure: filter.measure, sort: filter.sort, limit: 200 }),
  });

function useTaskAction<A, R = unknown>(run: (key: string, body: A) => Promise<R>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: A }) => run(key, body),
    onSuccess: () => Promise.all([queries.invalidateQueries({ queryKey: ['tasks'] }), queries.invalidateQueries({ queryKey: ['due-items'] })]),
  });
}

export const useAccept = () => useTaskAction<void>((key) => api.acceptTask(key));
export const useComplete = () => useTaskAction<CompleteBody>((key, body) => api.completeTask(key, body));
export const useHandBack = () => useTaskAction<HandBackBody>((key, body) => api.handBackTask(key, body));

export function useBulkAccept() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (keys: string[]) => api.bulkAccept(keys),
    onSettled: () => Promise.all([queries.invalidateQueries({ queryKey: ['tasks'] }), queries.invalidateQueries({ queryKey: ['due-items'] })]),
  });
}

export const useUploadDocument = () => useMutation({ mutationFn: ({ key, file }: { key: string; file: File }) => api.uploadDocument(key, file) });

export const useViews = () => useQuery({ queryKey: ['task-views'], queryFn: () => api.taskViews() });

export function useSaveView() {
  const queries = useQueryClient();
  return useMutation({ mutationFn: (body: NewViewBody) => api.saveTaskView(body), onSuccess: () => queries.invalidateQueries({ queryKey: ['task-views'] }) });
}

export function useDeleteView() {
  const queries = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.deleteTaskView(id), onSuccess: () => queries.invalidateQueries({ queryKey: ['task-views'] }) });
}
