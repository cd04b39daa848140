/**
 * Login throttling 登录限制 (issue 18, defect 8): after repeated wrong passwords an
 * account, and separately a source address, is locked for a while; while locked
 * even the right password is refused, and the clerk is told when to try again.
 *
 * An account locks after 5 failures within 15 minutes (a clerk who mistypes a few
 * times is not locked; a guesser gets 5 tries per quarter hour). An address locks
 * after 20 failures within 15 minutes, whichever accounts they tried (one machine
 * trying many usernames); it is higher than the account's because a township
 * office's clerks may share one address. A lock lasts 15 minutes from the failure
 * that caused it. A successful login clears its account's count, never the
 * address's (one known account must not reset a guesser's address).
 */
export interface ThrottleRule {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly lockMs: number;
}

const MINUTE_MS = 60_000;

export const LOGIN_THROTTLE = {
  account: { maxFailures: 5, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS },
  address: { maxFailures: 20, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleKind = keyof typeof LOGIN_THROTTLE;

/** Whole minutes until `until`, at least one (never "0 分钟"). */
export const minutesUntil = (until: Date, now: Date): number => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE_MS));

/** Seconds for a Retry-After header, at least one. */
export const secondsUntil = (until: Date, now: Date): number => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The local time (Asia/Shanghai) a lock ends, `HH:mm`. */
export const lockEndsAt = (until: Date): string => clock.format(until);

export const loginMessages = {
  locked: (kind: ThrottleKind, until: Date, now: Date) =>
    `${kind === 'account' ? '该账号' : '本机'}登录失败次数过多，已暂时锁定。请在 ${lockEndsAt(until)} 之后（约 ${minutesUntil(until, now)} 分钟后）再试；如忘记密码，请联系本县系统管理员重置。`,
  loggedOutEverywhere: (n: number) => `已在所有设备上退出登录（共结束 ${n} 个登录）`,
} as const;
