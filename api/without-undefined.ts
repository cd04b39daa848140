type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/**
 * A parsed body without its absent optional fields, deeply: workflow inputs are
 * stored in history, where `undefined` has no place.
 */
export function withoutUndefined<T>(value: T): Defined<T> {
  if (Array.isArray(value)) return value.map((v: unknown) => withoutUndefined(v)) as Defined<T>;
  if (value === null || typeof value !== 'object') return value as Defined<T>;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  ) as Defined<T>;
}
