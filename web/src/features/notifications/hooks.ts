import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';

export type InboxFilter = 'unread' | 'all';

export const useNotifications = (filter: InboxFilter, offset: number) =>
  useQuery({
    queryKey: ['notifications', filter, offset],
    queryFn: () => api.notifications({ ...(filter === 'unread' ? { unread: 'true' } : {}), limit: 20, offset }),
  });

/** The unread count for the header's bell; kept fresh while the console is open. */
export const useUnreadCount = () =>
  useQuery({ queryKey: ['notifications', 'count'], queryFn: () => api.notifications({ unread: 'true', limit: 1 }), refetchInterval: 60_000, select: (p) => p.unread });

function useRefresh() {
  const queries = useQueryClient();
  return () => queries.invalidateQueries({ queryKey: ['notifications'] });
}

export function useMarkRead() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.markRead(id), onSuccess: refresh });
}

export function useMarkAllRead() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: () => api.markAllRead(), onSuccess: refresh });
}
