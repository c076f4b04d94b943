import { choosePaginationStyle, findListField, listAll, paginate } from '../../src/client';

describe('pagination helper', () => {
  it('trusts TotalCount when the service caps the page size below what was asked', async () => {
    const all = Array.from({ length: 25 }, (_, i) => i);
    const asked: unknown[] = [];
    const items = await listAll(
      async (req) => {
        asked.push(req.PageNumber);
        const page = Number(req.PageNumber);
        return { TotalCount: all.length, Items: all.slice((page - 1) * 10, page * 10) };
      },
      {},
      { paramNames: ['PageNumber', 'PageSize'], pageSize: 100 },
    );
    expect(items).toEqual(all);
    expect(asked).toEqual([1, 2, 3]);
  });

  it('stops on a short page when there is no TotalCount', async () => {
    let calls = 0;
    const items = await listAll(
      async () => {
        calls++;
        return { Things: calls === 1 ? [1, 2] : [3] };
      },
      { PageSize: 2 },
      { paramNames: ['PageNumber'] },
    );
    expect(items).toEqual([1, 2, 3]);
  });

  it('refuses a repeating NextToken and a listing that never ends', async () => {
    const loop = paginate(async () => ({ Users: [1], NextToken: 'same' }), { NextToken: 'start' }, {});
    await expect(listAllOf(loop)).rejects.toThrow(/same NextToken twice/);
    let n = 0;
    const endless = paginate(
      async () => ({ Users: [1], NextToken: String(++n) }),
      {},
      { style: 'token', maxPages: 5 },
    );
    await expect(listAllOf(endless)).rejects.toThrow(/after 5 pages/);
  });

  it('chooses the style from the request and the operation', () => {
    expect(choosePaginationStyle({}, ['PageNumber', 'NextToken'])).toBe('page');
    expect(choosePaginationStyle({ MaxResults: 5 }, ['PageNumber', 'NextToken'])).toBe('token');
    expect(choosePaginationStyle({}, ['NextToken'])).toBe('token');
    expect(choosePaginationStyle({}, [])).toBeUndefined();
    expect(choosePaginationStyle({}, [], 'page')).toBe('page');
  });

  it('infers the list field only when it is unambiguous', () => {
    expect(findListField({ Users: [], TotalCount: 1 })).toBe('Users');
    expect(() => findListField({ A: [], B: [] })).toThrow(/A, B/);
    expect(() => findListField({ TotalCount: 0 })).toThrow(/no array field/);
  });
});

async function listAllOf<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
