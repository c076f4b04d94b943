import { errorOf, fixture } from './application-fixture';

const DAY = 24 * 3600 * 1000;

describe('client secrets', () => {
  it('allows at most two secrets per application', () => {
    const f = fixture();
    const id = f.createApp();
    f.call('CreateApplicationClientSecret', { ApplicationId: id });
    f.call('CreateApplicationClientSecret', { ApplicationId: id });
    expect(errorOf(() => f.call('CreateApplicationClientSecret', { ApplicationId: id }))).toMatchObject({
      code: 'QuotaExceeded.ApplicationClientSecret',
      httpStatus: 400,
    });
  });

  it('lists secrets masked and obtains one in plain text', () => {
    const f = fixture();
    const id = f.createApp();
    const created = f.call('CreateApplicationClientSecret', { ApplicationId: id }).ApplicationClientSecret;
    expect(created.ClientId).toBe(id);
    expect(created.SecretId).toMatch(/^sci_[a-z0-9]{26}$/);
    expect(created.ClientSecret).toMatch(/^CS[A-Za-z0-9]{38}$/);

    const listed = f.call('ListApplicationClientSecrets', { ApplicationId: id });
    expect(listed.TotalCount).toBe(1);
    const [entry] = listed.ApplicationClientSecrets;
    expect(entry).toMatchObject({
      ApplicationId: id,
      ClientId: id,
      InstanceId: f.instanceId,
      SecretId: created.SecretId,
      Status: 'enabled',
    });
    expect(entry.ClientSecret).not.toBe(created.ClientSecret);
    expect(entry.ClientSecret).toBe(
      `${created.ClientSecret.slice(0, 4)}${'*'.repeat(34)}${created.ClientSecret.slice(-2)}`,
    );

    const obtained = f.call('ObtainApplicationClientSecret', {
      ApplicationId: id,
      SecretId: created.SecretId,
    });
    expect(obtained.ApplicationClientSecret).toMatchObject({
      SecretId: created.SecretId,
      ClientSecret: created.ClientSecret,
    });
  });

  it('enables, disables and deletes a secret; unknown ids are EntityNotExists.ApplicationClientSecret', () => {
    const f = fixture();
    const id = f.createApp();
    const { SecretId } = f.call('CreateApplicationClientSecret', {
      ApplicationId: id,
    }).ApplicationClientSecret;
    f.call('DisableApplicationClientSecret', { ApplicationId: id, SecretId });
    expect(
      f.call('ListApplicationClientSecrets', { ApplicationId: id }).ApplicationClientSecrets[0].Status,
    ).toBe('disabled');
    f.call('EnableApplicationClientSecret', { ApplicationId: id, SecretId });
    expect(
      f.call('ListApplicationClientSecrets', { ApplicationId: id }).ApplicationClientSecrets[0].Status,
    ).toBe('enabled');
    f.call('DeleteApplicationClientSecret', { ApplicationId: id, SecretId });
    expect(f.call('ListApplicationClientSecrets', { ApplicationId: id })).toEqual({
      TotalCount: 0,
      ApplicationClientSecrets: [],
    });
    for (const op of [
      'DeleteApplicationClientSecret',
      'EnableApplicationClientSecret',
      'ObtainApplicationClientSecret',
    ] as const) {
      expect(errorOf(() => f.call(op, { ApplicationId: id, SecretId })).code).toBe(
        'EntityNotExists.ApplicationClientSecret',
      );
    }
    f.call('CreateApplicationClientSecret', { ApplicationId: id });
    f.call('CreateApplicationClientSecret', { ApplicationId: id });
  });

  it('accepts an expiration between one day and three years from now', () => {
    const f = fixture();
    const id = f.createApp();
    expect(
      errorOf(() =>
        f.call('CreateApplicationClientSecret', { ApplicationId: id, ExpirationTime: f.now() + 3600_000 }),
      ).code,
    ).toBe('InvalidParameter.ExpirationTime');
    expect(
      errorOf(() =>
        f.call('CreateApplicationClientSecret', {
          ApplicationId: id,
          ExpirationTime: f.now() + 4 * 365 * DAY,
        }),
      ).code,
    ).toBe('InvalidParameter.ExpirationTime');
    const expires = f.now() + 30 * DAY;
    const { SecretId } = f.call('CreateApplicationClientSecret', {
      ApplicationId: id,
      ExpirationTime: expires,
    }).ApplicationClientSecret;
    expect(
      f.call('ObtainApplicationClientSecret', { ApplicationId: id, SecretId }).ApplicationClientSecret
        .ExpirationTime,
    ).toBe(expires);
  });
});
