/**
 * What a person's text may hold. Whatever a clerk types is checked at the edge
 * (the API) and again by the workflow's validators, so that text the database
 * cannot store never enters a household's history.
 */

/**
 * Characters no clerk means and PostgreSQL cannot store or shows as garbage:
 * NUL and the other control characters but tab, line feed and carriage
 * return; a surrogate without its pair; the noncharacters U+FFFE and U+FFFF.
 */
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Space, and the invisible characters that look like nothing (zero-width space and joiners, word joiner, BOM). */
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/g;

export const hasUnstorableCharacters = (text: string): boolean => UNSTORABLE.test(text);

/** Whether a person's text says nothing: missing, not text, or only space and invisible characters. */
export const isBlank = (text: unknown): boolean => typeof text !== 'string' || text.replace(INVISIBLE, '').length === 0;

/** Whether any text anywhere in `value` (an update's input: nested objects and lists) holds unstorable characters. */
export function holdsUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return hasUnstorableCharacters(value);
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  const parts = Array.isArray(value) ? value : Object.entries(value).flat();
  return parts.some((part) => holdsUnstorableText(part, depth + 1));
}
