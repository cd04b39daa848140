import type { FastifyInstance } from 'fastify';
import { departmentsRepo } from '../../db/repositories/departments.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';

/** The departments 行业部门 of the county the jurisdiction lies in, by code: whom a measure task can go to. */
export async function departmentsAround(app: FastifyInstance, jurisdictionId: string) {
  const county = (await jurisdictionsRepo(app.db).lineage(jurisdictionId)).find((j) => j.level === 'county');
  if (!county) return [];
  return (await departmentsRepo(app.db).ofCounty(county.id)).map((d) => ({ id: d.id, code: d.code, name: d.name }));
}
