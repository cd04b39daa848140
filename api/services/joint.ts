/**
 * Joint identification with 民政 统筹认定: a household's marks as 低保 / 特困
 * (kept by the monthly feed, db/repositories/assistance-marks.ts) shown beside
 * the system's own judgement on the same income calculation — the household's
 * latest recorded assessment, by the rule the monitoring uses — and whether a
 * marked household the assessment qualifies is still not monitored.
 */
import type { FastifyInstance } from 'fastify';
import { comparisonMessages as m } from '../../domain/comparison/messages.js';
import { qualifiesForMonitoring, type AssessmentSummary } from '../../domain/monitoring/risk-signal.js';
import type { Household } from '../../db/database.js';
import { assistanceMarksRepo } from '../../db/repositories/assistance-marks.js';
import type { HouseholdMarks } from '../schemas/joint.js';
import { settingsFor } from './comparison.js';

export async function householdMarks(app: FastifyInstance, household: Household): Promise<HouseholdMarks> {
  const repo = assistanceMarksRepo(app.db);
  const rows = await repo.ofHousehold(household.id);
  const feedNames = new Map<string, string>();
  for (const r of rows) {
    if (!feedNames.has(r.feed)) feedNames.set(r.feed, (await settingsFor(app, household.county_id, r.started_month)).feeds.find((f) => f.id === r.feed)?.name ?? r.feed);
  }
  const summary = (await repo.latestAssessment(household.id)) as AssessmentSummary | null;
  const marks = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindName: m.joint.kindNames[r.kind] ?? r.kind,
    feed: r.feed,
    feedName: feedNames.get(r.feed) ?? r.feed,
    memberName: r.member_name,
    startedMonth: r.started_month,
    startedBatchId: r.started_batch_id,
    fileName: r.file_name,
    lastMonth: r.last_month,
    endedMonth: r.ended_month,
    endedBatchId: r.ended_batch_id,
    endedReason: r.ended_reason ? (m.joint.endedReasonNames[r.ended_reason] ?? r.ended_reason) : null,
    open: r.ended_month === null,
  }));
  const monitored = household.stage === 'monitoring';
  const qualifies = summary !== null && qualifiesForMonitoring(summary);
  const atRiskUnmonitored = marks.some((x) => x.open) && !monitored && qualifies;
  return {
    householdId: household.id,
    basis: m.joint.basis,
    marks,
    assessment: summary
      ? {
          period: summary.period,
          conclusion: summary.conclusion,
          conclusionName: m.joint.conclusionNames[summary.conclusion] ?? summary.conclusion,
          perCapitaYuan: summary.perCapitaFen === null ? null : summary.perCapitaFen / 100,
          monitoringLine: summary.monitoringLine,
          belowMonitoring: summary.belowMonitoring,
          profile: summary.profileId === null ? null : `${summary.profileId} v${summary.profileVersion}`,
          explanation: [...summary.explanation],
        }
      : null,
    assessmentNote: summary ? null : m.joint.notAssessed,
    monitored,
    atRiskUnmonitored,
    atRiskNote: atRiskUnmonitored ? m.joint.atRiskUnmonitored : null,
  };
}
