/**
 * Deterministic id generation. EIAM ids look like `user_d6sbsuumeta4h66ec3il7yxxxx`: a type prefix,
 * an underscore and 26 lowercase alphanumerics. They come from a small seeded PRNG (sfc32) whose
 * four-word state lives in the service state, so replaying the same requests from the same
 * snapshot produces the same ids.
 */
import { randomBytes } from 'node:crypto';
import type { RandomState } from './state';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Length of the random part of an EIAM id. */
export const ID_BODY_LENGTH = 26;

/** Initial PRNG state from a seed (number or string); random when no seed is given. */
export function seedRandomState(seed?: number | string): RandomState {
  const text = seed === undefined ? randomBytes(16).toString('hex') : String(seed);
  const words: number[] = [];
  // FNV-1a over the seed text, once per state word with a different salt.
  for (let w = 0; w < 4; w++) {
    let h = (0x811c9dc5 ^ Math.imul(w, 0x9e3779b9)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    words.push(h);
  }
  const state = words as RandomState;
  // Discard the first outputs: sfc32 mixes poorly right after seeding.
  for (let i = 0; i < 12; i++) nextUint32(state);
  return state;
}

/** Advances the state in place and returns the next 32-bit unsigned output. */
export function nextUint32(s: RandomState): number {
  const t = (((s[0] + s[1]) >>> 0) + s[3]) >>> 0;
  s[3] = (s[3] + 1) >>> 0;
  s[0] = (s[1] ^ (s[1] >>> 9)) >>> 0;
  s[1] = (s[2] + (s[2] << 3)) >>> 0;
  s[2] = ((s[2] << 21) | (s[2] >>> 11)) >>> 0;
  s[2] = (s[2] + t) >>> 0;
  return t;
}

/** An id body of `length` lowercase alphanumerics drawn from `next` (a float source in [0, 1)). */
export function idBody(next: () => number, length = ID_BODY_LENGTH): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(next() * ALPHABET.length) % ALPHABET.length];
  return out;
}
