/**
 * Walking list operations page by page. Two styles exist in EIAM:
 * - `page`: `PageNumber` (from 1) and `PageSize` in, `TotalCount` out;
 * - `token`: `NextToken` and `MaxResults` in, `NextToken` out (absent or empty on the last page).
 * The items sit in one array field of the response (`Users`, `Groups`, …).
 */

import type { PaginationStyle } from '../catalog';

/** Pagination scheme of a list call (declared per operation in the catalog). */
export type { PaginationStyle };

/** Default page size when the request sets none (EIAM's documented maximum). */
export const DEFAULT_PAGE_SIZE = 100;
/** Default bound on pages fetched, a guard against a service that never says "last page". */
export const DEFAULT_MAX_PAGES = 10_000;

/** Options of {@link paginate}. */
export interface PaginateOptions<F extends string = string> {
  /** Response field holding the items; inferred when the response has exactly one array field. */
  readonly field?: F;
  /** Force a style; otherwise chosen from the request and the operation's parameters. */
  readonly style?: PaginationStyle;
  /** Page size to ask for when the request sets none; default {@link DEFAULT_PAGE_SIZE}. */
  readonly pageSize?: number;
  /** Stop with an error after this many pages; default {@link DEFAULT_MAX_PAGES}. */
  readonly maxPages?: number;
}

/** Fetches one page: the request with paging parameters filled in → the response body. */
export type PageFetcher = (request: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** What {@link paginate} knows about the operation beyond the request. */
export interface PaginateContext<F extends string = string> extends PaginateOptions<F> {
  /** Names of the operation's request parameters (to tell which styles it supports). */
  readonly paramNames?: readonly string[];
}

/**
 * Chooses the style: forced by options; `token` when the request already carries `NextToken`
 * or `MaxResults`; `page` when the operation takes `PageNumber`; `token` when it takes only
 * `NextToken`; `undefined` (a single call) otherwise.
 */
export function choosePaginationStyle(
  request: Readonly<Record<string, unknown>>,
  paramNames: readonly string[] | undefined,
  forced?: PaginationStyle,
): PaginationStyle | undefined {
  if (forced) return forced;
  if (request.NextToken !== undefined || request.MaxResults !== undefined) return 'token';
  const names = paramNames ?? [];
  if (names.includes('PageNumber')) return 'page';
  if (names.includes('NextToken')) return 'token';
  return undefined;
}

/** Names the response field holding the items: `field`, else the one array-valued field. */
export function findListField(response: Readonly<Record<string, unknown>>, field?: string): string {
  if (field) return field;
  const arrays = Object.keys(response).filter((key) => Array.isArray(response[key]));
  if (arrays.length === 1) return arrays[0];
  throw new Error(
    arrays.length === 0
      ? 'Cannot tell which response field holds the list items (no array field); pass `field`.'
      : `Cannot tell which response field holds the list items (${arrays.join(', ')}); pass \`field\`.`,
  );
}

function itemsOf(response: Readonly<Record<string, unknown>>, field: string | undefined): unknown[] {
  // An empty last page may omit the array entirely; with no field known there are no items.
  const name = field ?? (Object.values(response).some(Array.isArray) ? findListField(response) : undefined);
  if (name === undefined) return [];
  const value = response[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`Response field ${name} is not a list.`);
  return value;
}

function positiveInt(value: unknown, fallback: number): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Yields every item of a list operation, fetching pages lazily with `fetchPage`.
 * Stops on an empty page, once `TotalCount` items are reached (on a short page when there is
 * no total), or when no `NextToken` comes
 * back; throws if a `NextToken` repeats or `maxPages` is exceeded.
 */
export async function* paginate<T = unknown>(
  fetchPage: PageFetcher,
  request: Readonly<Record<string, unknown>>,
  context: PaginateContext = {},
): AsyncGenerator<T, void, undefined> {
  const style = choosePaginationStyle(request, context.paramNames, context.style);
  const maxPages = positiveInt(context.maxPages, DEFAULT_MAX_PAGES);
  const field = context.field;

  if (style === undefined) {
    yield* itemsOf(await fetchPage({ ...request }), field) as T[];
    return;
  }

  if (style === 'page') {
    const pageSize = positiveInt(request.PageSize, positiveInt(context.pageSize, DEFAULT_PAGE_SIZE));
    const firstPage = positiveInt(request.PageNumber, 1);
    let collected = 0;
    for (let pageNumber = firstPage; ; pageNumber++) {
      if (pageNumber - firstPage >= maxPages)
        throw new Error(`Stopped after ${maxPages} pages; the listing did not end.`);
      const response = await fetchPage({ ...request, PageNumber: pageNumber, PageSize: pageSize });
      const items = itemsOf(response, field);
      yield* items as T[];
      collected += items.length;
      if (items.length === 0) return;
      const total = typeof response.TotalCount === 'number' ? response.TotalCount : undefined;
      // With a total, trust it (the service may cap the page size below what was asked);
      // without one, a short page is the last.
      if (total !== undefined ? (firstPage - 1) * pageSize + collected >= total : items.length < pageSize)
        return;
    }
  }

  const maxResults = positiveInt(request.MaxResults, positiveInt(context.pageSize, DEFAULT_PAGE_SIZE));
  const seen = new Set<string>();
  let token =
    typeof request.NextToken === 'string' && request.NextToken !== '' ? request.NextToken : undefined;
  for (let fetched = 0; ; fetched++) {
    if (fetched >= maxPages) throw new Error(`Stopped after ${maxPages} pages; the listing did not end.`);
    const pageRequest: Record<string, unknown> = { ...request, MaxResults: maxResults };
    delete pageRequest.NextToken;
    if (token !== undefined) pageRequest.NextToken = token;
    const response = await fetchPage(pageRequest);
    yield* itemsOf(response, field) as T[];
    const next = response.NextToken;
    if (typeof next !== 'string' || next === '') return;
    if (seen.has(next))
      throw new Error('The service returned the same NextToken twice; stopping to avoid a loop.');
    seen.add(next);
    token = next;
  }
}

/** Collects every item of {@link paginate} into an array. */
export async function listAll<T = unknown>(
  fetchPage: PageFetcher,
  request: Readonly<Record<string, unknown>>,
  context: PaginateContext = {},
): Promise<T[]> {
  const out: T[] = [];
  for await (const item of paginate<T>(fetchPage, request, context)) out.push(item);
  return out;
}
