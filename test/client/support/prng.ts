/** Deterministic random data for property-style tests (mulberry32). */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One element of `items`. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Pieces random strings are built from: the characters that encoding gets wrong. */
const PIECES = [
  'a',
  'Z',
  '0',
  '9',
  '-',
  '_',
  '.',
  '~',
  ' ',
  '*',
  '+',
  '/',
  '&',
  '=',
  '%',
  '?',
  '#',
  '!',
  "'",
  '(',
  ')',
  ':',
  ',',
  ';',
  '@',
  '$',
  '[',
  ']',
  '"',
  '\\',
  '\n',
  '\t',
  '中文',
  'é',
  'ß',
  'Ω',
  '😀',
  '🔐',
  'ü',
  '%20',
  '%7E',
];

/** A random string of up to `maxPieces` awkward pieces (possibly empty). */
export function randomString(rng: Prng, maxPieces = 12): string {
  let out = '';
  const n = rng.int(0, maxPieces);
  for (let i = 0; i < n; i++) out += rng.pick(PIECES);
  return out;
}

const NAMES = [
  'InstanceId',
  'UserId',
  'Username',
  'DisplayName',
  'Description',
  'Email',
  'Status',
  'Field',
  'Value',
  'Name',
];

/** A random scalar: string (mostly), integer or boolean. */
export function randomScalar(rng: Prng): string | number | boolean {
  const r = rng.next();
  if (r < 0.7) return randomString(rng);
  if (r < 0.85) return rng.int(-5, 100000);
  return rng.chance(0.5);
}

/** A random value nested up to `depth` levels: scalars, arrays, objects, arrays of objects. */
export function randomValue(rng: Prng, depth: number): unknown {
  if (depth <= 0) return randomScalar(rng);
  const r = rng.next();
  if (r < 0.5) return randomScalar(rng);
  if (r < 0.7) return Array.from({ length: rng.int(0, 4) }, () => randomScalar(rng));
  if (r < 0.85) return randomObject(rng, depth - 1, 3);
  return Array.from({ length: rng.int(1, 3) }, () => randomObject(rng, depth - 1, 3));
}

/** A random object of up to `maxFields` fields (names are API-like). */
export function randomObject(rng: Prng, depth: number, maxFields: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = rng.int(1, maxFields);
  for (let i = 0; i < n; i++) out[`${rng.pick(NAMES)}${rng.int(0, 3) || ''}`] = randomValue(rng, depth);
  return out;
}
