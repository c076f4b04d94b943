/**
 * Prerequisites for the over-HTTP operation tests, built through the project's own client (V3):
 * running instances, OUs, users, groups, applications, client secrets. Every helper creates new
 * entities with unique names, so scenarios never share state and a mutating call can be
 * prepared afresh for each client and signature combination.
 */
import { EiamClient, type RequestOf } from '../../../src/client';
import type { LocalServer } from '../../../src/local-server';

/** A running instance and its root OU. */
export interface InstanceFixture {
  readonly instanceId: string;
  readonly rootOuId: string;
}

/** A client secret as CreateApplicationClientSecret returned it. */
export interface SecretFixture {
  readonly secretId: string;
  readonly clientSecret: string;
}

/** Builds prerequisites and reads outcomes back, over HTTP, with the project's client. */
export class Setup {
  /** The client used for preparing and verifying (never the client under test). */
  readonly client: EiamClient;
  private serial = 0;

  constructor(server: Pick<LocalServer, 'endpoint' | 'accessKeyId' | 'accessKeySecret'>) {
    this.client = new EiamClient({
      endpoint: server.endpoint,
      accessKeyId: server.accessKeyId,
      accessKeySecret: server.accessKeySecret,
      signatureVersion: 'v3',
      retry: { maxAttempts: 1 },
    });
  }

  /** A name nobody used before in this run, e.g. `user-17`. */
  unique(prefix: string): string {
    this.serial += 1;
    return `${prefix}-${this.serial}`;
  }

  /** A new running instance (the server is started with no creation delay). */
  async instance(description = this.unique('instance')): Promise<InstanceFixture> {
    const { InstanceId } = await this.client.call('CreateInstance', { Description: description });
    const instanceId = InstanceId!;
    const root = await this.client.call('GetRootOrganizationalUnit', { InstanceId: instanceId });
    return { instanceId, rootOuId: root.OrganizationalUnit!.OrganizationalUnitId! };
  }

  /** A new OU under `parentId` (default the root). */
  async ou(
    inst: InstanceFixture,
    parentId = inst.rootOuId,
    extra: Partial<RequestOf<'CreateOrganizationalUnit'>> = {},
  ): Promise<string> {
    const res = await this.client.call('CreateOrganizationalUnit', {
      InstanceId: inst.instanceId,
      ParentId: parentId,
      OrganizationalUnitName: this.unique('ou'),
      ...extra,
    });
    return res.OrganizationalUnitId!;
  }

  /** A new user whose primary OU is `ouId` (default the root). */
  async user(
    inst: InstanceFixture,
    ouId = inst.rootOuId,
    extra: Partial<RequestOf<'CreateUser'>> = {},
  ): Promise<string> {
    const res = await this.client.call('CreateUser', {
      InstanceId: inst.instanceId,
      PrimaryOrganizationalUnitId: ouId,
      Username: this.unique('user'),
      ...extra,
    });
    return res.UserId!;
  }

  /** A new group. */
  async group(inst: InstanceFixture, extra: Partial<RequestOf<'CreateGroup'>> = {}): Promise<string> {
    const res = await this.client.call('CreateGroup', {
      InstanceId: inst.instanceId,
      GroupName: this.unique('group'),
      ...extra,
    });
    return res.GroupId!;
  }

  /** A new standard (non-template) application with the given SSO protocol. */
  async application(
    inst: InstanceFixture,
    ssoType: 'oidc' | 'saml2' = 'oidc',
    extra: Partial<RequestOf<'CreateApplication'>> = {},
  ): Promise<string> {
    const res = await this.client.call('CreateApplication', {
      InstanceId: inst.instanceId,
      ApplicationName: this.unique('app'),
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
      SsoType: ssoType,
      ...extra,
    });
    return res.ApplicationId!;
  }

  /** A new client secret of `applicationId`, with its plain value. */
  async clientSecret(inst: InstanceFixture, applicationId: string): Promise<SecretFixture> {
    const res = await this.client.call('CreateApplicationClientSecret', {
      InstanceId: inst.instanceId,
      ApplicationId: applicationId,
    });
    const secret = res.ApplicationClientSecret!;
    return { secretId: secret.SecretId!, clientSecret: secret.ClientSecret! };
  }

  /** Asserts that `call` is refused with `code` and HTTP 404 (the entity is gone). */
  async expectNotFound(call: Promise<unknown>, code: string): Promise<void> {
    await expect(call).rejects.toMatchObject({ name: 'EiamApiError', code, httpStatus: 404 });
  }

  /** Closes the client's connections. */
  close(): void {
    this.client.close();
  }
}
