import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { idFromOfficialCode, officialCode } from '../../domain/administration/division-codes.js';
import { adminMessages as m } from '../../domain/administration/messages.js';
import { accountsRepo, placesRepo } from '../../db/repositories/administration.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { hashPassword } from '../../platform/passwords.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';
import type { createCountyBody } from '../schemas/admin.js';
import { audit } from './admin-audit.js';
import { COUNTY_PROFILE_PREFIX, profileTemplates } from './admin-places.js';
import { passwordRefusal } from './admin-people.js';

const refused = (message: string) => new HttpError(400, message, 'INVALID_INPUT');

/**
 * A new county, by the system administrator: its province and city (made when
 * missing, checked by name when present), the county with its own copy of the
 * shipped profile it starts from — version 1, in force from the month that
 * profile's own document takes effect (so the county can still enter the line
 * of the current year as a correction, and households carried over from the
 * past have rules for their past months) — and
 * its first county bureau user, who must change the password at first login.
 * One transaction, audited.
 */
export async function createCounty(app: FastifyInstance, user: LoggedInUser, body: z.infer<typeof createCountyBody>) {
  const parsed = idFromOfficialCode(body.divisionCode, 'county');
  if ('problem' in parsed) throw refused(parsed.problem === 'shape' ? m.codeShape : m.codeLevel('county'));
  const countyId = parsed.id;
  const places = placesRepo(app.db);
  const existing = await places.find(countyId);
  if (existing) throw new HttpError(409, m.duplicateCode(officialCode(countyId), existing.name), 'CONFLICT');
  const regions = [
    { id: countyId.slice(0, 2), level: 'province' as const, name: body.provinceName, parentId: null },
    { id: countyId.slice(0, 4), level: 'city' as const, name: body.cityName, parentId: countyId.slice(0, 2) },
  ];
  const missing: (typeof regions)[number][] = [];
  for (const region of regions) {
    const found = await places.find(region.id);
    if (!found) missing.push(region);
    else if (found.name !== region.name) throw refused(m.regionNameMismatch(region.level, found.name));
  }
  const template = (await policyProfilesRepo(app.db).latestVersions()).find((p) => p.id === body.profileId);
  if (!template || !(await profileTemplates(app)).some((t) => t.id === body.profileId)) throw refused(m.profileUnknown);
  if (await accountsRepo(app.db).usernameTaken(body.bureauUsername)) throw new HttpError(409, m.usernameTaken, 'CONFLICT');
  passwordRefusal(body.bureauPassword, body.bureauUsername);
  const passwordHash = await hashPassword(body.bureauPassword);
  const profileId = `${COUNTY_PROFILE_PREFIX}${countyId}`;
  const effectiveFrom = template.effective_from;
  const profile = { ...(template.body as Record<string, unknown>), id: profileId, version: 1, effectiveFrom, countyName: body.countyName };
  return app.db.transaction().execute(async (trx) => {
    for (const region of missing) {
      await placesRepo(trx).insert(region);
      await audit(trx, user, { countyId: null, action: 'place.created', subjectKind: 'place', subjectId: region.id, before: null, after: region });
    }
    await policyProfilesRepo(trx).addMissing([{ id: profileId, version: 1, effectiveFrom, countyName: body.countyName, body: profile }]);
    await placesRepo(trx).insert({ id: countyId, parentId: countyId.slice(0, 4), level: 'county', name: body.countyName, policyProfileId: profileId });
    const bureau = await accountsRepo(trx).insert({
      username: body.bureauUsername,
      displayName: body.bureauDisplayName,
      role: 'county_bureau',
      jurisdictionId: countyId,
      departmentId: null,
      passwordHash,
      mustChangePassword: true,
    });
    await audit(trx, user, {
      countyId,
      action: 'county.created',
      subjectKind: 'county',
      subjectId: countyId,
      before: null,
      after: { name: body.countyName, profile: { from: template.id, fromVersion: template.version, id: profileId, version: 1, effectiveFrom } },
    });
    await audit(trx, user, { countyId, action: 'user.created', subjectKind: 'user', subjectId: bureau.id, before: null, after: { username: bureau.username, role: bureau.role, jurisdictionId: countyId } });
    return { id: countyId, name: body.countyName, divisionCode: officialCode(countyId), profileId };
  });
}

export async function countiesList(app: FastifyInstance) {
  const rows = await placesRepo(app.db).counties();
  return rows.map((c) => ({ id: c.id, name: c.name, divisionCode: officialCode(c.id), profileId: c.policy_profile_id }));
}

