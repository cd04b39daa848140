import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ROLE_NAMES, type Role } from '../../domain/access/roles.js';
import { adminMessages as m, PASSWORD_PROBLEM_MESSAGES } from '../../domain/administration/messages.js';
import { passwordProblem } from '../../domain/administration/passwords.js';
import { CREATABLE_ROLES, needsDepartment, ROLE_LEVELS } from '../../domain/administration/roles.js';
import { accountsRepo, placesRepo } from '../../db/repositories/administration.js';
import { departmentsRepo } from '../../db/repositories/departments.js';
import { departmentMessages } from '../../domain/administration/department-messages.js';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';
import type { accountView, createUserBody } from '../schemas/admin.js';
import { audit, countyOfPlace } from './admin-audit.js';

const refused = (message: string) => new HttpError(400, message, 'INVALID_INPUT');

/** 400 with the rule a chosen password breaks. */
export function passwordRefusal(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw refused(PASSWORD_PROBLEM_MESSAGES[problem]);
}

type Account = NonNullable<Awaited<ReturnType<ReturnType<typeof accountsRepo>['find']>>>;

export const accountViewOf = (a: Account): z.infer<typeof accountView> => ({
  id: a.id,
  username: a.username,
  displayName: a.display_name,
  role: a.role,
  jurisdictionId: a.jurisdiction_id,
  departmentId: a.department_id,
  active: a.active,
  mustChangePassword: a.must_change_password,
});

/** What an account looks like in the audit: never its password. */
const audited = (a: Account) => ({ username: a.username, displayName: a.display_name, role: a.role, jurisdictionId: a.jurisdiction_id, departmentId: a.department_id, active: a.active });

/** Whether the administering user may manage `account`: the bureau its county's accounts, the system administrator every other. */
function manages(user: LoggedInUser, account: Account): boolean {
  if (user.role === 'system_admin') return account.id !== user.userId;
  return user.jurisdictionId !== '' && (account.jurisdiction_id ?? '').startsWith(user.jurisdictionId);
}

async function managedAccount(app: FastifyInstance, user: LoggedInUser, id: string): Promise<Account> {
  const account = await accountsRepo(app.db).find(id);
  if (!account) throw new HttpError(404, m.userNotFound, 'NOT_FOUND');
  if (!manages(user, account)) throw new HttpError(403, m.userOutside, 'FORBIDDEN');
  return account;
}

export async function accountsOf(app: FastifyInstance, user: LoggedInUser) {
  return (await accountsRepo(app.db).ofCounty(user.jurisdictionId)).map(accountViewOf);
}

/** A new account, which must choose its own password at first login; audited. */
export async function createAccount(app: FastifyInstance, user: LoggedInUser, body: z.infer<typeof createUserBody>) {
  const role: Role = body.role;
  if (!(CREATABLE_ROLES[user.role] ?? []).includes(role)) throw new HttpError(403, m.roleNotCreatable(ROLE_NAMES[role]), 'FORBIDDEN');
  const place = await placesRepo(app.db).find(body.jurisdictionId);
  if (!place) throw refused(m.placeNotFound);
  if (user.role !== 'system_admin' && !place.id.startsWith(user.jurisdictionId)) throw new HttpError(403, m.outsideCounty, 'FORBIDDEN');
  if (place.retired_at) throw refused(m.placeRetired(place.name));
  const levels = ROLE_LEVELS[role];
  if (!(levels as readonly string[]).includes(place.level)) throw refused(m.rolePlace(ROLE_NAMES[role], levels));
  if (needsDepartment(role) && !body.departmentId) throw refused(m.departmentRequired);
  if (!needsDepartment(role) && body.departmentId) throw refused(m.departmentNotWanted);
  if (body.departmentId) {
    const department = await departmentsRepo(app.db).findById(body.departmentId);
    if (!department || department.county_id !== place.id) throw refused(m.departmentNotFound);
    if (department.retired_at) throw refused(departmentMessages.retired(department.name));
  }
  if (await accountsRepo(app.db).usernameTaken(body.username)) throw new HttpError(409, m.usernameTaken, 'CONFLICT');
  passwordRefusal(body.password, body.username);
  const passwordHash = await hashPassword(body.password);
  return app.db.transaction().execute(async (trx) => {
    const account = await accountsRepo(trx).insert({
      username: body.username,
      displayName: body.displayName,
      role,
      jurisdictionId: place.id,
      departmentId: body.departmentId ?? null,
      passwordHash,
      mustChangePassword: true,
    });
    await audit(trx, user, { countyId: countyOfPlace(place.id), action: 'user.created', subjectKind: 'user', subjectId: account.id, before: null, after: audited(account) });
    return accountViewOf(account);
  });
}

/** Deactivates (ending every session) or activates an account; audited. */
export async function setAccountActive(app: FastifyInstance, user: LoggedInUser, id: string, active: boolean) {
  const account = await managedAccount(app, user, id);
  if (!active && account.id === user.userId) throw refused(m.notSelf);
  if (account.active === active) throw refused(active ? m.alreadyActive : m.alreadyInactive);
  if (active && account.department_id) {
    const department = await departmentsRepo(app.db).findById(account.department_id);
    if (department?.retired_at) throw refused(departmentMessages.retired(department.name));
  }
  const at = new Date();
  await app.db.transaction().execute(async (trx) => {
    await accountsRepo(trx).setActive(id, active);
    if (!active) await accountsRepo(trx).revokeSessions(id, at);
    await audit(trx, user, {
      countyId: countyOfPlace(account.jurisdiction_id),
      action: active ? 'user.activated' : 'user.deactivated',
      subjectKind: 'user',
      subjectId: id,
      before: { active: account.active },
      after: { active },
    });
  });
  return accountViewOf({ ...account, active });
}

/** A new password set by the administrator: the account's sessions end and the next login must change it; audited (never the password). */
export async function resetPassword(app: FastifyInstance, user: LoggedInUser, id: string, password: string) {
  const account = await managedAccount(app, user, id);
  passwordRefusal(password, account.username);
  const hash = await hashPassword(password);
  const at = new Date();
  await app.db.transaction().execute(async (trx) => {
    await accountsRepo(trx).setPassword(id, hash, true, at);
    await accountsRepo(trx).revokeSessions(id, at);
    await audit(trx, user, { countyId: countyOfPlace(account.jurisdiction_id), action: 'user.password_reset', subjectKind: 'user', subjectId: id, before: { mustChangePassword: account.must_change_password }, after: { mustChangePassword: true } });
  });
  return accountViewOf({ ...account, must_change_password: true });
}

/** The user's own new password: the current one must be right, and the new one not the same; audited. */
export async function changeOwnPassword(app: FastifyInstance, user: LoggedInUser, current: string, next: string): Promise<void> {
  const hash = await accountsRepo(app.db).passwordHash(user.userId);
  if (!hash || !(await verifyPassword(current, hash))) throw refused(m.currentPasswordWrong);
  if (await verifyPassword(next, hash)) throw refused(m.passwordReused);
  passwordRefusal(next, user.username);
  const nextHash = await hashPassword(next);
  const account = await accountsRepo(app.db).find(user.userId);
  await app.db.transaction().execute(async (trx) => {
    await accountsRepo(trx).setPassword(user.userId, nextHash, false, new Date());
    await audit(trx, user, {
      countyId: countyOfPlace(user.jurisdictionId),
      action: 'user.password_changed',
      subjectKind: 'user',
      subjectId: user.userId,
      before: { mustChangePassword: account?.must_change_password ?? false },
      after: { mustChangePassword: false },
    });
  });
}
