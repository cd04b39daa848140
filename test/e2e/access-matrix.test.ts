import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../domain/access/roles.js';
import { matrixSetup, PLACE_NAMES, type MatrixHousehold, type Place } from '../helpers/access-matrix.js';
import { useApiOnly } from '../helpers/stack.js';

/**
 * The role × place access matrix (issue 18): every role, against a household of its own village,
 * another village of the same town, another town of the county and another county, on the routes
 * that show a household → the status each must answer. The table is written out, not computed from
 * the rules under test, so that removing any one check (a role check, a jurisdiction check, the
 * department reach) turns a 403 or 404 into a 200 and fails its row. No refusal may carry the
 * household's head name (no leak through error messages).
 */
const stack = useApiOnly();

const ROUTES = ['/households/:id', '/households/:id/members', '/households/:id/file'] as const;

type Row = readonly [ownVillage: number, otherVillage: number, otherTown: number, otherCounty: number];
/** Expected status per role and place, the same on each route of ROUTES. */
const EXPECTED: Record<Role, Row> = {
  //                 own village  other village  other town  other county
  village_cadre: /*   */ [200, 403, 403, 403],
  town_officer: /*    */ [200, 200, 403, 403],
  county_bureau: /*   */ [200, 200, 200, 403],
  // A department reads only the households its tasks concern (department reach); these have none.
  department: /*      */ [403, 403, 403, 403],
  department_head: /* */ [403, 403, 403, 403],
  supervisor: /*      */ [200, 200, 200, 403],
  leadership_group: /**/ [200, 200, 200, 403],
  // Aggregates only, never a household; the system administrator administers, never reads households.
  regional_viewer: /* */ [403, 403, 403, 403],
  system_admin: /*    */ [403, 403, 403, 403],
};

let households: Record<Place, MatrixHousehold>;
let tokens: Record<Role, string>;

beforeAll(async () => {
  ({ households, tokens } = await matrixSetup(stack.t, stack.api));
});

describe('the role × place access matrix', () => {
  const cases = ROLES.flatMap((role) => ROUTES.flatMap((route) => PLACE_NAMES.map((place, i) => ({ role, route, place, status: EXPECTED[role][i]! }))));
  it.each(cases)('$role on $route of a household in $place answers $status', async ({ role, route, place, status }) => {
    const answer = await stack.api.call('GET', route.replace(':id', households[place].id), { token: tokens[role] });
    expect(answer.status).toBe(status);
    if (status !== 200) expect(JSON.stringify(answer.body)).not.toContain(households[place].head);
  });
});

describe('a user without a place lists nothing of any county', () => {
  it('the system administrator’s deadline register and task list hold no county’s items (an empty jurisdiction filtered nothing and listed them all)', async () => {
    for (const place of PLACE_NAMES) {
      const { county_id, town_id, village_id } = (await sql<{ county_id: string; town_id: string; village_id: string }>`
        select county_id, town_id, village_id from households where id = ${households[place].id}`.execute(stack.t.owner)).rows[0]!;
      await sql`insert into due_items (item_key, kind, county_id, town_id, village_id, household_id, period, due_at, opened_at)
        values (${`matrix-${place}`}, 'comparison_follow_up', ${county_id}, ${town_id}, ${village_id}, ${households[place].id}, '2026-11', now() - interval '1 day', now() - interval '20 days')`.execute(stack.t.owner);
    }
    // The county bureau sees its own county's three, so the items are there to be seen.
    const county = await stack.api.call('GET', '/due-items?limit=200', { token: tokens.county_bureau });
    expect(county.status).toBe(200);
    expect(county.body.items.filter((i: { key: string }) => i.key.startsWith('matrix-')).map((i: { key: string }) => i.key).sort()).toEqual(['matrix-otherTown', 'matrix-otherVillage', 'matrix-ownVillage']);
    for (const route of ['/due-items?limit=200', '/tasks?limit=200']) {
      const answer = await stack.api.call('GET', route, { token: tokens.system_admin });
      if (answer.status === 200) expect(answer.body).toMatchObject({ total: 0, items: [] });
      else expect(answer.status).toBe(403);
      for (const place of PLACE_NAMES) expect(JSON.stringify(answer.body)).not.toContain(households[place].head);
    }
  });
});
