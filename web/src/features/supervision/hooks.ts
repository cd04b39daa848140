import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.js';

export type Source = 'register' | 'tasks';
export type Grouping = 'town' | 'department';
export const BUCKETS = [
  { key: 'upTo7', min: 0, max: 7 },
  { key: 'upTo30', min: 8, max: 30 },
  { key: 'over30', min: 31, max: undefined },
] as const;
/** How the board's row of no town or no department is named in an address. */
export const NO_PLACE = 'none';
export type BucketKey = (typeof BUCKETS)[number]['key'];

/** The register's overdue work at each of the last six months' ends, in the buckets. */
export const useOverdueTrend = (by: Grouping) => useQuery({ queryKey: ['supervision', 'trend', by], queryFn: () => api.overdueTrend({ by, months: 6 }) });

export const useOverdueBoard = (source: Source, by: Grouping) =>
  useQuery({ queryKey: ['supervision', 'overdue', source, by], queryFn: () => api.overdueBoard({ source, by }) });

/** The items behind one cell of the board: the register's overdue items or the overdue tasks of a town or department, in a bucket (or all). */
export function useOverdueItems(filter: { source: Source; by: Grouping; id: string; bucket?: BucketKey | undefined }) {
  const bucket = BUCKETS.find((b) => b.key === filter.bucket);
  // The row of no town (the county's own items) or of no department is asked for as such.
  const none = filter.id === NO_PLACE;
  const place = filter.by === 'town' ? (none ? { noTown: 'true' } : { townId: filter.id }) : none ? { noDepartment: 'true' } : { departmentId: filter.id };
  const days = bucket ? { minOverdueDays: bucket.min, maxOverdueDays: bucket.max } : {};
  return useQuery({
    queryKey: ['supervision', 'items', filter],
    queryFn: async () => {
      if (filter.source === 'tasks') {
        const page = await api.overdueTasks({ ...place, ...days, limit: 200 });
        return page.items.map((i) => ({ key: i.key, what: i.measure.name, household: i.household, town: i.town.name, department: i.department.name, dueAt: i.dueAt, overdueDays: i.overdueDays }));
      }
      const page = await api.dueItems({ state: 'overdue', ...place, ...days, limit: 200 });
      return page.items.map((i) => ({ key: i.key, what: i.kindName, household: i.household, town: i.town?.name ?? null, department: i.department?.name ?? null, dueAt: i.dueAt, overdueDays: i.overdueDays }));
    },
  });
}
