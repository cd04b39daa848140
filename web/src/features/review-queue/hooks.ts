import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.js';

export type ProcedureFilter = 'identification' | 'elimination' | undefined;

export const useReviewQueue = (procedure: ProcedureFilter, offset: number) =>
  useQuery({
    queryKey: ['review-queue', procedure ?? 'all', offset],
    queryFn: () => api.reviewQueue({ ...(procedure ? { procedure } : {}), limit: 50, offset }),
    // A case decided elsewhere (on the household's page) leaves the queue when it is shown again.
    staleTime: 0,
  });
