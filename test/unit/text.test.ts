import { describe, expect, it } from 'vitest';
import { hasUnstorableCharacters, holdsUnstorableText, isBlank } from '../../domain/text.js';

describe('what a person’s text may hold', () => {
  it('takes Chinese, tabs, line breaks and paired surrogates (emoji)', () => {
    expect(hasUnstorableCharacters('王五家\t住房\r\n安全 😀')).toBe(false);
  });

  it('refuses NUL, other control characters, lone surrogates and noncharacters', () => {
    for (const text of ['a\u0000b', 'bell\u0007', 'esc\u001b[0m', 'del\u007f', 'c1\u0085', 'lone \uD800', 'lone \uDC00 low', '\uFFFE']) {
      expect(hasUnstorableCharacters(text), JSON.stringify(text)).toBe(true);
    }
  });

  it('finds such text anywhere in an update’s input', () => {
    expect(holdsUnstorableText([{ actor: { userId: 'u' }, evidence: [{ name: 'ok' }, { name: 'x\u0000' }] }])).toBe(true);
    expect(holdsUnstorableText([{ actor: { userId: 'u' }, amounts: [1, 2], note: null }])).toBe(false);
  });

  it('counts space and invisible characters as nothing said', () => {
    expect(isBlank('\u200B\u200C\u200D\u2060\uFEFF  ')).toBe(true);
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank(42)).toBe(true);
    expect(isBlank('已核实')).toBe(false);
  });
});
