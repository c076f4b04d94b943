import { OPERATIONS, type ParamSpec } from '../../src/catalog';
import { flatten, formEncode, parseFormEncoded, percentEncode, unflatten } from '../../src/client';
import { Prng, randomString } from './support/prng';

/** A random value of the given shape, as a typed request would hold it. */
function valueFor(rng: Prng, shape: ParamSpec | NonNullable<ParamSpec['items']>): unknown {
  switch (shape.type) {
    case 'string':
      return randomString(rng, 6);
    case 'integer':
      return rng.int(-3, 5000);
    case 'boolean':
      return rng.chance(0.5);
    case 'array':
      return Array.from({ length: rng.int(1, 3) }, () => valueFor(rng, shape.items ?? { type: 'string' }));
    case 'object': {
      const out: Record<string, unknown> = {};
      // At least one field: an empty object sends nothing, so there is nothing to rebuild.
      const fields = Object.entries(shape.properties ?? {});
      fields.forEach(([name, inner], index) => {
        if (index === 0 || rng.chance(0.7)) out[name] = valueFor(rng, inner);
      });
      return out;
    }
  }
}

describe('unflatten', () => {
  it('rebuilds every operation’s random requests from their flat form (typed by the catalog)', () => {
    const rng = new Prng(5);
    for (const [name, spec] of Object.entries(OPERATIONS)) {
      for (let i = 0; i < 10; i++) {
        const request: Record<string, unknown> = {};
        for (const param of spec.request)
          if (param.required || rng.chance(0.6)) request[param.name] = valueFor(rng, param);
        const wire = formEncode(flatten(request));
        expect({ name, rebuilt: unflatten(parseFormEncoded(wire), spec.request) }).toEqual({
          name,
          rebuilt: request,
        });
      }
    }
  });

  it('coerces integers and booleans by spec and keeps unparseable values as strings', () => {
    const spec = OPERATIONS.ListUsers.request;
    expect(
      unflatten(
        { InstanceId: 'i', PageNumber: '2', PageSize: 'ten', 'UserIds.2': 'b', 'UserIds.1': 'a' },
        spec,
      ),
    ).toEqual({
      InstanceId: 'i',
      PageNumber: 2,
      PageSize: 'ten',
      UserIds: ['a', 'b'],
    });
  });

  it('orders array items by index, closes gaps, and keeps unknown fields verbatim', () => {
    const spec = OPERATIONS.CreateUser.request;
    const rebuilt = unflatten(
      {
        InstanceId: 'i',
        'CustomFields.10.FieldName': 'ten',
        'CustomFields.2.FieldName': 'two',
        'CustomFields.2.FieldValue': 'v',
        'PasswordInitializationConfig.Enable': 'true',
        Unknown: 'x',
        'Mystery.1': 'y',
      },
      spec,
    );
    expect(rebuilt).toMatchObject({
      InstanceId: 'i',
      CustomFields: [{ FieldName: 'two', FieldValue: 'v' }, { FieldName: 'ten' }],
      Unknown: 'x',
      'Mystery.1': 'y',
    });
  });

  it('accepts an array parameter sent as one JSON field', () => {
    expect(unflatten({ UserIds: '["a","b"]', InstanceId: 'i' }, OPERATIONS.ListUsers.request)).toEqual({
      UserIds: ['a', 'b'],
      InstanceId: 'i',
    });
  });
});

describe('form encoding', () => {
  it('round-trips awkward values and reads + as a space', () => {
    const rng = new Prng(3);
    for (let i = 0; i < 200; i++) {
      const flat = { [`K${i}`]: randomString(rng, 15), 'A.1.B': randomString(rng, 5) };
      expect(parseFormEncoded(formEncode(flat))).toEqual(flat);
      expect(parseFormEncoded(new URLSearchParams(flat).toString())).toEqual(flat);
    }
    expect(parseFormEncoded('?a=1+2&b=%2B&c&a=3')).toEqual({ a: '3', b: '+', c: '' });
  });
});

describe('percentEncode fast path', () => {
  it.each([
    ["!'()*", '%21%27%28%29%2A'],
    ['a b+c/~', 'a%20b%2Bc%2F~'],
    ['中文', '%E4%B8%AD%E6%96%87'],
    ['\ud800x', '%EF%BF%BDx'],
  ])('encodes %j as %s', (input, expected) => {
    expect(percentEncode(input)).toBe(expected);
  });
});
