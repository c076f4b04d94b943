import { T0, withInstance } from './directory-fixture';

const ids = (list: { OrganizationalUnitId: string }[]) => list.map((o) => o.OrganizationalUnitId);

describe('CreateOrganizationalUnit and GetOrganizationalUnit', () => {
  it('creates nested OUs and reports parent, leaf flag and source', () => {
    const fx = withInstance();
    const sales = fx.call('CreateOrganizationalUnit', {
      OrganizationalUnitName: 'sales',
      ParentId: fx.rootOu,
      Description: 'Sales',
      OrganizationalUnitExternalId: 'ext-sales',
    }).OrganizationalUnitId;
    const emea = fx.ou('emea', sales);
    expect(sales).toMatch(/^ou_[a-z0-9]{26}$/);
    expect(fx.call('GetOrganizationalUnit', { OrganizationalUnitId: sales }).OrganizationalUnit).toEqual({
      OrganizationalUnitId: sales,
      InstanceId: fx.instanceId,
      OrganizationalUnitName: 'sales',
      Description: 'Sales',
      ParentId: fx.rootOu,
      Leaf: false,
      OrganizationalUnitExternalId: 'ext-sales',
      OrganizationalUnitSourceType: 'build_in',
      OrganizationalUnitSourceId: fx.instanceId,
      CreateTime: T0,
      UpdateTime: T0,
    });
    expect(fx.call('GetOrganizationalUnit', { OrganizationalUnitId: emea }).OrganizationalUnit).toMatchObject(
      {
        ParentId: sales,
        Leaf: true,
        OrganizationalUnitExternalId: emea,
      },
    );
  });

  it('keeps names unique among siblings only', () => {
    const fx = withInstance();
    const a = fx.ou('a');
    const b = fx.ou('b');
    fx.ou('team', a);
    expect(fx.ou('team', b)).toBeDefined();
    expect(
      fx.errorIn('CreateOrganizationalUnit', { OrganizationalUnitName: 'team', ParentId: a }),
    ).toMatchObject({
      code: 'EntityAlreadyExists.OrganizationalUnit.OrganizationalUnitName',
      httpStatus: 409,
    });
  });

  it('validates name, parent and external id', () => {
    const fx = withInstance();
    expect(
      fx.errorIn('CreateOrganizationalUnit', { OrganizationalUnitName: 'x'.repeat(65), ParentId: fx.rootOu })
        .code,
    ).toBe('InvalidParameter.OrganizationalUnitName');
    expect(
      fx.errorIn('CreateOrganizationalUnit', { OrganizationalUnitName: 'x', ParentId: 'ou_x' }).code,
    ).toBe('EntityNotExists.OrganizationalUnit');
    fx.call('CreateOrganizationalUnit', {
      OrganizationalUnitName: 'a',
      ParentId: fx.rootOu,
      OrganizationalUnitExternalId: 'e',
    });
    expect(
      fx.errorIn('CreateOrganizationalUnit', {
        OrganizationalUnitName: 'b',
        ParentId: fx.rootOu,
        OrganizationalUnitExternalId: 'e',
      }).code,
    ).toBe('EntityAlreadyExists.OrganizationalUnit.OrganizationalUnitExternalId');
  });
});

