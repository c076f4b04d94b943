import { directoryFixture, T0, withInstance } from './directory-fixture';

describe('regions', () => {
  it('lists the EIAM regions with their endpoints', () => {
    const { call } = directoryFixture();
    const regions = call('ListRegions').Regions;
    expect(regions).toContainEqual({
      RegionId: 'cn-hangzhou',
      LocalName: expect.any(String),
      RegionEndpoint: 'eiam.cn-hangzhou.aliyuncs.com',
    });
  });
});

describe('instances', () => {
  it('creates instances with ids shaped like the real service', () => {
    const { call } = directoryFixture();
    expect(call('CreateInstance').InstanceId).toMatch(/^idaas_[a-z0-9]{26}$/);
  });

  it('reports creating until the creation delay has passed, then running', () => {
    const { call, advance } = directoryFixture({ instanceCreationDelayMs: 30_000 });
    const id = call('CreateInstance', { Description: 'slow' }).InstanceId;
    expect(call('GetInstance', { InstanceId: id }).Instance).toMatchObject({
      Status: 'creating',
      DefaultEndpoint: { Status: 'unresolved' },
    });
    advance(29_999);
    expect(call('GetInstance', { InstanceId: id }).Instance.Status).toBe('creating');
    advance(1);
    expect(call('GetInstance', { InstanceId: id }).Instance).toMatchObject({
      Status: 'running',
      DefaultEndpoint: { Status: 'resolved' },
    });
    expect(
      call('GetRootOrganizationalUnit', { InstanceId: id }).OrganizationalUnit.OrganizationalUnitId,
    ).toMatch(/^ou_[a-z0-9]{26}$/);
  });

  it('refuses work on an instance that is not running yet', () => {
    const { call, callError } = directoryFixture({ instanceCreationDelayMs: 10_000 });
    const id = call('CreateInstance').InstanceId;
    for (const [op, params] of [
      ['GetRootOrganizationalUnit', {}],
      ['CreateGroup', { GroupName: 'g' }],
      ['ListUsers', {}],
      ['GetPasswordComplexityConfiguration', {}],
    ] as const) {
      const err = callError(op, { InstanceId: id, ...params });
      expect(err).toMatchObject({ code: 'OperationDenied.InstanceStatus', httpStatus: 403 });
    }
  });

  it('creates every instance with a root organizational unit', () => {
    const { call, instanceId, rootOu } = withInstance();
    const root = call('GetRootOrganizationalUnit').OrganizationalUnit;
    expect(root).toEqual({
      OrganizationalUnitId: rootOu,
      InstanceId: instanceId,
      OrganizationalUnitName: 'tests',
      CreateTime: T0,
      UpdateTime: T0,
    });
    expect(
      call('GetOrganizationalUnit', { OrganizationalUnitId: rootOu }).OrganizationalUnit.ParentId,
    ).toBeUndefined();
  });

  it('reports description, creation time and default endpoint and domain', () => {
    const { call, instanceId } = withInstance();
    const inst = call('GetInstance').Instance;
    expect(inst).toMatchObject({
      InstanceId: instanceId,
      Description: 'tests',
      Status: 'running',
      CreateTime: T0,
    });
    expect(inst.DefaultEndpoint.Endpoint).toMatch(/^[a-z0-9]+\.aliyunidaas\.com$/);
    expect(inst.DomainConfig.DefaultDomain).toBe(inst.DefaultEndpoint.Endpoint);
  });

  it('updates and clears the description', () => {
    const { call } = withInstance();
    call('UpdateInstanceDescription', { Description: 'renamed' });
    expect(call('GetInstance').Instance.Description).toBe('renamed');
    call('UpdateInstanceDescription', { Description: '' });
    expect(call('GetInstance').Instance.Description).toBeUndefined();
  });

  it('rejects a description longer than 128 characters', () => {
    const { callError } = directoryFixture();
    expect(callError('CreateInstance', { Description: 'x'.repeat(129) }).code).toBe(
      'InvalidParameter.Description',
    );
  });

  it('lists instances in creation order with paging and filters', () => {
    const { call, advance } = directoryFixture({ instanceCreationDelayMs: 1000 });
    const ids = [0, 1, 2].map(() => call('CreateInstance').InstanceId);
    advance(1000);
    const fourth = call('CreateInstance').InstanceId;
    const all = call('ListInstances');
    expect(all.TotalCount).toBe(4);
    expect(all.Instances.map((i: { InstanceId: string }) => i.InstanceId)).toEqual([...ids, fourth]);
    const page2 = call('ListInstances', { PageNumber: 2, PageSize: 3 });
    expect(page2.Instances.map((i: { InstanceId: string }) => i.InstanceId)).toEqual([fourth]);
    expect(call('ListInstances', { Status: 'creating' }).TotalCount).toBe(1);
    expect(call('ListInstances', { InstanceIds: [ids[1]] }).Instances[0].InstanceId).toBe(ids[1]);
  });

  it('rejects page sizes above 100', () => {
    const { callError } = directoryFixture();
    expect(callError('ListInstances', { PageSize: 101 })).toMatchObject({
      code: 'InvalidParameter.PageSize',
      httpStatus: 400,
    });
    expect(callError('ListInstances', { PageNumber: 0 }).code).toBe('InvalidParameter.PageNumber');
  });

  it('deletes an instance with everything in it', () => {
    const { call, errorIn, user, state, service, instanceId } = withInstance();
    const userId = user('alice');
    expect(state().users.size).toBe(1);
    call('DeleteInstance');
    expect(service.state.instances.has(instanceId)).toBe(false);
    expect(errorIn('GetInstance')).toMatchObject({ code: 'EntityNotExists.Instance', httpStatus: 404 });
    expect(errorIn('GetUser', { UserId: userId }).code).toBe('EntityNotExists.Instance');
    expect(errorIn('DeleteInstance').code).toBe('EntityNotExists.Instance');
  });

  it('can delete an instance that is still being created', () => {
    const { call, callError } = directoryFixture({ instanceCreationDelayMs: 10_000 });
    const id = call('CreateInstance').InstanceId;
    call('DeleteInstance', { InstanceId: id });
    expect(callError('GetInstance', { InstanceId: id }).code).toBe('EntityNotExists.Instance');
  });
});
