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
