import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { DAY_MS, periodOf } from '../../domain/calendar/dates.js';
import { RISK_COLOUR_NAMES, RISK_CONDITION_NAMES, riskColourMessages as m } from '../../domain/monitoring/risk-colour-messages.js';
import { riskColourOf, type RiskColour, type RiskColourRules } from '../../domain/monitoring/risk-colour.js';
import { parseProfile } from '../../domain/policy/parse.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { riskColoursRepo, type RiskFactRow } from '../../db/repositories/risk-colours.js';
import type { riskColourBoard, riskColourField } from '../schemas/risk-colours.js';

type Coloured = z.infer<typeof riskColourField>;

async function rulesNow(app: FastifyInstance, countyId: string, now: Date): Promise<RiskColourRules | undefined> {
  const row = await policyProfilesRepo(app.db).inForceForCounty(countyId, periodOf(now.getTime()));
  const parsed = row ? parseProfile(row.body) : undefined;
  return parsed?.ok ? parsed.profile.riskColours : undefined;
}

const colourOf = (row: RiskFactRow, rules: RiskColourRules | undefined, now: Date): Coloured => {
  const openWarningDays = row.openWarningSince === null ? null : Math.floor((now.getTime() - row.openWarningSince.getTime()) / DAY_MS);
  const graded = riskColourOf({ ...row, openWarningDays }, rules);
  return graded && { colour: graded.colour, name: RISK_COLOUR_NAMES[graded.colour], because: graded.because.map((condition) => ({ condition, name: RISK_CONDITION_NAMES[condition] })) };
};

/** The colours of some households of the county (those of a page of a list), by id. */
export async function riskColoursOf(app: FastifyInstance, countyId: string, householdIds: readonly string[], now: Date): Promise<Map<string, Coloured>> {
  const [rules, rows] = await Promise.all([rulesNow(app, countyId, now), riskColoursRepo(app.db).facts(countyId, now, householdIds)]);
  return new Map(rows.map((r) => [r.id, colourOf(r, rules, now)]));
}

/** The ids of the county's households of one colour at `now` (none when the county has no rules): the dashboard's count opened as a list. */
export async function householdIdsOfColour(app: FastifyInstance, countyId: string, colour: RiskColour, now: Date): Promise<string[]> {
  const [rules, rows] = await Promise.all([rulesNow(app, countyId, now), riskColoursRepo(app.db).facts(countyId, now)]);
  return rows.filter((row) => colourOf(row, rules, now)?.colour === colour).map((row) => row.id);
}

/** The county's households by colour, in all and by town (the leadership dashboard). */
export async function riskColourBoardOf(app: FastifyInstance, countyId: string, now: Date): Promise<z.infer<typeof riskColourBoard>> {
  const [rules, rows, places] = await Promise.all([rulesNow(app, countyId, now), riskColoursRepo(app.db).facts(countyId, now), jurisdictionsRepo(app.db).children(countyId)]);
  const towns = places.filter((j) => j.level === 'town').map((j) => ({ id: j.id, name: j.name, green: 0, yellow: 0, red: 0 }));
  const byId = new Map(towns.map((t) => [t.id, t]));
  const county = { green: 0, yellow: 0, red: 0 };
  for (const row of rules ? rows : []) {
    const colour = colourOf(row, rules, now)!.colour;
    county[colour] += 1;
    const town = byId.get(row.townId);
    if (town) town[colour] += 1;
  }
  return {
    asOf: now.toISOString(),
    configured: rules !== undefined,
    message: rules ? null : m.notConfigured,
    note: rules?.note ?? null,
    rules: { red: (rules?.red ?? []).map((c) => RISK_CONDITION_NAMES[c]), yellow: (rules?.yellow ?? []).map((c) => RISK_CONDITION_NAMES[c]) },
    county,
    byTown: towns,
  };
}

/** The colours of a page of households, county by county (a list is of one county). */
export async function riskColoursOfPage(app: FastifyInstance, households: readonly { id: string; county_id: string }[], now: Date): Promise<Map<string, Coloured>> {
  const counties = [...new Set(households.map((h) => h.county_id))];
  const maps = await Promise.all(counties.map((c) => riskColoursOf(app, c, households.filter((h) => h.county_id === c).map((h) => h.id), now)));
  return new Map(maps.flatMap((m) => [...m]));
}
