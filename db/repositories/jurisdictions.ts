import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database, Jurisdiction, JurisdictionLevel } from '../database.js';

/** The levels a household, a task or a register item records its place at, in a column each. */
const PLACE_LEVELS = ['county', 'town', 'village', 'group'] as const satisfies readonly JurisdictionLevel[];
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

const isPlaceLevel = (level: JurisdictionLevel): level is PlaceLevel => (PLACE_LEVELS as readonly JurisdictionLevel[]).includes(level);

/**
 * Where a list's rows record their place: a column per level (`d.county_id` …),
 * and the village group either as a column or through the row's household.
 */
export interface PlaceColumns {
  readonly county: string;
  readonly town: string;
  readonly village: string;
  readonly group: { readonly column: string } | { readonly household: string };
}

/**
 * The condition "lies in `within`" as one column of the jurisdiction's level,
 * which an index can serve in the list's order; an OR over the four columns
 * (used only when the level is unknown) reads every row.
 */
export function inPlace(within: string, level: PlaceLevel | undefined, columns: PlaceColumns): RawBuilder<SqlBool> {
  const equals = (column: string) => sql<SqlBool>`${sql.ref(column)} = ${within}`;
  const inGroup =
    'column' in columns.group
      ? equals(columns.group.column)
      : sql<SqlBool>`${sql.ref(columns.group.household)} in (select g.id from households as g where g.group_id = ${within})`;
  switch (level) {
    case 'county':
      return equals(columns.county);
    case 'town':
      return equals(columns.town);
    case 'village':
      return equals(columns.village);
    case 'group':
      return inGroup;
    default:
      return sql<SqlBool>`(${equals(columns.county)} or ${equals(columns.town)} or ${equals(columns.village)} or ${inGroup})`;
  }
}

export function jurisdictionsRepo(db: Kysely<Database>) {
  return {
    findById(id: string) {
      return db.selectFrom('jurisdictions').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The jurisdiction and all its ancestors, nearest first. */
    async lineage(id: string): Promise<Jurisdiction[]> {
      const rows = await db
        .withRecursive('chain(id, parent_id, level, name, created_at, depth)', (qb) =>
          qb
            .selectFrom('jurisdictions')
            .select(['id', 'parent_id', 'level', 'name', 'created_at'])
            .select((eb) => eb.lit(0).as('depth'))
            .where('id', '=', id)
            .unionAll((u) =>
              u
                .selectFrom('jurisdictions as j')
                .innerJoin('chain as c', 'c.parent_id', 'j.id')
                .select(['j.id', 'j.parent_id', 'j.level', 'j.name', 'j.created_at'])
                .select((eb) => eb(eb.ref('c.depth'), '+', 1).as('depth')),
            ),
        )
        .selectFrom('chain')
        .select(['id', 'parent_id', 'level', 'name', 'created_at'])
        .orderBy('depth')
        .execute();
      return rows as Jurisdiction[];
    },

    /**
     * The level of a list's jurisdiction, so that the list filters the one column
     * of that level (county_id, town_id, village_id or the household's group_id),
     * which an index can serve in the list's order; an OR over the four columns
     * reads every row. Undefined for an unknown jurisdiction, a province or a city.
     */
    async placeLevel(id: string): Promise<PlaceLevel | undefined> {
      const row = await db.selectFrom('jurisdictions').select('level').where('id', '=', id).executeTakeFirst();
      return row && isPlaceLevel(row.level) ? row.level : undefined;
    },

    children(parentId: string) {
      return db.selectFrom('jurisdictions').selectAll().where('parent_id', '=', parentId).orderBy('id').execute();
    },
  };
}
