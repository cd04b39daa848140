import type { Kysely } from 'kysely';
import { endOfLocalDay, formatLocalDate, parseLocalDate, periodOf, toLocalDate } from '../domain/calendar/dates.js';
import { campaignMessages as m } from '../domain/campaigns/messages.js';
import { campaignReport, type CampaignReport } from '../domain/campaigns/report.js';
import { FAILURES, permanentFailure } from '../domain/failures.js';
import { DEFAULT_TASK_POLICY, taskSchedule } from '../domain/measures/tasks.js';
import { taskPolicyOf } from '../domain/policy/parse.js';
import type { Database } from '../db/database.js';
import { campaignProblemsRepo } from '../db/repositories/campaign-problems.js';
import { campaignsRepo, rectificationItemKey, type Campaign } from '../db/repositories/campaigns.js';
import { departmentsRepo } from '../db/repositories/departments.js';
import { jurisdictionsRepo } from '../db/repositories/jurisdictions.js';
import { notificationsRepo, type NewNotification } from '../db/repositories/notifications.js';
import { profileInForceIfAny } from './profiles.js';

type Recipient = NewNotification['recipient'];

const dueDay = (dueAt: Date) => formatLocalDate(toLocalDate(dueAt.getTime() - 1));

/** The place or department that carries out a campaign's work for a household. */
function responsibleFor(campaign: Campaign, unit: { town_id: string; village_id: string; department_id: string | null }): Recipient {
  if (campaign.responsible === 'department' && unit.department_id) return { departmentId: unit.department_id };
  if (campaign.responsible === 'town') return { jurisdictionId: unit.town_id, role: 'town_officer' };
  return { jurisdictionId: unit.village_id, role: 'village_cadre' };
}

const recipientKey = (r: Recipient) => ('departmentId' in r ? `department:${r.departmentId}` : `${r.role}:${r.jurisdictionId}`);