describe('UpdateOrganizationalUnit*', () => {
  it('renames only when a name is given, keeping sibling names unique', () => {
    const fx = withInstance();
    const a = fx.ou('a');
    fx.ou('b');
    fx.advance(7);
    fx.call('UpdateOrganizationalUnit', { OrganizationalUnitId: a });
    fx.call('UpdateOrganizationalUnit', { OrganizationalUnitId: a, OrganizationalUnitName: '' });
    expect(fx.call('GetOrganizationalUnit', { OrganizationalUnitId: a }).OrganizationalUnit).toMatchObject({
      OrganizationalUnitName: 'a',
      UpdateTime: T0,
    });
    expect(
      fx.errorIn('UpdateOrganizationalUnit', { OrganizationalUnitId: a, OrganizationalUnitName: 'b' }).code,
    ).toBe('EntityAlreadyExists.OrganizationalUnit.OrganizationalUnitName');
    fx.call('UpdateOrganizationalUnit', { OrganizationalUnitId: a, OrganizationalUnitName: 'a2' });
    expect(fx.call('GetOrganizationalUnit', { OrganizationalUnitId: a }).OrganizationalUnit).toMatchObject({
      OrganizationalUnitName: 'a2',
      UpdateTime: T0 + 7,
    });
    // The old name is free again and the renamed OU keeps its children.
    const child = fx.ou('child', a);
    expect(fx.ou('a')).toBeDefined();
    expect(ids(fx.call('ListOrganizationalUnits', { ParentId: a }).OrganizationalUnits)).toEqual([child]);
  });

  it('sets and clears the description', () => {
    const fx = withInstance();
    const a = fx.ou('a');
    fx.call('UpdateOrganizationalUnitDescription', { OrganizationalUnitId: a, Description: 'hello' });
    expect(fx.call('GetOrganizationalUnit', { OrganizationalUnitId: a }).OrganizationalUnit.Description).toBe(
      'hello',
    );
    fx.call('UpdateOrganizationalUnitDescription', { OrganizationalUnitId: a, Description: '' });
    expect(
      fx.call('GetOrganizationalUnit', { OrganizationalUnitId: a }).OrganizationalUnit.Description,
    ).toBeUndefined();
  });

  it('moves an OU with its subtree and members', () => {
    const fx = withInstance();
    const a = fx.ou('a');
    const b = fx.ou('b');
    const a1 = fx.ou('a1', a);
    const userId = fx.user('alice', { PrimaryOrganizationalUnitId: a1 });
    fx.call('UpdateOrganizationalUnitParentId', { OrganizationalUnitId: a, ParentId: b });
    expect(fx.call('GetOrganizationalUnit', { OrganizationalUnitId: a }).OrganizationalUnit.ParentId).toBe(b);
    expect(ids(fx.call('ListOrganizationalUnits', { ParentId: b }).OrganizationalUnits)).toEqual([a]);
    expect(ids(fx.call('ListOrganizationalUnits', { ParentId: a }).OrganizationalUnits)).toEqual([a1]);
    expect(fx.call('GetOrganizationalUnit', { OrganizationalUnitId: b }).OrganizationalUnit.Leaf).toBe(false);
    expect(fx.service.ancestorsOf(fx.state(), a1)).toEqual([a, b, fx.rootOu]);
    expect(fx.call('ListUsers', { OrganizationalUnitId: a1 }).Users[0].UserId).toBe(userId);
  });

  it('refuses to move an OU under itself or one of its descendants', () => {
    const fx = withInstance();
    const a = fx.ou('a');
    const a1 = fx.ou('a1', a);
    const a11 = fx.ou('a11', a1);
    for (const parent of [a, a1, a11]) {
      expect(
        fx.errorIn('UpdateOrganizationalUnitParentId', { OrganizationalUnitId: a, ParentId: parent }),
      ).toMatchObject({
        code: 'InvalidParameter.ParentId',
        httpStatus: 400,
      });
    }
    expect(fx.call('GetOrganizationalUnit', { OrganizationalUnitId: a }).OrganizationalUnit.ParentId).toBe(
      fx.rootOu,
    );
  });

  it('refuses a move that would clash with a sibling name', () => {
    const fx = withInstance();
    const a = fx.ou('a');
    const b = fx.ou('b');
    fx.ou('x', a);
    const bx = fx.ou('x', b);
    expect(
      fx.errorIn('UpdateOrganizationalUnitParentId', { OrganizationalUnitId: bx, ParentId: a }).code,
    ).toBe('EntityAlreadyExists.OrganizationalUnit.OrganizationalUnitName');
  });

  it('never moves or deletes the root', () => {
    const fx = withInstance();
    const a = fx.ou('a');
    for (const [op, params] of [
      ['UpdateOrganizationalUnitParentId', { OrganizationalUnitId: fx.rootOu, ParentId: a }],
      ['DeleteOrganizationalUnit', { OrganizationalUnitId: fx.rootOu }],
      ['DeleteOrganizationalUnitChildren', { OrganizationalUnitId: fx.rootOu }],
    ] as const) {
      expect(fx.errorIn(op, params)).toMatchObject({
        code: 'OperationDenied.RootOrganizationalUnit',
        httpStatus: 403,
      });
    }
  });
});

describe('DeleteOrganizationalUnit', () => {
  it('refuses an OU with child OUs', () => {
    const fx = withInstance();
    const a = fx.ou('a');
    fx.ou('a1', a);
    expect(fx.errorIn('DeleteOrganizationalUnit', { OrganizationalUnitId: a })).toMatchObject({
      code: 'OperationConflict.OrganizationalUnit.HasChildren',
      httpStatus: 409,
    });
  });

  it('refuses an OU with member accounts, primary or not', () => {
    const fx = withInstance();
    const a = fx.ou('a');
    const userId = fx.user('alice', { OrganizationalUnitIds: [a] });
    expect(fx.errorIn('DeleteOrganizationalUnit', { OrganizationalUnitId: a })).toMatchObject({
      code: 'OperationConflict.OrganizationalUnit.HasUsers',
      httpStatus: 409,
    });
    fx.call('RemoveUserFromOrganizationalUnits', { UserId: userId, OrganizationalUnitIds: [a] });
    fx.call('DeleteOrganizationalUnit', { OrganizationalUnitId: a });
    expect(fx.errorIn('GetOrganizationalUnit', { OrganizationalUnitId: a }).code).toBe(
      'EntityNotExists.OrganizationalUnit',
    );
  });

  it('deletes an empty OU, freeing its name and telling the applications module', () => {
    const fx = withInstance();
    const a = fx.ou('a');
    const heard: string[] = [];
    fx.service.onPrincipalDeleted((_i, kind, id) => heard.push(`${kind}:${id}`));
    fx.call('DeleteOrganizationalUnit', { OrganizationalUnitId: a });
    expect(heard).toEqual([`organizationalUnit:${a}`]);
    expect(fx.ou('a')).not.toBe(a);
    expect(
      fx.call('GetOrganizationalUnit', { OrganizationalUnitId: fx.rootOu }).OrganizationalUnit.Leaf,
    ).toBe(false);
  });
});

