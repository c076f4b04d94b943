/**
 * Random initial passwords (password initialization type `random`). Generated from the service's
 * seeded generator so replays are deterministic; they satisfy the instance's complexity policy and
 * are stored hashed like any other password, never returned.
 */
import { EiamError } from './errors';
import { checkPasswordComplexity, MAX_PASSWORD_LENGTH, type PasswordOwner } from './password-policy';
import type { ModelContext } from './context';
import type { PasswordPolicyState } from './state';

const CLASSES = [
  'ABCDEFGHJKLMNPQRSTUVWXYZ',
  'abcdefghijkmnopqrstuvwxyz',
  '23456789',
  '@%+/!#$^?:,(){}[]~-_.',
];

function pick(svc: ModelContext, chars: string): string {
  return chars[Math.floor(svc.random() * chars.length) % chars.length];
}

/** A password satisfying `policy` for this owner: one character of every class, then random fill. */
export function randomPasswordFor(
  svc: ModelContext,
  policy: PasswordPolicyState,
  owner: PasswordOwner,
): string {
  const length = Math.min(Math.max(policy.complexity.minLength, 16), MAX_PASSWORD_LENGTH);
  const all = CLASSES.join('');
  // Exclusion rules can reject a candidate (e.g. a one-letter username); retry a bounded number of times.
  for (let attempt = 0; attempt < 100; attempt++) {
    const chars = CLASSES.map((c) => pick(svc, c));
    while (chars.length < length) chars.push(pick(svc, all));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = Math.floor(svc.random() * (i + 1));
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    const candidate = chars.join('');
    try {
      checkPasswordComplexity(policy, candidate, owner);
      return candidate;
    } catch {
      continue;
    }
  }
  throw new EiamError('InternalError', 'Could not generate an initial password for the account.', 500);
}
