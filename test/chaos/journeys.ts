/**
 * Households taken through the county's procedure over HTTP while processes
 * die: registration, the month's visit, identification to the county's
 * decision, the assistance plan and the department accepting its task. Each
 * step is sent as the console sends it: with an Idempotency-Key made once for
 * the action and sent again, unchanged, after a dropped connection, a timeout,
 * 502, 503 or 504, until the system answers; after a 500 (an answer, to the
 * console) the clerk tries again, which is a new action with a new key.
 */
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { DEMO_USERS, DONGGANG, thisMonth, today } from '../helpers/journeys.js';

export type Who = 'cadre' | 'town' | 'county' | 'mz';

export interface Journey {
  readonly index: number;
  readonly headName: string;
  householdId?: string;
  taskKey?: string;
  /** The steps the system answered with success, by name. */
  readonly accepted: string[];
  /** A step the system refused (a 4xx it should not have given): the journey stops there. */
  refused?: { step: string; status: number; message: string };
  /** A step still unanswered when the run's time was up. */
  unfinished?: string;
}

interface Step {
  readonly name: string;
  readonly who: Who;
  readonly method: 'POST';
  path(j: Journey): string;
  body(j: Journey): unknown;
  /** Statuses of an answer that means "not yet" for this step (its task's workflow is still starting): sent again. */
  readonly notYet?: readonly number[];
  /** What the step's answer tells the rest of the journey. */
  took?(j: Journey, body: any): void;
}

const decision = (step: string, extra: Record<string, unknown>) => ({ step, decision: 'approve', ...extra });

/** The steps, in order; each names the file entry it must leave exactly once (audit.ts). */
export const STEPS: readonly Step[] = [
  {
    name: 'register',
    who: 'cadre',
    method: 'POST',
    path: () => '/households',
    body: (j) => ({ villageId: DONGGANG, address: `东岗村一组${j.index + 1}号`, headName: j.headName, category: 'lifted_out', channel: 'cadre_visit' }),
    took: (j, body) => {
      j.householdId = body.id;
    },
  },
  { name: 'visit', who: 'town', method: 'POST', path: (j) => `/households/${j.householdId}/visits`, body: () => ({ period: thisMonth(), visitedOn: today(), findings: '家中正常，务工收入稳定' }) },
  { name: 'open identification', who: 'cadre', method: 'POST', path: (j) => `/households/${j.householdId}/identification`, body: () => ({ channel: 'application', reason: '农户申报：户主患病' }) },
  {
    name: 'application',
    who: 'cadre',
    method: 'POST',
    path: (j) => `/households/${j.householdId}/identification/application`,
    body: () => ({
      statement: '户主患慢性病，收入下降，申请纳入监测',
      riskCauses: ['illness'],
      survey: { memberCount: 3, income: [{ period: thisMonth(), kind: 'wages', yuan: 900 }], spending: [{ period: thisMonth(), kind: 'medical', yuan: 8000, rigid: true }] },
      evidence: [{ title: '门诊病历' }],
    }),
  },
  { name: 'village review', who: 'cadre', method: 'POST', path: (j) => `/households/${j.householdId}/identification/decisions`, body: () => decision('village_review', { opinion: '评议通过', participants: ['村民小组长'] }) },
  { name: 'town audit', who: 'town', method: 'POST', path: (j) => `/households/${j.householdId}/identification/decisions`, body: () => decision('town_audit', { opinion: '审核同意' }) },
  {
    name: 'county decision',
    who: 'county',
    method: 'POST',
    path: (j) => `/households/${j.householdId}/identification/decisions`,
    body: () => decision('county_decision', { opinion: '确定为监测对象', category: 'unstable', riskCauses: ['illness'] }),
  },
  {
    name: 'plan',
    who: 'town',
    method: 'POST',
    path: (j) => `/households/${j.householdId}/plan`,
    body: () => ({ measures: [{ code: 'dibao_pension' }] }),
    took: (j, body) => {
      j.taskKey = body.tasks[0].taskKey;
    },
  },
  { name: 'accept task', who: 'mz', method: 'POST', path: (j) => `/tasks/${j.taskKey}/accept`, body: () => ({}), notYet: [404] },
];

