import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { TOWN_NOTED_ITEM_KINDS } from '../../../../domain/town/items.js';
import { api } from '../../app/api.js';
import type { DueItem } from '../../app/api-types.js';

/** The town's noted items of every kind in one state, soonest deadline first. */
export function useTownItems(state: 'open' | 'done') {
  const results = useQueries({
    queries: TOWN_NOTED_ITEM_KINDS.map((kind) => ({ queryKey: ['due-items', state, kind], queryFn: () => api.dueItems({ state, kind, limit: 50 }) })),
  });
  const pending = results.some((r) => r.isPending);
  const error = results.find((r) => r.error)?.error ?? null;
  const items: DueItem[] = results.flatMap((r) => r.data?.items ?? []).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return { isPending: pending, error, data: pending || error ? undefined : items, refetch: () => Promise.all(results.map((r) => r.refetch())) };
}

export function useCompleteTownItem(townId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: string; periodKey: string; summary: string }) => api.completeTownItem(townId, input.kind, input.periodKey, { summary: input.summary }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['due-items'] }),
  });
}
