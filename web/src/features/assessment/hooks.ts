import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.js';

export type Grouping = 'town' | 'department';

export const useAssessment = (by: Grouping, month: string | undefined) =>
  useQuery({ queryKey: ['assessment', by, month ?? 'current'], queryFn: () => api.assessment({ by, month }) });
