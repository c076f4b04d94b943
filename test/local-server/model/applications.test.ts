import { errorOf, fixture } from './application-fixture';

const STANDARD = 'urn:alibaba:idaas:app:source:standard';
const TEMPLATE = 'urn:alibaba:idaas:app:source:template';

describe('CreateApplication', () => {
  it('creates an enabled application whose ClientId is its ApplicationId', () => {
    const f = fixture();
    const id = f.createApp('saml2', { Description: 'desc', LogoUrl: 'https://example.com/logo.png' });
    expect(id).toMatch(/^app_[a-z0-9]{26}$/);
    const app = f.call('GetApplication', { ApplicationId: id }).Application;
    expect(app).toMatchObject({
      ApplicationId: id,
      ClientId: id,
      InstanceId: f.instanceId,
      ApplicationName: 'app-saml2',
      Description: 'desc',
      LogoUrl: 'https://example.com/logo.png',
      SsoType: 'saml2',
      Status: 'enabled',
      AuthorizationType: 'authorize_required',
      ApiInvokeStatus: 'disabled',
      ApplicationSourceType: STANDARD,
      ApplicationCreationType: 'user_custom',
      ApplicationIdentityType: 'application',
      CreateTime: f.now(),
      UpdateTime: f.now(),
    });
    expect(JSON.parse(app.Features)).toEqual(['sso', 'provision', 'api_invoke']);
  });

  it('requires ApplicationTemplateId for template applications', () => {
    const f = fixture();
    const params = { ApplicationName: 'x', ApplicationSourceType: TEMPLATE, SsoType: 'saml2' };
    expect(errorOf(() => f.call('CreateApplication', params)).code).toBe(
      'InvalidParameter.ApplicationTemplateId',
    );
    const id = f.call('CreateApplication', {
      ...params,
      ApplicationTemplateId: 'apt_rpa_tdsxxx',
    }).ApplicationId;
    expect(f.call('GetApplication', { ApplicationId: id }).Application.ApplicationTemplateId).toBe(
      'apt_rpa_tdsxxx',
    );
  });

  it('refuses a template id on a standard application', () => {
    const f = fixture();
    const err = errorOf(() => f.createApp('oidc', { ApplicationTemplateId: 'apt_x' }));
    expect(err.code).toBe('InvalidParameter.ApplicationTemplateId');
  });

  it('accepts only saml2 and oidc as SsoType, and known source types', () => {
    const f = fixture();
    expect(errorOf(() => f.createApp('cas' as 'oidc')).code).toBe('InvalidParameter.SsoType');
    const err = errorOf(() =>
      f.call('CreateApplication', { ApplicationName: 'x', ApplicationSourceType: 'urn:x', SsoType: 'oidc' }),
    );
    expect(err.code).toBe('InvalidParameter.ApplicationSourceType');
  });

  it('refuses a blank name and a non-URL logo', () => {
    const f = fixture();
    expect(errorOf(() => f.createApp('oidc', { ApplicationName: '  ' })).code).toBe(
      'InvalidParameter.ApplicationName',
    );
    expect(errorOf(() => f.createApp('oidc', { LogoUrl: 'logo.png' })).code).toBe('InvalidParameter.LogoUrl');
  });

  it('checks that owners exist', () => {
    const f = fixture();
    const err = errorOf(() => f.createApp('oidc', { ApplicationOwner: { UserIds: ['user_missing'] } }));
    expect(err).toMatchObject({ code: 'EntityNotExists.User', httpStatus: 404 });
    const id = f.createApp('oidc', { ApplicationOwner: { UserIds: [f.alice], GroupIds: [f.group] } });
    expect(f.call('GetApplication', { ApplicationId: id }).Application.ApplicationOwner).toEqual({
      UserIds: [f.alice],
      GroupIds: [f.group],
    });
  });
});

describe('GetApplication / DeleteApplication', () => {
  it('reports an unknown application as EntityNotExists.Application (404)', () => {
    const f = fixture();
    expect(errorOf(() => f.call('GetApplication', { ApplicationId: 'app_missing' }))).toMatchObject({
      code: 'EntityNotExists.Application',
      httpStatus: 404,
    });
  });

  it('deletes the application with its secrets, authorizations and configuration', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    f.call('AuthorizeApplicationToUsers', { ApplicationId: id, UserIds: [f.alice] });
    const secretId = f.call('CreateApplicationClientSecret', { ApplicationId: id }).ApplicationClientSecret
      .SecretId;
    f.call('DeleteApplication', { ApplicationId: id });
    expect(errorOf(() => f.call('GetApplication', { ApplicationId: id })).code).toBe(
      'EntityNotExists.Application',
    );
    expect(
      errorOf(() => f.call('ObtainApplicationClientSecret', { ApplicationId: id, SecretId: secretId })).code,
    ).toBe('EntityNotExists.Application');
    expect(f.call('ListApplicationsForUser', { UserId: f.alice }).TotalCount).toBe(0);
    expect(errorOf(() => f.call('DeleteApplication', { ApplicationId: id })).code).toBe(
      'EntityNotExists.Application',
    );
  });
});

