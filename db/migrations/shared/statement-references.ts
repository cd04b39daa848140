/**
 * Foreign keys checked once per statement rather than once per row (issue 15,
 * "Measured"): the SQL of 2026_12_02_050 (the household file) and
 * 2026_12_02_057 (the comparison's kept rows) and 2026_12_02_051 (the import's
 * income and spending lines, issue 14), generated from one shape so
 * both give the same guarantees:
 *
 * - the referencing side: after each statement, one trigger reads its new rows
 *   (a transition table `added`) and checks, with one join per reference, that
 *   every key they name exists, locking the referenced rows FOR KEY SHARE as a
 *   foreign key does; a missing one raises the foreign key's own error
 *   (SQLSTATE 23503, the constraint's name and words);
 * - the referenced side, as NO ACTION: a row still named cannot be deleted,
 *   nor its key changed.
 *
 * The functions run as their owner, with a fixed search_path.
 */

export interface StatementReference {
  /** The constraint's name, as the error gives it. */
  readonly constraint: string;
  /** The referencing columns, in the key's order. */
  readonly columns: readonly string[];
  readonly references: string;
  /** The referenced columns, in the same order. */
  readonly key: readonly string[];
  /** The referenced table's alias in the queries (one letter). */
  readonly alias: string;
  /** Which of the statement's rows name it; absent: every row. */
  readonly where?: string;
  /** A line of comment above the check. */
  readonly comment?: string;
}

const HEAD = (name: string) => `create function ${name}() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$`;

function insertCheck(table: string, r: StatementReference): string {
  const a = r.alias;
  const on = r.columns.map((c, i) => `w.${c} = ${a}.${r.key[i]}`).join(' and ');
  const exists = r.columns.map((c, i) => `${a}.${r.key[i]} = w.${c}`).join(' and ');
  return [
    ...(r.comment ? [`  -- ${r.comment}`] : []),
    `  with wanted as (select distinct ${r.columns.join(', ')} from added${r.where ? ` where ${r.where}` : ''}),`,
    `       locked as (select ${a}.${r.key[0]} from ${r.references} ${a} join wanted w on ${on} for key share of ${a})`,
    `  select ${r.columns.map((c) => `w.${c}`).join(', ')} into bad from wanted w`,
    `   where (select count(*) from wanted) <> (select count(*) from locked)`,
    `     and not exists (select 1 from ${r.references} ${a} where ${exists})`,
    `   limit 1;`,
    `  if found then`,
    `    raise foreign_key_violation using message = 'insert or update on table "${table}" violates foreign key constraint "${r.constraint}"',`,
    `      detail = format('Key (${r.columns.join(', ')})=(${r.columns.map(() => '%s').join(', ')}) is not present in table "${r.references}".', ${r.columns.map((c) => `bad.${c}`).join(', ')});`,
    `  end if;`,
  ].join('\n');
}

/** The referencing side's function: `name`() checks every reference of `table`'s statement. */
export function referencesExistFunction(name: string, table: string, references: readonly StatementReference[]): string {
  return [HEAD(name), 'declare', '  bad record;', 'begin', ...references.map((r) => insertCheck(table, r)), '  return null;', 'end $$;'].join('\n');
}

/** The trigger that runs it after each statement of `event` (a transition table takes one event per trigger). */
export function referencesExistTrigger(trigger: string, table: string, event: 'insert' | 'update', fn = trigger): string {
  return `create trigger ${trigger} after ${event} on ${table}\n  referencing new table as added for each statement execute function ${fn}();`;
}

export interface StillReferencedBy {
  readonly table: string;
  /** The referencing table's alias (one letter). */
  readonly alias: string;
  readonly constraint: string;
  /** [referencing column, referenced column] pairs, in the order the check compares them. */
  readonly on: readonly (readonly [string, string])[];
}

/**
 * The referenced side's function: before a delete of a row of `table`, or a
 * change of its `key` columns, refuse it while any of `by` names it. `key`
 * lists every column some reference names, in the table's order.
 */
export function stillReferenced(name: string, table: string, key: readonly string[], by: readonly StillReferencedBy[]): string {
  const checks = by.map((b) => {
    const named = key.filter((k) => b.on.some(([, referenced]) => referenced === k));
    return [
      `  if exists (select 1 from ${b.table} ${b.alias} where ${b.on.map(([c, k]) => `${b.alias}.${c} = old.${k}`).join(' and ')}) then`,
      `    raise foreign_key_violation using message = 'update or delete on table "${table}" violates foreign key constraint "${b.constraint}" on table "${b.table}"',`,
      `      detail = format('Key (${named.join(', ')})=(${named.map(() => '%s').join(', ')}) is still referenced from table "${b.table}".', ${named.map((k) => `old.${k}`).join(', ')});`,
      `  end if;`,
    ].join('\n');
  });
  return [
    HEAD(name),
    'begin',
    `  if tg_op = 'UPDATE' and ${key.map((k) => `new.${k} = old.${k}`).join(' and ')} then return new; end if;`,
    ...checks,
    `  return case when tg_op = 'DELETE' then old else new end;`,
    'end $$;',
  ].join('\n');
}

/** Its trigger, row by row before a delete or a change of the key. */
export function stillReferencedTrigger(name: string, table: string, key: readonly string[]): string {
  return `create trigger ${name} before delete or update of ${key.join(', ')} on ${table}\n  for each row execute function ${name}();`;
}