export function createCampaignActivities(deps: { db: Kysely<Database> }) {
  const { db } = deps;
  const repo = () => campaignsRepo(db);

  async function campaignOf(id: string): Promise<Campaign> {
    const campaign = await repo().findById(id);
    if (!campaign) throw permanentFailure(FAILURES.invalidInput, m.notFound);
    return campaign;
  }

  /** One message per responsible unit with its count of households (a retry writes none twice). */
  async function notifyUnits(campaign: Campaign, rows: readonly { town_id: string; village_id: string; department_id: string | null; n: string }[], kind: string, at: Date, title: string, body: (n: number) => string) {
    const byUnit = new Map<string, { recipient: Recipient; n: number }>();
    for (const row of rows) {
      const recipient = responsibleFor(campaign, row);
      const key = recipientKey(recipient);
      const unit = byUnit.get(key) ?? { recipient, n: 0 };
      unit.n += Number(row.n);
      byUnit.set(key, unit);
    }
    await notificationsRepo(db).add(
      [...byUnit.entries()].map(([key, unit]) => ({ key: `campaign:${campaign.id}:${kind}:${key}`, countyId: campaign.county_id, recipient: unit.recipient, kind, title, body: body(unit.n), createdAt: at })),
    );
  }

  /**
   * Who receives a campaign's notice: a county-wide one goes to every town and
   * department; one of a town's (or a village's) area to that town and the
   * campaign's department if any, and says which town ordered it when a town's
   * officer did.
   */
  async function noticeRecipients(campaign: Campaign): Promise<{ towns: { id: string }[]; departments: { id: string }[]; orderedBy: string | null }> {
    const lineage = await jurisdictionsRepo(db).lineage(campaign.area_id);
    const town = lineage.find((j) => j.level === 'town');
    if (!town) {
      const towns = await db.selectFrom('jurisdictions').select('id').where('parent_id', '=', campaign.county_id).where('level', '=', 'town').execute();
      return { towns, departments: await departmentsRepo(db).ofCounty(campaign.county_id), orderedBy: null };
    }
    const definer = await db.selectFrom('users').select('jurisdiction_id').where('id', '=', campaign.defined_by).executeTakeFirst();
    return { towns: [{ id: town.id }], departments: campaign.department_id ? [{ id: campaign.department_id }] : [], orderedBy: definer?.jurisdiction_id === town.id ? town.name : null };
  }

  return {
    /** One page of the cohort into the register; after the last page each responsible unit is told its count. */
    async fanOutCampaignPage(input: { campaignId: string; afterSeq: number; size: number; at: number }): Promise<{ lastSeq: number; done: boolean }> {
      const page = await repo().fanOutPage(input.campaignId, input.afterSeq, input.size, new Date(input.at));
      if (page.done) {
        const campaign = await campaignOf(input.campaignId);
        const rows = await db
          .selectFrom('campaign_households')
          .select(['town_id', 'village_id', 'department_id', (eb) => eb.fn.countAll<string>().as('n')])
          .where('campaign_id', '=', campaign.id)
          .groupBy(['town_id', 'village_id', 'department_id'])
          .execute();
        const due = dueDay(campaign.due_at);
        if (campaign.kind === 'screening') await notifyUnits(campaign, rows, 'campaign.launched', new Date(input.at), m.screeningLaunchedTitle, (n) => m.screeningLaunched(campaign.reason, n, due));
        else await notifyUnits(campaign, rows, 'campaign.launched', new Date(input.at), m.launchedTitle, (n) => m.launched(campaign.name, n, due));
      }
      return page;
    },

    /** A household's check and its findings, each problem a rectification due by the end of its date. */
    async recordCampaignCheck(input: {
      campaignId: string;
      householdId: string;
      byUserId: string;
      at: number;
      answers: unknown;
      problems: readonly { kind: string; description: string; rectifyBy: string }[];
    }): Promise<{ recorded: boolean; late: boolean; problems: number }> {
      const member = await repo().cohortMember(input.campaignId, input.householdId);
      if (!member) throw permanentFailure(FAILURES.invalidInput, m.householdNotInCohort);
      const result = await repo().recordCheck({
        campaignId: input.campaignId,
        householdId: input.householdId,
        byUserId: input.byUserId,
        at: new Date(input.at),
        answers: input.answers,
        problems: input.problems.map((p) => ({ kind: p.kind, description: p.description, dueAt: new Date(endOfLocalDay(parseLocalDate(p.rectifyBy))) })),
      });
      return { recorded: result.recorded, late: result.late, problems: input.problems.length };
    },

    async rectifyCampaignProblem(input: { campaignId: string; problemId: string; byUserId: string; at: number; evidence: unknown }): Promise<{ late: boolean }> {
      const problem = await repo().findProblem(input.campaignId, input.problemId);
      if (!problem) throw permanentFailure(FAILURES.invalidInput, m.problemNotFound);
      const row = await repo().rectify({ campaignId: input.campaignId, problemId: input.problemId, byUserId: input.byUserId, at: new Date(input.at), evidence: input.evidence });
      return { late: row.late === true };
    },

    /**
     * What is due at `at`: at the deadline the checks still open are overdue and
     * their units told; each open rectification is reminded before its date,
     * overdue at it (its unit told) and escalated to the county's supervisors
     * some days later, by the county's task policy (like a department's task).
     * Answers the next instant something falls due (the workflow wakes then).
     */
    async sweepCampaign(input: { campaignId: string; at: number }): Promise<{ nextAt: number | null }> {
      const campaign = await campaignOf(input.campaignId);
      const at = new Date(input.at);
      const next: number[] = [];
      if (input.at >= campaign.due_at.getTime()) {
        const open = await repo().markChecksOverdue(campaign.id, campaign.due_at);
        const due = dueDay(campaign.due_at);
        if (campaign.kind === 'screening') await notifyUnits(campaign, open, 'campaign.checks_overdue', campaign.due_at, m.screeningOverdueTitle, (n) => m.screeningOverdue(campaign.reason, n, due));
        else await notifyUnits(campaign, open, 'campaign.checks_overdue', campaign.due_at, m.checksOverdueTitle, (n) => m.checksOverdue(campaign.name, n, due));
      } else next.push(campaign.due_at.getTime());

      const profile = await profileInForceIfAny(db, campaign.county_id, periodOf(input.at));
      const policy = profile ? taskPolicyOf(profile) : DEFAULT_TASK_POLICY;
      // What a problem's level says was sent (the messages go out before the level is raised): at 1 its
      // reminders and the overdue notice, at 2 everything — such a problem is not read again.
      const problems = await campaignProblemsRepo(db).watchedProblems(campaign.id);
      const messages: NewNotification[] = [];
      const overdue: string[] = [];
      const escalated: string[] = [];
      for (const p of problems) {
        const schedule = taskSchedule(policy, p.found_at.getTime(), p.due_at.getTime());
        const due = dueDay(p.due_at);
        const base = { countyId: campaign.county_id, householdId: p.household_id, dueItemKey: rectificationItemKey(campaign.id, p.id) };
        const recipient = responsibleFor(campaign, p);
        if (p.escalation_level < 1) {
          schedule.reminders.forEach((when, i) => {
            if (when <= input.at) messages.push({ ...base, key: `campaign:${campaign.id}:rectify:${p.id}:reminder:${i + 1}`, recipient, kind: 'campaign.rectify_reminder', title: m.rectifyReminderTitle, body: m.rectifyReminder(campaign.name, p.head_name, due), createdAt: new Date(when) });
            else next.push(when);
          });
          if (schedule.overdueAt <= input.at) {
            overdue.push(p.id);
            messages.push({ ...base, key: `campaign:${campaign.id}:rectify:${p.id}:overdue`, recipient, kind: 'campaign.rectify_overdue', title: m.rectifyOverdueTitle, body: m.rectifyOverdue(campaign.name, p.head_name, due), createdAt: new Date(schedule.overdueAt) });
          } else next.push(schedule.overdueAt);
        }
        if (schedule.supervisorsAt <= input.at) {
          escalated.push(p.id);
          messages.push({
            ...base,
            key: `campaign:${campaign.id}:rectify:${p.id}:escalated`,
            recipient: { jurisdictionId: campaign.county_id, role: 'supervisor' },
            kind: 'campaign.rectify_escalated',
            title: m.rectifyEscalatedTitle,
            body: m.rectifyEscalated(campaign.name, p.head_name, p.village_name, due),
            createdAt: new Date(schedule.supervisorsAt),
          });
        } else next.push(schedule.supervisorsAt);
      }
      await notificationsRepo(db).add(messages.filter((msg) => msg.createdAt <= at));
      await campaignProblemsRepo(db).escalate(campaign.id, overdue, 1);
      await campaignProblemsRepo(db).escalate(campaign.id, escalated, 2);
      return { nextAt: next.length ? Math.min(...next) : null };
    },

    /** The close-out: the report and the notice 通报, kept with the campaign and sent to every town's and department's inbox. */
    async closeCampaign(input: { campaignId: string; byUserId: string; at: number }): Promise<CampaignReport> {
      const campaign = await campaignOf(input.campaignId);
      if (campaign.status === 'closed') return campaign.report as CampaignReport;
      const at = new Date(input.at);
      const r = repo();
      const { towns, departments, orderedBy } = await noticeRecipients(campaign);
      const report = campaignReport({
        campaign: {
          id: campaign.id,
          name: campaign.name,
          reason: campaign.reason,
          launchedAt: campaign.launched_at.getTime(),
          dueAt: campaign.due_at.getTime(),
          cohort: campaign.cohort_count,
          ...(orderedBy ? { orderedBy } : {}),
        },
        publishedAt: input.at,
        towns: await r.figures(campaign, 'town', at),
        departments: await r.figures(campaign, 'department', at),
        problemsByKind: await r.problemsByKind(campaign.id),
      });
      const notice = { countyId: campaign.county_id, kind: 'campaign.notice', title: m.noticeTitle(campaign.name), body: m.noticeBody(report), createdAt: at };
      await notificationsRepo(db).add([
        ...towns.map((t) => ({ ...notice, key: `campaign:${campaign.id}:notice:${t.id}`, recipient: { jurisdictionId: t.id, role: 'town_officer' as const } })),
        ...departments.map((d) => ({ ...notice, key: `campaign:${campaign.id}:notice:${d.id}`, recipient: { departmentId: d.id } })),
        { ...notice, key: `campaign:${campaign.id}:notice:supervisors`, recipient: { jurisdictionId: campaign.county_id, role: 'supervisor' as const } },
        { ...notice, key: `campaign:${campaign.id}:notice:leaders`, recipient: { jurisdictionId: campaign.county_id, role: 'leadership_group' as const } },
      ]);
      const closed = await r.close(campaign.id, report, input.byUserId, at);
      return closed.report as CampaignReport;
    },
  };
}