describe('EnableApplication / DisableApplication', () => {
  it('toggles Status; a disabled application stays readable and configurable', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    f.advance(1000);
    f.call('DisableApplication', { ApplicationId: id });
    const app = f.call('GetApplication', { ApplicationId: id }).Application;
    expect(app.Status).toBe('disabled');
    expect(app.UpdateTime).toBe(app.CreateTime + 1000);
    f.call('UpdateApplicationDescription', { ApplicationId: id, Description: 'still editable' });
    f.call('AuthorizeApplicationToUsers', { ApplicationId: id, UserIds: [f.alice] });
    f.call('DisableApplication', { ApplicationId: id });
    f.call('EnableApplication', { ApplicationId: id });
    expect(f.call('GetApplication', { ApplicationId: id }).Application).toMatchObject({
      Status: 'enabled',
      Description: 'still editable',
    });
  });
});

describe('UpdateApplicationDescription / UpdateApplicationInfo', () => {
  it('updates and clears the description', () => {
    const f = fixture();
    const id = f.createApp('oidc', { Description: 'old' });
    f.call('UpdateApplicationDescription', { ApplicationId: id, Description: 'new' });
    expect(f.call('GetApplication', { ApplicationId: id }).Application.Description).toBe('new');
    f.call('UpdateApplicationDescription', { ApplicationId: id });
    expect(f.call('GetApplication', { ApplicationId: id }).Application.Description).toBeUndefined();
  });

  it('renames without changing ApplicationId or ClientId, and leaves unset fields alone', () => {
    const f = fixture();
    const id = f.createApp('oidc', { LogoUrl: 'https://example.com/a.png' });
    f.call('UpdateApplicationInfo', {
      ApplicationId: id,
      ApplicationName: 'renamed',
      ApplicationVisibility: ['portal'],
    });
    const app = f.call('GetApplication', { ApplicationId: id }).Application;
    expect(app).toMatchObject({
      ApplicationId: id,
      ClientId: id,
      ApplicationName: 'renamed',
      LogoUrl: 'https://example.com/a.png',
      ApplicationVisibility: ['portal'],
    });
  });

  it('adds, updates and deletes custom fields by Operation', () => {
    const f = fixture();
    const id = f.createApp('oidc', { CustomFields: [{ FieldName: 'agent_type', FieldValue: 'a' }] });
    f.call('UpdateApplicationInfo', {
      ApplicationId: id,
      CustomFields: [
        { FieldName: 'agent_type', FieldValue: 'b', Operation: 'update' },
        { FieldName: 'team', FieldValue: 'x', Operation: 'add' },
      ],
    });
    expect(f.call('GetApplication', { ApplicationId: id }).Application.CustomFields).toEqual([
      { FieldName: 'agent_type', FieldValue: 'b' },
      { FieldName: 'team', FieldValue: 'x' },
    ]);
    f.call('UpdateApplicationInfo', {
      ApplicationId: id,
      CustomFields: [{ FieldName: 'agent_type', Operation: 'delete' }],
    });
    expect(f.call('GetApplication', { ApplicationId: id }).Application.CustomFields).toEqual([
      { FieldName: 'team', FieldValue: 'x' },
    ]);
    const err = errorOf(() =>
      f.call('UpdateApplicationInfo', {
        ApplicationId: id,
        CustomFields: [{ FieldName: 'a', Operation: 'merge' }],
      }),
    );
    expect(err.code).toBe('InvalidParameter.CustomFields.Operation');
  });

  it('validates owners on update', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    const err = errorOf(() =>
      f.call('UpdateApplicationInfo', {
        ApplicationId: id,
        ApplicationOwner: { GroupIds: ['group_missing'] },
      }),
    );
    expect(err.code).toBe('EntityNotExists.Group');
  });
});

