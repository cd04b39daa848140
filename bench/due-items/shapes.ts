import type { DueItemFilter } from '../../db/repositories/due-items.js';
import type { QueryShape } from '../support/compare.js';
import { COUNTY_ID } from '../support/load.js';
import { NOW } from './load.js';

const TOWN = `${COUNTY_ID}002`;
const VILLAGE = `${COUNTY_ID}001201`;
const OTHER_VILLAGE = `${COUNTY_ID}003205`;
const GROUP = `${VILLAGE}001`;

/** Requests of GET /due-items as the route passes them to `dueItemsRepo(db).list`. */
export function queryShapes(ids: { villageCadre: string; department: string }): QueryShape<DueItemFilter>[] {
  const page = { now: NOW, limit: 50, offset: 0 };
  const county = { ...page, withinJurisdiction: COUNTY_ID };
  return [
    { name: 'county overdue', who: 'county bureau: state=overdue', filter: { ...county, state: 'overdue' } },
    { name: 'town open', who: `town officer of ${TOWN}: state=open`, filter: { ...page, withinJurisdiction: TOWN, state: 'open' } },
    { name: 'town overdue', who: `town officer of ${TOWN}: state=overdue`, filter: { ...page, withinJurisdiction: TOWN, state: 'overdue' } },
    { name: 'county, townId open', who: `county bureau: townId=${TOWN} state=open`, filter: { ...county, townId: TOWN, state: 'open' } },
    { name: 'village overdue', who: `village cadre of ${VILLAGE}: state=overdue`, filter: { ...page, withinJurisdiction: VILLAGE, state: 'overdue' } },
    { name: 'county, villageId overdue', who: `county bureau: villageId=${OTHER_VILLAGE} state=overdue`, filter: { ...county, villageId: OTHER_VILLAGE, state: 'overdue' } },
    { name: 'group open', who: `cadre of village group ${GROUP}: state=open`, filter: { ...page, withinJurisdiction: GROUP, state: 'open' } },
    { name: 'county overdue by kind', who: 'county bureau: kind=monthly_visit state=overdue', filter: { ...county, kind: 'monthly_visit', state: 'overdue' } },
    { name: 'county overdue ≥ 60 days', who: 'county bureau: minOverdueDays=60 state=overdue', filter: { ...county, minOverdueDays: 60, state: 'overdue' } },
    { name: 'county, responsible open', who: 'county bureau: responsibleUserId=<cadre> state=open', filter: { ...county, responsibleUserId: ids.villageCadre, state: 'open' } },
    { name: 'county open, offset 5000', who: 'county bureau: state=open offset=5000', filter: { ...county, state: 'open', offset: 5000 } },
    { name: 'department open', who: 'department (民政局): state=open', filter: { ...page, departmentId: ids.department, state: 'open' } },
  ];
}
