/**
 * A department renamed or retired by the county bureau — never deleted. Retiring
 * is refused, in words, while anything still needs the department: an active
 * account, an unfinished task, an open register item, or a policy version in
 * force now or later whose measure catalogue has it lead a measure. Its webhook
 * stops with it. Each change is audited in the same transaction.
 */
import type { FastifyInstance } from 'fastify';
import { periodOf } from '../../domain/calendar/dates.js';
import { departmentMessages as dm } from '../../domain/administration/department-messages.js';
import { measuresLedBy } from '../../domain/measures/catalogue.js';
import { catalogueOf, parseProfile } from '../../domain/policy/parse.js';
import { departmentAdminRepo } from '../../db/repositories/administration.js';
import { notificationChannelsRepo } from '../../db/repositories/notification-channels.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';
import { audit } from './admin-audit.js';
import { ownDepartment } from './admin-departments.js';

const refused = (message: string) => new HttpError(409, message, 'CONFLICT');

export async function renameDepartment(app: FastifyInstance, user: LoggedInUser, id: string, name: string) {
  const department = await ownDepartment(app, user, id);
  if (department.name === name) throw new HttpError(400, dm.sameName, 'INVALID_INPUT');
  const others = await departmentAdminRepo(app.db).ofCounty(user.jurisdictionId);
  if (others.some((d) => d.id !== id && d.retired_at === null && d.name === name)) throw new HttpError(409, dm.nameTaken(name), 'CONFLICT');
  return app.db.transaction().execute(async (trx) => {
    const row = await departmentAdminRepo(trx).rename(id, name);
    if (!row) throw refused(dm.retired(department.name));
    await audit(trx, user, { countyId: user.jurisdictionId, action: 'department.renamed', subjectKind: 'department', subjectId: id, before: { name: department.name }, after: { name } });
    const channel = await notificationChannelsRepo(trx).activeWebhook(id);
    return { id, code: row.code, name: row.name, webhookUrl: channel?.url ?? null, webhookSigned: (channel?.secret ?? null) !== null, retiredAt: null };
  });
}

/** The measures a department leads in the county's versions in force now or later, by version. */
async function measuresLed(app: FastifyInstance, countyId: string, code: string, now: number) {
  const bodies = await departmentAdminRepo(app.db).profileBodiesFrom(countyId, periodOf(now));
  for (const { version, body } of bodies) {
    const parsed = parseProfile(body);
    if (!parsed.ok) continue;
    const led = measuresLedBy(catalogueOf(parsed.profile), code);
    if (led.length > 0) return { version, names: led.map((m) => m.name) };
  }
  return undefined;
}

export async function retireDepartment(app: FastifyInstance, user: LoggedInUser, id: string) {
  const department = await ownDepartment(app, user, id);
  const now = Date.now();
  const led = await measuresLed(app, user.jurisdictionId, department.code, now);
  if (led) throw refused(dm.leadsMeasures(department.name, led.version, led.names));
  return app.db.transaction().execute(async (trx) => {
    const repo = departmentAdminRepo(trx);
    const locked = await repo.findForUpdate(id);
    if (!locked || locked.retired_at) throw refused(dm.retired(department.name));
    const refs = await repo.references(id);
    const what = [...(refs.users ? [dm.activeUsers(refs.users)] : []), ...(refs.tasks ? [dm.openTasks(refs.tasks)] : []), ...(refs.items ? [dm.openItems(refs.items)] : [])];
    if (what.length > 0) throw refused(dm.stillReferred(department.name, what));
    const channels = notificationChannelsRepo(trx);
    const webhook = await channels.activeWebhook(id);
    if (webhook) {
      await channels.deactivateWebhook(id);
      await audit(trx, user, { countyId: user.jurisdictionId, action: 'channel.disabled', subjectKind: 'channel', subjectId: id, before: { department: department.name, url: webhook.url }, after: { department: department.name, url: null } });
    }
    const at = new Date(now);
    await repo.retire(id, at);
    await audit(trx, user, { countyId: user.jurisdictionId, action: 'department.retired', subjectKind: 'department', subjectId: id, before: { name: department.name, retiredAt: null }, after: { name: department.name, retiredAt: at.toISOString() } });
    return { id, code: department.code, name: department.name, webhookUrl: null, webhookSigned: false, retiredAt: at.toISOString() };
  });
}
