import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import type { MemberBody, RegisterBody } from '../../app/api-types.js';

export const useHousehold = (id: string) => useQuery({ queryKey: ['household', id], queryFn: () => api.household(id) });
export const useMembers = (id: string) => useQuery({ queryKey: ['members', id], queryFn: () => api.members(id) });
export const useJurisdiction = (id: string | undefined) =>
  useQuery({ queryKey: ['jurisdiction', id], queryFn: () => api.jurisdiction(id ?? ''), enabled: !!id, staleTime: Infinity });
export const useHouseholdSearch = (query: { name?: string; stage?: string; category?: string; townId?: string; riskCause?: string; riskColour?: string; movement?: string; period?: string; focus?: string; joint?: string; offset: number }) =>
  useQuery({ queryKey: ['households', query], queryFn: () => api.households({ ...query, limit: 20 }) });

export function useRegister() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterBody) => api.register(body),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['households'] }),
  });
}

export function useAddMember(householdId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: MemberBody) => api.addMember(householdId, body),
    onSuccess: () => Promise.all([queries.invalidateQueries({ queryKey: ['members', householdId] }), queries.invalidateQueries({ queryKey: ['file', householdId] })]),
  });
}
