import type { TaskListFilter } from '../../db/repositories/measure-tasks.js';
import type { QueryShape } from '../support/compare.js';
import { COUNTY_ID } from '../support/load.js';
import { NOW } from './load.js';
import type { SearchFilter } from './reference.js';

/** The largest village (the load gives the first villages the most households), its first group, and others. */
export const TOWN = `${COUNTY_ID}002`;
export const TOWN_VILLAGE = `${COUNTY_ID}002203`;
export const VILLAGE = `${COUNTY_ID}001201`;
export const OTHER_VILLAGE = `${COUNTY_ID}003205`;
export const GROUP = `${VILLAGE}001`;

/** Values taken from the loaded rows: a current member's full name, and ID numbers inside and outside VILLAGE. */
export interface Samples {
  /** A current member (not the head) of a household in VILLAGE. */
  readonly memberName: string;
  /** A current member of a household in GROUP. */
  readonly idNumberInGroup: string;
  /** A current member of a household in OTHER_VILLAGE. */
  readonly idNumberElsewhere: string;
}

/** The first page in each jurisdiction the shapes are asked in. */
function scopes<P extends object>(page: P) {
  return {
    county: { ...page, withinJurisdiction: COUNTY_ID },
    town: { ...page, withinJurisdiction: TOWN },
    village: { ...page, withinJurisdiction: VILLAGE },
    group: { ...page, withinJurisdiction: GROUP },
  };
}

export function searchShapes(s: Samples): QueryShape<SearchFilter>[] {
  const { county, town, village, group } = scopes({ limit: 50, offset: 0 });
  return [
    { name: 'county', who: 'county bureau: no filter', filter: county },
    { name: 'county, category', who: 'county bureau: category=unstable', filter: { ...county, category: 'unstable' } },
    { name: 'county, stage (3 %)', who: 'county bureau: stage=identifying', filter: { ...county, stage: 'identifying' } },
    { name: 'county, townId', who: `county bureau: townId=${TOWN}`, filter: { ...county, townId: TOWN } },
    { name: 'county, villageId', who: `county bureau: villageId=${OTHER_VILLAGE}`, filter: { ...county, villageId: OTHER_VILLAGE } },
    { name: 'town', who: `town officer of ${TOWN}: no filter`, filter: town },
    { name: 'town, villageId', who: `town officer of ${TOWN}: villageId=${TOWN_VILLAGE}`, filter: { ...town, villageId: TOWN_VILLAGE } },
    { name: 'village', who: `village cadre of ${VILLAGE}: no filter`, filter: village },
    { name: 'village, category+stage', who: `village cadre of ${VILLAGE}: category=marginal stage=monitoring`, filter: { ...village, category: 'marginal', stage: 'monitoring' } },
    { name: 'group', who: `cadre of village group ${GROUP}: no filter`, filter: group },
    { name: 'county, surname', who: 'county bureau: name=王 (a common surname)', filter: { ...county, name: '王' } },
    { name: 'county, full name', who: `county bureau: name=${s.memberName} (a member's full name)`, filter: { ...county, name: s.memberName } },
    { name: 'town, full name', who: `town officer of ${TOWN}: name=${s.memberName}`, filter: { ...town, name: s.memberName } },
    { name: 'village, full name', who: `village cadre of ${VILLAGE}: name=${s.memberName}`, filter: { ...village, name: s.memberName } },
    { name: 'town, surname', who: `town officer of ${TOWN}: name=王`, filter: { ...town, name: '王' } },
    { name: 'village, surname', who: `village cadre of ${VILLAGE}: name=王`, filter: { ...village, name: '王' } },
    { name: 'group, surname', who: `cadre of village group ${GROUP}: name=王`, filter: { ...group, name: '王' } },
    { name: 'county, ID number', who: 'county bureau: idNumber=<a member in the group>', filter: { ...county, idNumber: s.idNumberInGroup } },
    { name: 'group, ID number', who: `cadre of village group ${GROUP}: idNumber=<a member in the group>`, filter: { ...group, idNumber: s.idNumberInGroup } },
    { name: 'village, ID number elsewhere', who: `village cadre of ${VILLAGE}: idNumber=<a member in ${OTHER_VILLAGE}> (none)`, filter: { ...village, idNumber: s.idNumberElsewhere } },
    { name: 'county, offset 5000', who: 'county bureau: offset=5000', filter: { ...county, offset: 5000 } },
    { name: 'town, offset 2000', who: `town officer of ${TOWN}: offset=2000`, filter: { ...town, offset: 2000 } },
    { name: 'county, surname, offset 2000', who: 'county bureau: name=王 offset=2000', filter: { ...county, name: '王', offset: 2000 } },
  ];
}

export function taskShapes(): QueryShape<TaskListFilter>[] {
  const { county, town, village, group } = scopes({ now: NOW, limit: 50, offset: 0 });
  return [
    { name: 'county', who: 'county bureau: no filter', filter: county },
    { name: 'county open', who: 'county bureau: status=open', filter: { ...county, status: 'open' } },
    { name: 'county overdue', who: 'county bureau: status=overdue', filter: { ...county, status: 'overdue' } },
    { name: 'county completed', who: 'county bureau: status=completed', filter: { ...county, status: 'completed' } },
    { name: 'county, townId open', who: `county bureau: townId=${TOWN} status=open`, filter: { ...county, townId: TOWN, status: 'open' } },
    { name: 'county, measure open', who: 'county bureau: measure=dibao_pension status=open', filter: { ...county, measure: 'dibao_pension', status: 'open' } },
    {
      name: 'county, November',
      who: 'county bureau: dueFrom=2026-11-01 dueTo=2026-11-30',
      filter: { ...county, dueFrom: new Date('2026-10-31T16:00:00Z'), dueBefore: new Date('2026-11-30T16:00:00Z') },
    },
    { name: 'town open', who: `town officer of ${TOWN}: status=open`, filter: { ...town, status: 'open' } },
    { name: 'town overdue', who: `town officer of ${TOWN}: status=overdue`, filter: { ...town, status: 'overdue' } },
    { name: 'village', who: `village cadre of ${VILLAGE}: no filter`, filter: village },
    { name: 'village open', who: `village cadre of ${VILLAGE}: status=open`, filter: { ...village, status: 'open' } },
    { name: 'group', who: `cadre of village group ${GROUP}: no filter`, filter: group },
    { name: 'group open', who: `cadre of village group ${GROUP}: status=open`, filter: { ...group, status: 'open' } },
    { name: 'county, offset 5000', who: 'county bureau: offset=5000', filter: { ...county, offset: 5000 } },
  ];
}