/** Statuses after which the console sends the same action again, with its key (web/src/app/api.ts: UNANSWERED). */
const RESEND = new Set([502, 503, 504]);

export interface Traffic {
  /** Steps begun (each step once, however often it is resent): the kill points count these. */
  stepsStarted: number;
  /** Requests sent, resends included. */
  requests: number;
  resends: number;
  /** Steps tried again under a new key after a 500, as a clerk does once the console has said it failed. */
  newActions: number;
  /** Answers by status ('network' for a dropped connection or a timeout). */
  readonly answers: Map<string, number>;
}

export const newTraffic = (): Traffic => ({ stepsStarted: 0, requests: 0, resends: 0, newActions: 0, answers: new Map() });

const count = (traffic: Traffic, what: string) => traffic.answers.set(what, (traffic.answers.get(what) ?? 0) + 1);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Logs each demo user in once, resending while the system is down. */
export async function logIn(apiBase: string, until: number): Promise<Record<Who, string>> {
  const users: Record<Who, string> = { cadre: DEMO_USERS.cadre, town: DEMO_USERS.town, county: DEMO_USERS.county, mz: DEMO_USERS.mz };
  const tokens = {} as Record<Who, string>;
  for (const [who, username] of Object.entries(users) as [Who, string][]) {
    for (;;) {
      if (Date.now() > until) throw new Error(`could not log ${username} in`);
      const answer = await fetch(`${apiBase}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) }).then(
        async (r) => ({ status: r.status, body: (await r.json().catch(() => null)) as { token?: string } | null }),
        () => undefined,
      );
      if (answer?.status === 200 && answer.body?.token) {
        tokens[who] = answer.body.token;
        break;
      }
      await pause(250);
    }
  }
  return tokens;
}

/**
 * One household's journey, each step resent with its key until answered;
 * stops at a refusal, and at `until` (a bound for a stuck system, not a timing expectation).
 */
export async function travel(apiBase: string, tokens: Record<Who, string>, journey: Journey, traffic: Traffic, until: number): Promise<void> {
  for (const step of STEPS) {
    traffic.stepsStarted += 1;
    const newKey = () => `chaos-${journey.index}-${randomBytes(8).toString('hex')}`;
    let key = newKey();
    const body = JSON.stringify(step.body(journey));
    for (let attempt = 0; ; attempt++) {
      if (Date.now() > until) {
        journey.unfinished = step.name;
        return;
      }
      if (attempt > 0) {
        traffic.resends += 1;
        await pause(250);
      }
      traffic.requests += 1;
      const answer = await fetch(`${apiBase}/api${step.path(journey)}`, {
        method: step.method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[step.who]}`, 'idempotency-key': key },
        body,
        // The console waits as long as the connection lasts; a bound keeps a lost answer from hanging the run.
        signal: AbortSignal.timeout(120_000),
      }).then(
        async (r) => ({ status: r.status, body: (await r.json().catch(() => null)) as any }),
        () => undefined,
      );
      count(traffic, answer ? String(answer.status) : 'network');
      if (!answer || RESEND.has(answer.status) || step.notYet?.includes(answer.status)) continue;
      if (answer.status === 500) {
        // The console takes a 500 as an answer and forgets the key: the clerk, told it failed, tries again — a new action.
        traffic.newActions += 1;
        key = newKey();
        continue;
      }
      if (answer.status >= 200 && answer.status < 300) {
        step.took?.(journey, answer.body);
        journey.accepted.push(step.name);
        break;
      }
      journey.refused = { step: step.name, status: answer.status, message: String(answer.body?.message ?? '') };
      return;
    }
  }
}

/** Head names that are each the household's own (the audit finds households by them): 混沌 and the index in Chinese digits. */
export function headNameOf(index: number): string {
  const digits = '零一二三四五六七八九';
  return `混沌${[...String(index)].map((d) => digits[Number(d)]).join('')}`;
}
