/** What a password must be, checked in the API and shown in the console as the user types. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_username' | 'one_kind';

/** Why `password` cannot be chosen by `username`; null when it can. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'same_as_username';
  const kinds = [/[0-9]/, /[a-z]/i, /[^0-9a-z]/i].filter((re) => re.test(password)).length;
  return kinds < 2 ? 'one_kind' : null;
}