describe('ListApplications', () => {
  it('pages in creation order with TotalCount (defaults 1/20, PageSize at most 100)', () => {
    const f = fixture();
    const ids = Array.from({ length: 23 }, (_, i) => f.createApp('oidc', { ApplicationName: `app-${i}` }));
    const first = f.call('ListApplications', {});
    expect(first.TotalCount).toBe(23);
    expect(first.Applications.map((a: { ApplicationId: string }) => a.ApplicationId)).toEqual(
      ids.slice(0, 20),
    );
    const second = f.call('ListApplications', { PageNumber: 2, PageSize: 20 });
    expect(second.Applications.map((a: { ApplicationId: string }) => a.ApplicationId)).toEqual(ids.slice(20));
    expect(errorOf(() => f.call('ListApplications', { PageSize: 101 })).code).toBe(
      'InvalidParameter.PageSize',
    );
  });

  it('filters by name substring, status, SsoType, ids and authorization type', () => {
    const f = fixture();
    const a = f.createApp('oidc', { ApplicationName: 'Payroll Portal' });
    const b = f.createApp('saml2', { ApplicationName: 'Wiki' });
    const c = f.createApp('oidc', { ApplicationName: 'payroll-admin' });
    f.call('DisableApplication', { ApplicationId: c });
    f.call('UpdateApplicationAuthorizationType', { ApplicationId: b, AuthorizationType: 'default_all' });
    const ids = (params: Record<string, unknown>) =>
      f.call('ListApplications', params).Applications.map((x: { ApplicationId: string }) => x.ApplicationId);
    expect(ids({ ApplicationName: 'payroll' })).toEqual([a, c]);
    expect(ids({ Status: 'disabled' })).toEqual([c]);
    expect(ids({ SsoType: 'saml2' })).toEqual([b]);
    expect(ids({ ApplicationIds: [a, b] })).toEqual([a, b]);
    expect(ids({ AuthorizationType: 'default_all' })).toEqual([b]);
    expect(errorOf(() => ids({ Status: 'deleted' })).code).toBe('InvalidParameter.Status');
  });

  it('lists agent applications only when asked for them', () => {
    const f = fixture();
    const app = f.createApp('oidc');
    const agent = f.createApp('oidc', { ApplicationIdentityType: 'agent' });
    const ids = (params: Record<string, unknown>) =>
      f.call('ListApplications', params).Applications.map((x: { ApplicationId: string }) => x.ApplicationId);
    expect(ids({})).toEqual([app]);
    expect(ids({ ApplicationIdentityType: 'agent' })).toEqual([agent]);
    expect(ids({ ApplicationIdentityType: 'all' })).toEqual([app, agent]);
  });
});

describe('UpdateApplicationAuthorizationType', () => {
  it('accepts only authorize_required and default_all', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    f.call('UpdateApplicationAuthorizationType', { ApplicationId: id, AuthorizationType: 'default_all' });
    expect(f.call('GetApplication', { ApplicationId: id }).Application.AuthorizationType).toBe('default_all');
    const err = errorOf(() =>
      f.call('UpdateApplicationAuthorizationType', { ApplicationId: id, AuthorizationType: 'all' }),
    );
    expect(err.code).toBe('InvalidParameter.AuthorizationType');
  });
});

describe('Developer API', () => {
  it('toggles ApiInvokeStatus', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    f.call('EnableApplicationApiInvoke', { ApplicationId: id });
    expect(f.call('GetApplication', { ApplicationId: id }).Application.ApiInvokeStatus).toBe('enabled');
    f.call('DisableApplicationApiInvoke', { ApplicationId: id });
    expect(f.call('GetApplication', { ApplicationId: id }).Application.ApiInvokeStatus).toBe('disabled');
  });

  it('stores grant scopes from the known set and replaces them on each call', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    expect(
      f.call('GetApplicationGrantScope', { ApplicationId: id }).ApplicationGrantScope.GrantScopes,
    ).toEqual([]);
    const scopes = [
      'urn:alibaba:idaas:scope:user:read_all',
      'urn:alibaba:idaas:scope:organizational_unit:manage_all',
    ];
    f.call('SetApplicationGrantScope', { ApplicationId: id, GrantScopes: scopes });
    expect(
      f.call('GetApplicationGrantScope', { ApplicationId: id }).ApplicationGrantScope.GrantScopes,
    ).toEqual(scopes);
    const err = errorOf(() =>
      f.call('SetApplicationGrantScope', {
        ApplicationId: id,
        GrantScopes: ['urn:alibaba:idaas:scope:everything'],
      }),
    );
    expect(err.code).toBe('InvalidParameter.GrantScopes');
    f.call('SetApplicationGrantScope', { ApplicationId: id });
    expect(
      f.call('GetApplicationGrantScope', { ApplicationId: id }).ApplicationGrantScope.GrantScopes,
    ).toEqual([]);
  });
});

describe('determinism and snapshots', () => {
  it('gives the same ids and secrets from the same seed and requests', () => {
    const run = () => {
      const f = fixture('same-seed');
      const id = f.createApp('oidc');
      const secret = f.call('CreateApplicationClientSecret', { ApplicationId: id }).ApplicationClientSecret;
      return { id, secret };
    };
    expect(run()).toEqual(run());
  });

  it('keeps applications, secrets and authorizations across snapshot and restore', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    f.call('AuthorizeApplicationToGroups', {
      ApplicationId: id,
      GroupIds: [f.group],
      ApplicationRoleId: 'r1',
    });
    const created = f.call('CreateApplicationClientSecret', { ApplicationId: id }).ApplicationClientSecret;
    const json = JSON.parse(JSON.stringify(f.service.snapshot()));
    f.service.restore(json);
    expect(
      f.call('ObtainApplicationClientSecret', { ApplicationId: id, SecretId: created.SecretId })
        .ApplicationClientSecret.ClientSecret,
    ).toBe(created.ClientSecret);
    expect(f.call('ListGroupsForApplication', { ApplicationId: id }).Groups).toEqual([
      { GroupId: f.group, ApplicationRoles: [{ ApplicationRoleId: 'r1' }] },
    ]);
  });
});
