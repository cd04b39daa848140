import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { LOGIN_THROTTLE, loginMessages, secondsUntil, type ThrottleKind } from '../../domain/access/login-throttle.js';
import { adminMessages } from '../../domain/administration/messages.js';
import { messages } from '../../domain/messages/catalogue.js';
import type { User } from '../../db/database.js';
import { loginThrottlesRepo } from '../../db/repositories/login-throttles.js';
import { usersRepo } from '../../db/repositories/users.js';
import { verifyPassword } from '../../platform/passwords.js';
import { HttpError } from '../errors.js';

/** A hash no password matches, verified for an unknown user so that timing does not reveal which usernames exist. */
const NO_USER_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** A login refused while its account or address is locked: 429 with the time to retry. */
export class LoginLocked extends HttpError {
  constructor(
    kind: ThrottleKind,
    readonly until: Date,
    now: Date,
  ) {
    super(429, loginMessages.locked(kind, until, now), 'LOGIN_LOCKED');
  }
  retryAfterSeconds(now: Date): number {
    return secondsUntil(this.until, now);
  }
}

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** The buckets of one attempt: never the username or the address in clear. */
export const loginBuckets = (username: string, address: string) => ({
  account: `account:${digest(username.trim().toLowerCase())}`,
  address: `address:${digest(address)}`,
});

const kindOf = (bucket: string): ThrottleKind => (bucket.startsWith('account:') ? 'account' : 'address');

/**
 * Checks a username and password from `address`: refused at once while the account or the
 * address is locked (the right password too), a failure counted for both, and a success
 * clearing the account's count. Unknown usernames count like known ones, so the lock says
 * nothing about which accounts exist.
 */
export async function checkLogin(app: FastifyInstance, username: string, password: string, address: string, now = new Date()): Promise<User> {
  const throttles = loginThrottlesRepo(app.db);
  const buckets = loginBuckets(username, address);
  const lock = await throttles.lockedUntil([buckets.account, buckets.address], now);
  if (lock) throw new LoginLocked(kindOf(lock.bucket), lock.until, now);

  const user = await usersRepo(app.db).findByUsername(username);
  const ok = await verifyPassword(password, user?.password_hash ?? NO_USER_HASH);
  if (!user || !ok) {
    const accountLock = await throttles.fail(buckets.account, now, LOGIN_THROTTLE.account);
    const addressLock = await throttles.fail(buckets.address, now, LOGIN_THROTTLE.address);
    app.log.warn({ bucket: buckets.account.slice(0, 16), locked: Boolean(accountLock ?? addressLock) }, 'login failed');
    if (accountLock) throw new LoginLocked('account', accountLock, now);
    if (addressLock) throw new LoginLocked('address', addressLock, now);
    throw new HttpError(401, messages.badCredentials, 'BAD_CREDENTIALS');
  }
  await throttles.clear(buckets.account);
  // Told only to whoever knows the password: a deactivated account is not an unknown one.
  if (!user.active) throw new HttpError(403, adminMessages.accountDisabled, 'ACCOUNT_DISABLED');
  return user;
}
