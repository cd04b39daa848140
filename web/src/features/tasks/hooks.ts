import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import type { CompleteBody, HandBackBody } from '../../app/api-types.js';

export type StatusFilter = 'open' | 'overdue' | 'completed' | 'handed_back' | 'all';

export const useTasks = (filter: { status: StatusFilter; townId?: string | undefined }) =>
  useQuery({
    queryKey: ['tasks', filter],
    queryFn: () => api.tasks({ ...(filter.status === 'all' ? {} : { status: filter.status }), townId: filter.townId, limit: 200 }),
  });

function useTaskAction<A>(run: (key: string, body: A) => Promise<unknown>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: A }) => run(key, body),
    onSuccess: () => Promise.all([queries.invalidateQueries({ queryKey: ['tasks'] }), queries.invalidateQueries({ queryKey: ['due-items'] })]),
  });
}

export const useAccept = () => useTaskAction<void>((key) => api.acceptTask(key));
export const useComplete = () => useTaskAction<CompleteBody>((key, body) => api.completeTask(key, body));
export const useHandBack = () => useTaskAction<HandBackBody>((key, body) => api.handBackTask(key, body));
