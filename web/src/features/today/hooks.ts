import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.js';

export const useDueItems = (state: 'open' | 'overdue') =>
  useQuery({ queryKey: ['due-items', state], queryFn: () => api.dueItems({ state, limit: 50 }) });
