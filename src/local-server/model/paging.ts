/**
 * Ordered indexes and page arithmetic shared by the listing operations.
 *
 * Every entity carries a creation sequence number (`seq`), unique per service and increasing. The
 * listings return entities in that order; `SortedIdList` keeps ids sorted by it so that a page is
 * a slice (O(log n + page size)) rather than a scan, and membership changes are a binary search
 * plus one array splice.
 */
import { invalidParameter } from './errors';

/** Ids kept sorted by a numeric key (the entity's creation sequence number). */
export class SortedIdList {
  private readonly keys: number[] = [];
  private readonly values: string[] = [];

  /** Number of ids in the list. */
  get size(): number {
    return this.keys.length;
  }

  /** Index of the first entry whose key is >= `key`. */
  lowerBound(key: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when an entry with this key is present. */
  has(key: number): boolean {
    const i = this.lowerBound(key);
    return i < this.keys.length && this.keys[i] === key;
  }

  /** Adds `id` under `key`; a no-op when the key is already present. */
  insert(key: number, id: string): void {
    const i = this.lowerBound(key);
    if (i < this.keys.length && this.keys[i] === key) return;
    if (i === this.keys.length) {
      // Appending (the common case: a freshly created entity) avoids the splice.
      this.keys.push(key);
      this.values.push(id);
    } else {
      this.keys.splice(i, 0, key);
      this.values.splice(i, 0, id);
    }
  }

  /** Removes the entry with this key; returns whether it was present. */
  remove(key: number): boolean {
    const i = this.lowerBound(key);
    if (i >= this.keys.length || this.keys[i] !== key) return false;
    this.keys.splice(i, 1);
    this.values.splice(i, 1);
    return true;
  }

  /** Ids at positions [start, start + count). */
  slice(start: number, count: number): string[] {
    return this.values.slice(start, start + count);
  }

  /** Key at a position (used to build continuation tokens). */
  keyAt(index: number): number {
    return this.keys[index];
  }

  /** Id at a position. */
  idAt(index: number): string {
    return this.values[index];
  }

  /** All ids in key order (a copy). */
  toArray(): string[] {
    return this.values.slice();
  }
}

/** Default and maximum page sizes of the EIAM listing operations. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A resolved page request: skip `offset` entries and return at most `limit`. */
export interface PageRequest {
  offset: number;
  limit: number;
}

function positiveInteger(name: string, value: unknown, fallback: number, max?: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 1) throw invalidParameter(name, 'it must be a positive integer.');
  if (max !== undefined && n > max) throw invalidParameter(name, `it must not exceed ${max}.`);
  return n;
}

/** Resolves `PageNumber`/`PageSize` (defaults 1 and 20; PageSize at most 100). */
export function pageRequest(pageNumber: unknown, pageSize: unknown): PageRequest {
  const size = positiveInteger('PageSize', pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const number = positiveInteger('PageNumber', pageNumber, 1);
  return { offset: (number - 1) * size, limit: size };
}

/** A resolved token page request: continue after the entity with sequence `afterSeq`. */
export interface TokenRequest {
  afterSeq: number;
  limit: number;
}

const TOKEN_PREFIX = 'NT';

/** Builds the `NextToken` that continues after the entity with this sequence number. */
export function encodeNextToken(afterSeq: number): string {
  return TOKEN_PREFIX + Buffer.from(`v1:${afterSeq}`).toString('base64url');
}

/** Resolves `NextToken`/`MaxResults` (MaxResults default 20, at most 100). */
export function tokenRequest(nextToken: unknown, maxResults: unknown): TokenRequest {
  const limit = positiveInteger('MaxResults', maxResults, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  if (nextToken === undefined || nextToken === null || nextToken === '') return { afterSeq: 0, limit };
  const text = String(nextToken);
  const decoded = text.startsWith(TOKEN_PREFIX)
    ? Buffer.from(text.slice(TOKEN_PREFIX.length), 'base64url').toString()
    : '';
  const match = /^v1:(\d+)$/.exec(decoded);
  if (!match) throw invalidParameter('NextToken', 'it is not a token returned by this operation.');
  return { afterSeq: Number(match[1]), limit };
}

/** One page of results plus the total number of matches. */
export interface Page<T> {
  items: T[];
  totalCount: number;
  /** Present in token mode when more results follow. */
  nextToken?: string;
}

/** How a listing is paged: by page number, or by continuation token (ListUsers). */
export type PageMode = ({ kind: 'page' } & PageRequest) | ({ kind: 'token' } & TokenRequest);

/** Picks token paging when `NextToken` or `MaxResults` is given, else page-number paging. */
export function pageMode(p: {
  pageNumber?: unknown;
  pageSize?: unknown;
  nextToken?: unknown;
  maxResults?: unknown;
}): PageMode {
  const given = (v: unknown) => v !== undefined && v !== null && v !== '';
  if (given(p.nextToken) || given(p.maxResults))
    return { kind: 'token', ...tokenRequest(p.nextToken, p.maxResults) };
  return { kind: 'page', ...pageRequest(p.pageNumber, p.pageSize) };
}

/** One page of ids taken straight from an index: O(log n + page size), no scan. */
export function pageOfList(list: SortedIdList | undefined, mode: PageMode): Page<string> {
  const total = list?.size ?? 0;
  if (!list) return { items: [], totalCount: 0 };
  if (mode.kind === 'page') return { items: list.slice(mode.offset, mode.limit), totalCount: total };
  const start = list.lowerBound(mode.afterSeq + 1);
  const items = list.slice(start, mode.limit);
  const last = start + items.length - 1;
  const more = start + items.length < total;
  return { items, totalCount: total, nextToken: more ? encodeNextToken(list.keyAt(last)) : undefined };
}

/** One page of an already filtered list sorted by `seq`. */
export function pageOfSorted<T extends { seq: number }>(matches: T[], mode: PageMode): Page<T> {
  if (mode.kind === 'page') {
    return { items: matches.slice(mode.offset, mode.offset + mode.limit), totalCount: matches.length };
  }
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (matches[mid].seq <= mode.afterSeq) lo = mid + 1;
    else hi = mid;
  }
  const items = matches.slice(lo, lo + mode.limit);
  const more = lo + items.length < matches.length;
  return {
    items,
    totalCount: matches.length,
    nextToken: more ? encodeNextToken(items[items.length - 1].seq) : undefined,
  };
}
