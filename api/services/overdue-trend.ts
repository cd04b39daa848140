import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { trendInstants } from '../../domain/supervision/trend.js';
import { supervisionMessages } from '../../domain/supervision/messages.js';
import { overdueTrendRepo } from '../../db/repositories/overdue-trend.js';
import type { BoardGrouping } from '../../db/repositories/supervision.js';
import type { overdueTrend } from '../schemas/supervision.js';
import { placesOf } from './supervision.js';

/**
 * The overdue board's trend by month: the register's open overdue work at each
 * month's end (the current month: now) in the aging buckets, for the county and
 * per town or department (every one of the county's, those with nothing at 0,
 * then the items of none when there are any).
 */
export async function overdueTrendOf(app: FastifyInstance, countyId: string, by: BoardGrouping, months: number, now: Date): Promise<z.infer<typeof overdueTrend>> {
  const instants = trendInstants(now.getTime(), months);
  const [places, rows] = await Promise.all([placesOf(app, countyId, by), overdueTrendRepo(app.db).byMonth(countyId, by, instants)]);
  return {
    by,
    asOf: now.toISOString(),
    months: instants.map(({ period, at }) => {
      const found = new Map(rows.filter((r) => r.period === period).map((r) => [r.id, r]));
      const row = (id: string | null, name: string) => {
        const r = found.get(id) ?? { upTo7: 0, upTo30: 0, over30: 0 };
        return { id, name, upTo7: r.upTo7, upTo30: r.upTo30, over30: r.over30, total: r.upTo7 + r.upTo30 + r.over30 };
      };
      const out = [...places].map(([id, name]) => row(id, name));
      if (found.has(null)) out.push(row(null, by === 'town' ? supervisionMessages.countyLevel : supervisionMessages.noDepartment));
      const sum = (k: 'upTo7' | 'upTo30' | 'over30') => out.reduce((s, r) => s + r[k], 0);
      return { period, at: new Date(at).toISOString(), upTo7: sum('upTo7'), upTo30: sum('upTo30'), over30: sum('over30'), total: sum('upTo7') + sum('upTo30') + sum('over30'), rows: out };
    }),
  };
}
