import type { FastifyInstance } from 'fastify';
import { mayDo } from '../../domain/access/actions.js';
import { FAILURES } from '../../domain/failures.js';
import { isOpenStatus } from '../../domain/measures/tasks.js';
import { planMessages, taskMessages, taskStatusNames } from '../../domain/measures/task-messages.js';
import { departmentsRepo } from '../../db/repositories/departments.js';
import { measureTasksRepo } from '../../db/repositories/measure-tasks.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';

/** The open task, when the user is of its department; 403, 404 or 409 otherwise. */
export async function taskOfDepartment(app: FastifyInstance, key: string, user: LoggedInUser) {
  if (!mayDo(user, 'actOnTask') || !user.departmentId) throw new HttpError(403, taskMessages.notDepartmentUser, 'FORBIDDEN');
  const task = await measureTasksRepo(app.db).findByKey(key);
  if (!task) throw new HttpError(404, taskMessages.taskNotFound, 'NOT_FOUND');
  if (task.department_id !== user.departmentId) throw new HttpError(403, taskMessages.notYourDepartment, 'FORBIDDEN');
  if (!isOpenStatus(task.status)) throw new HttpError(409, taskMessages.taskClosed(taskStatusNames[task.status]), FAILURES.wrongStep);
  return task;
}

/** Departments chosen by hand must be the household's county's: refused with a clear message before the workflow sees them. */
export async function checkDepartments(app: FastifyInstance, countyId: string, ids: readonly (string | undefined)[]): Promise<void> {
  const wanted = ids.filter((id): id is string => id !== undefined);
  if (wanted.length === 0) return;
  const known = new Set((await departmentsRepo(app.db).ofCounty(countyId)).map((d) => d.id));
  if (wanted.some((id) => !known.has(id))) throw new HttpError(400, planMessages.departmentNotInCounty, 'INVALID_INPUT');
}
