import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';

export const usePlaceTree = (all = false) => useQuery({ queryKey: ['places', all], queryFn: () => api.placeTree(all) });
export const useAccounts = () => useQuery({ queryKey: ['accounts'], queryFn: () => api.accounts() });
export const useAdminDepartments = () => useQuery({ queryKey: ['admin-departments'], queryFn: () => api.adminDepartments() });
export const useAdminChanges = () => useQuery({ queryKey: ['admin-changes'], queryFn: () => api.adminChanges({ limit: 200 }) });
export const useCounties = () => useQuery({ queryKey: ['counties'], queryFn: () => api.counties() });
export const useProfileTemplates = () => useQuery({ queryKey: ['profile-templates'], queryFn: () => api.profileTemplates() });
export const useRegion = () => useQuery({ queryKey: ['region'], queryFn: () => api.region() });

/** A change that refreshes the lists it touches and the audit. */
export function useAdminChange<A, R>(fn: (args: A) => Promise<R>, keys: readonly string[]) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([...keys, 'admin-changes'].map((key) => queries.invalidateQueries({ queryKey: [key] }))),
  });
}
