import { z } from 'zod';
import { RISK_CAUSES } from '../../domain/identification/steps.js';
import { monitoringMessages } from '../../domain/messages/catalogue.js';
import { memberCount } from './identification.js';
import { householdFacts } from './facts.js';
import { incomeLine, labelledDate, optionalText, period, spendingLine, text, threats, yuan } from './common.js';

const signal = z.enum(['none', 'warning', 'elimination_suggested', 'reentry']);
export const monthlyItemResult = z.object({ period: z.string(), late: z.boolean(), signal });

export const monthlyUpdateBody = z.object({
  period,
  note: optionalText(2000),
  income: z.array(incomeLine).max(120).optional(),
  spending: z.array(spendingLine).max(120).optional(),
  memberCount: memberCount.optional(),
  memberChanges: optionalText(2000),
  policiesEnjoyed: z.array(text(200)).max(50).optional(),
  lastYearIncomePerCapita: yuan.optional(),
  threats: threats.optional(),
  facts: householdFacts.optional(),
});

export const visitBody = z.object({
  period,
  visitedOn: labelledDate('visitedOn'),
  findings: text(5000, monitoringMessages.findingsRequired),
  risksFound: z.array(z.enum(RISK_CAUSES)).max(10).optional(),
  threats: threats.optional(),
  facts: householdFacts.optional(),
});