describe('DeleteOrganizationalUnitChildren', () => {
  it('removes the subtree and the accounts homed in it; other accounts only lose the membership', () => {
    const fx = withInstance();
    const a = fx.ou('a');
    const a1 = fx.ou('a1', a);
    const a11 = fx.ou('a11', a1);
    const keep = fx.ou('keep');
    const homedDeep = fx.user('deep', { PrimaryOrganizationalUnitId: a11 });
    const homedTop = fx.user('top', { PrimaryOrganizationalUnitId: a, OrganizationalUnitIds: [keep] });
    const visitor = fx.user('visitor', { PrimaryOrganizationalUnitId: keep, OrganizationalUnitIds: [a1] });
    const heard: string[] = [];
    fx.service.onPrincipalDeleted((_i, kind, id) => heard.push(`${kind}:${id}`));

    fx.call('DeleteOrganizationalUnitChildren', { OrganizationalUnitId: a });

    for (const ou of [a, a1, a11]) {
      expect(fx.errorIn('GetOrganizationalUnit', { OrganizationalUnitId: ou }).code).toBe(
        'EntityNotExists.OrganizationalUnit',
      );
    }
    expect(fx.errorIn('GetUser', { UserId: homedDeep }).code).toBe('EntityNotExists.User');
    expect(fx.errorIn('GetUser', { UserId: homedTop }).code).toBe('EntityNotExists.User');
    expect(fx.call('GetUser', { UserId: visitor }).User.OrganizationalUnits).toEqual([
      { OrganizationalUnitId: keep, OrganizationalUnitName: 'keep', Primary: true },
    ]);
    expect(
      fx.call('ListUsers', { OrganizationalUnitId: keep }).Users.map((u: { UserId: string }) => u.UserId),
    ).toEqual([visitor]);
    expect(heard.sort()).toEqual(
      [
        `user:${homedDeep}`,
        `user:${homedTop}`,
        `organizationalUnit:${a}`,
        `organizationalUnit:${a1}`,
        `organizationalUnit:${a11}`,
      ].sort(),
    );
    expect(ids(fx.call('ListOrganizationalUnits').OrganizationalUnits)).toEqual([fx.rootOu, keep]);
  });
});

describe('ListOrganizationalUnits', () => {
  it('lists all OUs (root first) or one parent’s children, in creation order', () => {
    const fx = withInstance();
    const a = fx.ou('a');
    const b = fx.ou('b');
    const a1 = fx.ou('a1', a);
    const all = fx.call('ListOrganizationalUnits');
    expect(all.TotalCount).toBe(4);
    expect(ids(all.OrganizationalUnits)).toEqual([fx.rootOu, a, b, a1]);
    expect(ids(fx.call('ListOrganizationalUnits', { ParentId: fx.rootOu }).OrganizationalUnits)).toEqual([
      a,
      b,
    ]);
    expect(
      ids(
        fx.call('ListOrganizationalUnits', { ParentId: fx.rootOu, PageNumber: 2, PageSize: 1 })
          .OrganizationalUnits,
      ),
    ).toEqual([b]);
    expect(fx.errorIn('ListOrganizationalUnits', { ParentId: 'ou_x' }).code).toBe(
      'EntityNotExists.OrganizationalUnit',
    );
  });

  it('filters by exact name, name prefix and ids', () => {
    const fx = withInstance();
    const sales = fx.ou('sales');
    const support = fx.ou('support');
    const salesEu = fx.ou('sales', support);
    const list = (p: Record<string, unknown>) =>
      ids(fx.call('ListOrganizationalUnits', p).OrganizationalUnits);
    expect(list({ OrganizationalUnitName: 'sales' })).toEqual([sales, salesEu]);
    expect(list({ OrganizationalUnitName: 'sales', ParentId: support })).toEqual([salesEu]);
    expect(list({ OrganizationalUnitNameStartsWith: 's', ParentId: fx.rootOu })).toEqual([sales, support]);
    expect(list({ OrganizationalUnitIds: [salesEu, sales, 'ou_x'] })).toEqual([sales, salesEu]);
    expect(
      fx.errorIn('ListOrganizationalUnits', {
        OrganizationalUnitIds: Array.from({ length: 101 }, (_, i) => `ou_${i}`),
      }).code,
    ).toBe('InvalidParameter.OrganizationalUnitIds');
  });
});
