import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { groupId, idFromOfficialCode, nextGroupNumber, officialCode, PARENT_LEVEL, placementProblem, type PlaceLevel } from '../../domain/administration/division-codes.js';
import { adminMessages as m } from '../../domain/administration/messages.js';
import { placesRepo } from '../../db/repositories/administration.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';
import type { createPlaceBody, placeNode } from '../schemas/admin.js';
import { audit, countyOfPlace } from './admin-audit.js';

const refused = (message: string) => new HttpError(400, message, 'INVALID_INPUT');

/** The place, if it lies in the county the bureau user administers; 404 otherwise. */
export async function placeInCounty(app: FastifyInstance, user: LoggedInUser, id: string) {
  const place = await placesRepo(app.db).find(id);
  if (!place) throw new HttpError(404, m.placeNotFound, 'NOT_FOUND');
  if (!id.startsWith(user.jurisdictionId) || user.jurisdictionId === '') throw new HttpError(403, m.outsideCounty, 'FORBIDDEN');
  return place;
}

const view = (p: { id: string; parent_id: string | null; level: string; name: string; retired_at: Date | null }): z.infer<typeof placeNode> => ({
  id: p.id,
  parentId: p.parent_id,
  level: p.level,
  name: p.name,
  divisionCode: p.level === 'group' ? null : officialCode(p.id),
  retired: p.retired_at !== null,
});

/** The places from the user's own down (a village cadre's village and its groups; the county bureau's whole county); retired ones only when asked. */
export async function placeTreeOf(app: FastifyInstance, user: LoggedInUser, all: boolean) {
  const rows = await placesRepo(app.db).subtree(user.jurisdictionId);
  const levels: readonly string[] = user.jurisdictionId === '' ? ['province', 'city', 'county'] : [];
  return {
    rootId: user.jurisdictionId,
    places: rows.filter((p) => (all || p.retired_at === null) && (levels.length === 0 || levels.includes(p.level))).map(view),
  };
}

/** A town or village by its official code, or a village group numbered by the system; audited. */
export async function createPlace(app: FastifyInstance, user: LoggedInUser, body: z.infer<typeof createPlaceBody>) {
  const repo = placesRepo(app.db);
  const parent = await repo.find(body.parentId);
  if (!parent) throw refused(m.parentNotFound);
  if (!parent.id.startsWith(user.jurisdictionId)) throw new HttpError(403, m.outsideCounty, 'FORBIDDEN');
  if (parent.retired_at) throw refused(m.placeRetired(parent.name));
  const level: PlaceLevel = body.level;
  const wanted = PARENT_LEVEL[level]!;
  if (parent.level !== wanted) throw refused(m.parentLevel(level, wanted));
  let id: string;
  if (level === 'group') {
    const n = nextGroupNumber(await repo.childIds(parent.id));
    if (n === undefined) throw refused(m.groupsFull);
    id = groupId(parent.id, n);
  } else {
    if (!body.divisionCode) throw refused(m.codeShape);
    const parsed = idFromOfficialCode(body.divisionCode, level);
    if ('problem' in parsed) throw refused(parsed.problem === 'shape' ? m.codeShape : m.codeLevel(level));
    id = parsed.id;
    if (placementProblem(id, level, parent)) throw refused(m.codeNotUnderParent(parent.name, parent.id));
  }
  const existing = await repo.find(id);
  if (existing) throw new HttpError(409, m.duplicateCode(level === 'group' ? id : officialCode(id), existing.name), 'CONFLICT');
  const created = { id, parentId: parent.id, level, name: body.placeName };
  await app.db.transaction().execute(async (trx) => {
    await placesRepo(trx).insert(created);
    await audit(trx, user, { countyId: countyOfPlace(id), action: 'place.created', subjectKind: 'place', subjectId: id, before: null, after: created });
  });
  return view({ id, parent_id: parent.id, level, name: body.placeName, retired_at: null });
}

export async function renamePlace(app: FastifyInstance, user: LoggedInUser, id: string, name: string) {
  const place = await placeInCounty(app, user, id);
  if (place.name === name) throw refused(m.sameName);
  await app.db.transaction().execute(async (trx) => {
    await placesRepo(trx).rename(id, name);
    await audit(trx, user, { countyId: countyOfPlace(id), action: 'place.renamed', subjectKind: 'place', subjectId: id, before: { name: place.name }, after: { name } });
  });
  return view({ ...place, name });
}

/** Retires a place nothing refers to any more: no child still in use, no active account, no household (their files stay forever). */
export async function retirePlace(app: FastifyInstance, user: LoggedInUser, id: string) {
  const place = await placeInCounty(app, user, id);
  if (place.level === 'county') throw refused(m.countyNotRetired);
  if (place.retired_at) throw refused(m.alreadyRetired);
  const refs = await placesRepo(app.db).references(id);
  if (refs.children > 0) throw refused(m.hasChildren(refs.children));
  if (refs.users > 0) throw refused(m.hasUsers(refs.users));
  if (refs.households > 0) throw refused(m.hasHouseholds(refs.households));
  const at = new Date();
  await app.db.transaction().execute(async (trx) => {
    await placesRepo(trx).retire(id, at);
    await audit(trx, user, { countyId: countyOfPlace(id), action: 'place.retired', subjectKind: 'place', subjectId: id, before: { retired: false }, after: { retired: true } });
  });
  return view({ ...place, retired_at: at });
}

/** The shipped profiles a new county may start from (the counties' own copies are not templates). */
export async function profileTemplates(app: FastifyInstance) {
  const rows = await policyProfilesRepo(app.db).latestVersions();
  return rows.filter((r) => !r.id.startsWith(COUNTY_PROFILE_PREFIX)).map((r) => ({ id: r.id, countyName: r.county_name, version: r.version, effectiveFrom: r.effective_from }));
}

/** A county's own profile: a copy of the template it started from, under an id of its own. */
export const COUNTY_PROFILE_PREFIX = 'county-';
