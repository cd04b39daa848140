import { adminChangesRepo, type AdminChange } from '../../db/repositories/administration.js';
import type { LoggedInUser } from '../plugins/auth.js';

/** The county an administrative change belongs to: the first six digits of its place (null above a county). */
export const countyOfPlace = (placeId: string | null): string | null => (placeId && placeId.length >= 6 ? placeId.slice(0, 6) : null);

/** Records one change by `user` in the same transaction as the change itself. */
export function audit(trx: Parameters<typeof adminChangesRepo>[0], user: LoggedInUser, change: Omit<AdminChange, 'actorUserId'>): Promise<void> {
  return adminChangesRepo(trx).record({ ...change, actorUserId: user.userId });
}
