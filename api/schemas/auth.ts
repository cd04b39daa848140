import { z } from 'zod';
import { NO_PLACE, ROLES } from '../../domain/access/roles.js';
import type { User } from '../../db/database.js';
import type { LoggedInUser } from '../plugins/auth.js';

export const loginBody = z.object({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(256) });

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  jurisdictionId: z.string(),
  departmentId: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
type UserView = z.infer<typeof userView>;

export const session = z.object({ token: z.string(), expiresAt: z.string(), user: userView });

export const toUserView = (user: User): UserView => ({
  id: user.id,
  username: user.username,
  displayName: user.display_name,
  role: user.role,
  jurisdictionId: user.jurisdiction_id ?? NO_PLACE,
  departmentId: user.department_id,
  mustChangePassword: user.must_change_password,
});

export const loggedInView = (user: LoggedInUser): UserView => ({
  id: user.userId,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  jurisdictionId: user.jurisdictionId,
  departmentId: user.departmentId ?? null,
  mustChangePassword: user.mustChangePassword,
});

/** A login refused while the account or the address is locked (429); the message says when to try again. */
export const loginLocked = z.object({ error: z.literal('LOGIN_LOCKED'), message: z.string() });

export const loggedOutEverywhere = z.object({ ended: z.number().int().describe('sessions ended, this one included'), message: z.string() });
