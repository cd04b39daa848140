import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../domain/access/roles.js';
import { matrixSetup, type MatrixHousehold, type Place } from '../helpers/access-matrix.js';
import { thisMonth, today } from '../helpers/journeys.js';
import { useApiOnly } from '../helpers/stack.js';

/**
 * The access matrix over the route table (issue 18): every operation the API
 * documents on one household — reads and writes — × every role × a household
 * inside the user's jurisdiction, one outside it (another county) and an id
 * that does not exist. The operations come from the app's own OpenAPI document,
 * so a new household route joins the matrix or fails it (it must be given a
 * body below). Each write is sent a body that passes validation, so that the
 * answer is the access check's and not the validator's (Fastify validates
 * before the preHandler that checks access).
 *
 * Refused: everything outside the jurisdiction and every unknown id, for every
 * role (403 or 404, never the validator's 400: a refusal there also proves the
 * body valid); everything on a household the role may not read, writes too. No
 * answer that refuses carries the household's head name, address or id. What
 * the readers may do on their own households is test/e2e/access-matrix.test.ts's
 * table. No Temporal server: nothing refused here reaches one.
 */
const stack = useApiOnly();

/** The roles that read a household of their own village (test/e2e/access-matrix.test.ts has the full table). */
const READS_OWN_VILLAGE: ReadonlySet<Role> = new Set(['village_cadre', 'town_officer', 'county_bureau', 'supervisor', 'leadership_group']);

const evidence = [{ title: '走访记录' }];
/** A body that passes validation, for each write (an empty object where the body is optional); undefined: none. */
const BODIES: Record<string, unknown> = {
  'PUT /households/{id}/responsible': { userId: null },
  'POST /households/{id}/identification': { channel: 'cadre_visit', reason: '走访发现户主患病' },
  'POST /households/{id}/identification/application': { statement: '户主患病', riskCauses: ['illness'], survey: { memberCount: 2, income: [], spending: [] }, evidence },
  'POST /households/{id}/identification/decisions': { step: 'village_review', decision: 'approve', opinion: '评议通过', participants: ['村民小组长'] },
  'POST /households/{id}/identification/objections': { objector: '村民甲', content: '情况不实' },
  'POST /households/{id}/members': { name: '矩阵成员', idNumber: '11010519491231002X', relation: 'spouse', labourAbility: 'capable' },
  'PATCH /households/{id}/members/{memberId}': { labourAbility: 'weak' },
  'POST /households/{id}/members/{memberId}/leave': { leavingReason: 'moved_out', leftOn: today(), evidence },
  'POST /households/{id}/monthly-updates': { period: thisMonth() },
  'POST /households/{id}/visits': { period: thisMonth(), visitedOn: today(), findings: '家中正常' },
  'POST /households/{id}/elimination': { statement: '收入稳定', evidence },
  'POST /households/{id}/elimination/decisions': { step: 'town_audit', decision: 'approve', opinion: '同意' },
  'POST /households/{id}/elimination/objections': { objector: '村民甲', content: '情况不实' },
  'POST /households/{id}/elimination/rollback': { reason: '返贫风险' },
  'POST /households/{id}/plan/draft': undefined,
  'POST /households/{id}/plan': { measures: [{ code: 'dibao_pension' }] },
  'POST /households/{id}/tasks/{key}/reassign': { departmentId: randomUUID() },
  'POST /households/{id}/tasks/{key}/waive': { reason: '不再需要' },
  'POST /households/{id}/consents': { signerName: '矩阵户主', signedOn: today(), covers: ['income'], document: '授权书扫描件' },
  'POST /households/{id}/consents/{consentId}/withdrawal': { note: '本人撤回' },
};

interface Operation {
  readonly method: string;
  /** As documented, without the /api prefix: /households/{id}/visits. */
  readonly path: string;
}

let households: Record<Place, MatrixHousehold>;
let tokens: Record<Role, string>;
let operations: Operation[];

beforeAll(async () => {
  ({ households, tokens } = await matrixSetup(stack.t, stack.api));
  const document = stack.api.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(document.paths)
    .filter(([path]) => /^\/api(\/exports)?\/households\/\{id\}/.test(path))
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path: path.slice('/api'.length) })));
});

const key = (op: Operation) => `${op.method} ${op.path}`;
const urlOf = (op: Operation, householdId: string) =>
  op.path.replace('{id}', householdId).replace('{memberId}', randomUUID()).replace('{consentId}', '1').replace('{key}', `task-${householdId}-1-dibao_pension-1`);

async function send(op: Operation, role: Role, householdId: string) {
  const body = op.method === 'GET' ? undefined : (BODIES[key(op)] ?? undefined);
  return stack.api.call(op.method, urlOf(op, householdId), { token: tokens[role], ...(body === undefined ? {} : { body }) });
}

const leaks = (answer: { body: unknown }, h: MatrixHousehold) => {
  const text = JSON.stringify(answer.body ?? '');
  return text.includes(h.head) || text.includes(h.address) || text.includes(h.id.slice(0, 8)) ? text : undefined;
};
const REFUSED = [403, 404];

describe('the access matrix over every household route', () => {
  it('covers every household operation, each write with a body that passes validation', () => {
    expect(operations.length).toBeGreaterThan(25);
    const writes = operations.filter((op) => op.method !== 'GET').map(key);
    expect(writes.filter((w) => !(w in BODIES))).toEqual([]);
  });

  it('refuses every role on every operation outside its jurisdiction and on unknown ids, and leaks nothing', async () => {
    const problems: string[] = [];
    for (const op of operations) {
      for (const role of ROLES) {
        const outside = await send(op, role, households.otherCounty.id);
        if (!REFUSED.includes(outside.status)) problems.push(`${role} ${key(op)} outside: ${outside.status}`);
        const leaked = leaks(outside, households.otherCounty);
        if (leaked) problems.push(`${role} ${key(op)} outside leaks: ${leaked}`);
        const unknown = await send(op, role, randomUUID());
        if (!REFUSED.includes(unknown.status)) problems.push(`${role} ${key(op)} unknown id: ${unknown.status}`);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('refuses every operation, writes too, on a household of its own village to the roles that may not read it', async () => {
    const problems: string[] = [];
    for (const op of operations) {
      for (const role of ROLES.filter((r) => !READS_OWN_VILLAGE.has(r))) {
        const inside = await send(op, role, households.ownVillage.id);
        if (!REFUSED.includes(inside.status)) problems.push(`${role} ${key(op)} inside: ${inside.status}`);
        const leaked = leaks(inside, households.ownVillage);
        if (leaked) problems.push(`${role} ${key(op)} inside leaks: ${leaked}`);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
