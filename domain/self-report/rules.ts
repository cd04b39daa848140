/**
 * Household self-report 农户自主申报 (DOMAIN.md §10; [003]: every household is
 * told how to report a risk itself): the rules the public page and the API
 * share — the village's public code and the receipt number, the phone, the
 * report's progress as the household sees it, the limits on repeated use, and
 * the township's visit clock from the county's profile.
 */
import type { SelfReportPolicy } from './policy.js';
import type { HouseholdStage } from '../identification/stages.js';

export type { SelfReportPolicy } from './policy.js';

/** Letters and digits a person reads off a card without mistaking one for another (no I, O, 0, 1). */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const VILLAGE_CODE_LENGTH = 6;
export const isVillageCode = (text: string): boolean => new RegExp(`^[${CODE_ALPHABET}]{${VILLAGE_CODE_LENGTH}}$`).test(text);

/** A code of `length` characters from the alphabet, from random bytes the caller draws. */
export function codeFrom(bytes: Uint8Array, length = VILLAGE_CODE_LENGTH): string {
  if (bytes.length < length) throw new RangeError(`a code needs ${length} random bytes`);
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length];
  return code;
}

/** The receipt number 回执号: the local day of the report and six characters (`20261201-K7M2QX`). */
export const receiptNumber = (localDay: string, bytes: Uint8Array): string => `${localDay.replaceAll('-', '')}-${codeFrom(bytes)}`;
export const isReceiptNumber = (text: string): boolean => new RegExp(`^\\d{8}-[${CODE_ALPHABET}]{6}$`).test(text);

/** A mobile number (11 digits from 13…19) or a landline with its area code, as typed with spaces or dashes. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '');
  return /^(1[3-9]\d{9}|0\d{9,11})$/.test(digits) ? digits : null;
}

/** For lists: the first 3 and last 4 digits. */
export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '*'.repeat(phone.length));

/** What a checked consent allows departments to check [DOMAIN.md §9: 承诺授权]. */
export const CONSENT_COVERS = ['income', 'assets', 'social_security', 'medical', 'education', 'housing'] as const;
export type ConsentCover = (typeof CONSENT_COVERS)[number];
/** The version of the consent text on the public page; a new wording is a new version. */
export const SELF_REPORT_CONSENT_DOCUMENT = 'self-report-consent-v1';

/** The report's progress as the household sees it. */
export const SELF_REPORT_STATUSES = ['received', 'visited', 'under_review', 'decided'] as const;
export type SelfReportStatus = (typeof SELF_REPORT_STATUSES)[number];

export interface ReportProgressFacts {
  readonly visitedAt: Date | null;
  readonly closedAt: Date | null;
  /** The registered household's stage now, when the report is about one. */
  readonly householdStage: HouseholdStage | null;
  /** Whether the report opened or joined a case. */
  readonly openedCase: boolean;
}

/**
 * Received until the village visits; under review while the case the report
 * opened is in the procedure (after the visit); decided once the case ended
 * (monitoring or not included) or the village closed the report.
 */
export function reportStatus(f: ReportProgressFacts): SelfReportStatus {
  if (f.closedAt) return 'decided';
  if (f.openedCase && f.householdStage && f.householdStage !== 'identifying') return 'decided';
  if (!f.visitedAt) return 'received';
  return f.openedCase && f.householdStage === 'identifying' ? 'under_review' : 'visited';
}

/**
 * Limits on the public routes, per hour window. A village office's shared
 * connection sends many real reports: past `freePerAddress` each further
 * report from the address needs a solved challenge, up to `maxPerAddress`;
 * one phone sends at most `maxPerPhone` (a repeated report of the same
 * household answers its first receipt and counts once).
 */
export const PUBLIC_LIMITS = {
  windowMinutes: 60,
  report: { freePerAddress: 5, maxPerAddress: 60, maxPerPhone: 5 },
  status: { freePerAddress: 20, maxPerAddress: 200 },
  challengeMinutes: 10,
} as const;

/** A small sum a person does in their head: `a + b`, from two random bytes. */
export function challengeFrom(bytes: Uint8Array): { a: number; b: number; answer: number } {
  const a = 2 + (bytes[0]! % 8);
  const b = 1 + (bytes[1]! % 9);
  return { a, b, answer: a + b };
}

/** The start of the limit window `at` falls in. */
export const windowStart = (at: number): number => at - (at % (PUBLIC_LIMITS.windowMinutes * 60_000));

type WithSelfReport = { readonly selfReport?: SelfReportPolicy } | undefined;
/** The working days of the township's visit in the county's profile, or null: not configured (未配置). */
export const visitWorkingDaysOf = (profile: WithSelfReport): number | null => profile?.selfReport?.visitWorkingDays ?? null;
export const hotlineOf = (profile: WithSelfReport): string | null => profile?.selfReport?.hotline ?? null;
