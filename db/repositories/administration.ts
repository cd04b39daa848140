import { sql, type Kysely } from 'kysely';
import type { Database, JurisdictionLevel, Role } from '../database.js';

export interface AdminChange {
  readonly countyId: string | null;
  readonly actorUserId: string;
  readonly action: string;
  readonly subjectKind: 'place' | 'user' | 'department' | 'channel' | 'county';
  readonly subjectId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** The audit of administrative changes 管理操作记录: appended, never changed. */
export function adminChangesRepo(db: Kysely<Database>) {
  return {
    async record(change: AdminChange): Promise<void> {
      await db
        .insertInto('admin_changes')
        .values({
          county_id: change.countyId,
          actor_user_id: change.actorUserId,
          action: change.action,
          subject_kind: change.subjectKind,
          subject_id: change.subjectId,
          before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
          after: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
        })
        .execute();
    },

    /** A county's changes, newest first, with who made each. */
    ofCounty(countyId: string, page: { limit: number; offset: number }) {
      return db
        .selectFrom('admin_changes as c')
        .innerJoin('users as u', 'u.id', 'c.actor_user_id')
        .select(['c.id', 'c.action', 'c.subject_kind', 'c.subject_id', 'c.before', 'c.after', 'c.at', 'u.username', 'u.display_name'])
        .where('c.county_id', '=', countyId)
        .orderBy('c.at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
    },
  };
}

/** Places as the administration sees them: every level, retired ones too. */
export function placesRepo(db: Kysely<Database>) {
  return {
    find(id: string) {
      return db.selectFrom('jurisdictions').select(['id', 'parent_id', 'level', 'name', 'retired_at', 'policy_profile_id']).where('id', '=', id).executeTakeFirst();
    },

    /** Every place under `rootId` (and itself), by id: a parent comes before its children. */
    subtree(rootId: string) {
      return db
        .selectFrom('jurisdictions')
        .select(['id', 'parent_id', 'level', 'name', 'retired_at'])
        .where((eb) => eb.or([eb('id', '=', rootId), eb('id', 'like', `${rootId}%`)]))
        .orderBy('id')
        .execute();
    },

    childIds(parentId: string) {
      return db.selectFrom('jurisdictions').select('id').where('parent_id', '=', parentId).execute().then((rows) => rows.map((r) => r.id));
    },

    counties() {
      return db.selectFrom('jurisdictions').select(['id', 'parent_id', 'name', 'policy_profile_id', 'retired_at']).where('level', '=', 'county').orderBy('id').execute();
    },

    countiesUnder(regionId: string) {
      return db.selectFrom('jurisdictions').select(['id', 'name']).where('level', '=', 'county').where('id', 'like', `${regionId}%`).orderBy('id').execute();
    },

    async insert(place: { id: string; parentId: string | null; level: JurisdictionLevel; name: string; policyProfileId?: string }): Promise<void> {
      await db
        .insertInto('jurisdictions')
        .values({ id: place.id, parent_id: place.parentId, level: place.level, name: place.name, policy_profile_id: place.policyProfileId ?? null })
        .execute();
    },

    async rename(id: string, name: string): Promise<void> {
      await db.updateTable('jurisdictions').set({ name }).where('id', '=', id).execute();
    },

    async retire(id: string, at: Date): Promise<void> {
      await db.updateTable('jurisdictions').set({ retired_at: at }).where('id', '=', id).where('retired_at', 'is', null).execute();
    },

    /** What still refers to a place: its children not retired, its active users, its households. */
    async references(id: string): Promise<{ children: number; users: number; households: number }> {
      const [children, users, households] = await Promise.all([
        db.selectFrom('jurisdictions').select((eb) => eb.fn.countAll<string>().as('n')).where('parent_id', '=', id).where('retired_at', 'is', null).executeTakeFirstOrThrow(),
        db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).where('jurisdiction_id', '=', id).where('active', '=', true).executeTakeFirstOrThrow(),
        db
          .selectFrom('households')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where((eb) => eb.or([eb('county_id', '=', id), eb('town_id', '=', id), eb('village_id', '=', id), eb('group_id', '=', id)]))
          .executeTakeFirstOrThrow(),
      ]);
      return { children: Number(children.n), users: Number(users.n), households: Number(households.n) };
    },
  };
}

const USER_COLUMNS = ['id', 'username', 'display_name', 'role', 'jurisdiction_id', 'department_id', 'active', 'must_change_password', 'created_at'] as const;

/** Accounts as the administration sees them (never their password hashes, except to verify a change). */
export function accountsRepo(db: Kysely<Database>) {
  return {
    find(id: string) {
      return db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
    },

    passwordHash(id: string) {
      return db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst().then((r) => r?.password_hash);
    },

    usernameTaken(username: string) {
      return db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst().then((r) => r !== undefined);
    },

    /** The accounts of places under `countyId` (the county itself, its towns, villages and groups), by username. */
    ofCounty(countyId: string) {
      return db.selectFrom('users').select(USER_COLUMNS).where('jurisdiction_id', 'like', `${countyId}%`).orderBy('username').execute();
    },

    insert(user: { username: string; displayName: string; role: Role; jurisdictionId: string | null; departmentId: string | null; passwordHash: string; mustChangePassword: boolean }) {
      return db
        .insertInto('users')
        .values({
          username: user.username,
          display_name: user.displayName,
          role: user.role,
          jurisdiction_id: user.jurisdictionId,
          department_id: user.departmentId,
          password_hash: user.passwordHash,
          must_change_password: user.mustChangePassword,
        })
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
    },

    async setActive(id: string, active: boolean): Promise<void> {
      await db.updateTable('users').set({ active }).where('id', '=', id).execute();
    },

    async setPassword(id: string, passwordHash: string, mustChange: boolean, at: Date): Promise<void> {
      await db.updateTable('users').set({ password_hash: passwordHash, must_change_password: mustChange, password_changed_at: at }).where('id', '=', id).execute();
    },

    /** Ends every session of the user (a deactivation, a password reset). */
    async revokeSessions(userId: string, at: Date): Promise<void> {
      await db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    },

    async anyUser(): Promise<boolean> {
      return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
    },
  };
}

/** Departments and their channels as the administration sees them. */
export function departmentAdminRepo(db: Kysely<Database>) {
  return {
    ofCounty(countyId: string) {
      return db
        .selectFrom('departments as d')
        .leftJoin('department_channels as c', (join) => join.onRef('c.department_id', '=', 'd.id').on('c.active', '=', true))
        .select(['d.id', 'd.code', 'd.name', 'd.county_id', 'd.retired_at', 'c.url', 'c.secret'])
        .where('d.county_id', '=', countyId)
        .orderBy(sql`d.retired_at is not null`)
        .orderBy('d.code')
        .execute();
    },

    /** The department's row, locked for a rename or its retirement. */
    findForUpdate(id: string) {
      return db.selectFrom('departments').select(['id', 'county_id', 'code', 'name', 'retired_at']).where('id', '=', id).forUpdate().executeTakeFirst();
    },

    rename(id: string, name: string) {
      return db.updateTable('departments').set({ name }).where('id', '=', id).where('retired_at', 'is', null).returning(['id', 'code', 'name']).executeTakeFirst();
    },

    retire(id: string, at: Date) {
      return db.updateTable('departments').set({ retired_at: at }).where('id', '=', id).where('retired_at', 'is', null).returning(['id', 'code', 'name']).executeTakeFirst();
    },

    /** What still refers to a department and keeps it from being retired. */
    async references(id: string) {
      const count = (q: { executeTakeFirstOrThrow(): Promise<{ n: string | number | bigint }> }) => q.executeTakeFirstOrThrow().then((r) => Number(r.n));
      const [users, tasks, items] = await Promise.all([
        count(db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('department_id', '=', id).where('active', '=', true)),
        count(db.selectFrom('measure_tasks').select((eb) => eb.fn.countAll().as('n')).where('department_id', '=', id).where('status', 'in', ['assigned', 'accepted', 'in_progress'])),
        count(db.selectFrom('due_items').select((eb) => eb.fn.countAll().as('n')).where('department_id', '=', id).where('status', '=', 'open')),
      ]);
      return { users, tasks, items };
    },

    /** The bodies of the county's policy versions in force in `period` or later, which name departments by code. */
    async profileBodiesFrom(countyId: string, period: string) {
      const county = await db.selectFrom('jurisdictions').select('policy_profile_id').where('id', '=', countyId).executeTakeFirst();
      if (!county?.policy_profile_id) return [];
      const inForce = await db
        .selectFrom('policy_profiles')
        .select(['version', 'body'])
        .where('id', '=', county.policy_profile_id)
        .where('effective_from', '<=', period)
        .orderBy('effective_from', 'desc')
        .limit(1)
        .execute();
      const later = await db.selectFrom('policy_profiles').select(['version', 'body']).where('id', '=', county.policy_profile_id).where('effective_from', '>', period).execute();
      return [...inForce, ...later];
    },

    findByCode(countyId: string, code: string) {
      return db.selectFrom('departments').select(['id', 'name']).where('county_id', '=', countyId).where('code', '=', code).executeTakeFirst();
    },

    insert(department: { countyId: string; code: string; name: string }) {
      return db.insertInto('departments').values({ county_id: department.countyId, code: department.code, name: department.name }).returning(['id', 'code', 'name']).executeTakeFirstOrThrow();
    },
  };
}
