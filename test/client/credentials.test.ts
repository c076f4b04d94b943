import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EiamCredentialsError, resolveCredentials } from '../../src/client';

let home: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'eiam-creds-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function writeProfiles(config: unknown): void {
  mkdirSync(join(home, '.aliyun'));
  writeFileSync(
    join(home, '.aliyun', 'config.json'),
    typeof config === 'string' ? config : JSON.stringify(config),
  );
}

const PROFILES = {
  current: 'dev',
  profiles: [
    {
      name: 'dev',
      mode: 'AK',
      access_key_id: 'DEV_ID',
      access_key_secret: 'DEV_SECRET',
      region_id: 'cn-shanghai',
    },
    {
      name: 'sts',
      mode: 'StsToken',
      access_key_id: 'STS_ID',
      access_key_secret: 'STS_SECRET',
      sts_token: 'STS_TOKEN',
      region_id: 'ap-southeast-1',
    },
    { name: 'role', mode: 'RamRoleArn', access_key_id: 'X', access_key_secret: 'Y' },
  ],
};

const ENV_ALIBABA = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'ENV_ID', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'ENV_SECRET' };

describe('resolveCredentials', () => {
  it('prefers explicit keys over env and profile', async () => {
    writeProfiles(PROFILES);
    await expect(
      resolveCredentials({
        accessKeyId: 'OPT_ID',
        accessKeySecret: 'OPT_SECRET',
        securityToken: 'T',
        env: ENV_ALIBABA,
        homeDir: home,
      }),
    ).resolves.toEqual({
      accessKeyId: 'OPT_ID',
      accessKeySecret: 'OPT_SECRET',
      securityToken: 'T',
      region: 'cn-hangzhou',
      source: 'explicit options',
    });
  });

  it('prefers env over the profile file', async () => {
    writeProfiles(PROFILES);
    const resolved = await resolveCredentials({
      env: {
        ...ENV_ALIBABA,
        ALIBABA_CLOUD_SECURITY_TOKEN: 'ENV_TOKEN',
        ALIBABA_CLOUD_REGION_ID: 'cn-beijing',
      },
      homeDir: home,
    });
    expect(resolved).toMatchObject({
      accessKeyId: 'ENV_ID',
      securityToken: 'ENV_TOKEN',
      region: 'cn-beijing',
    });
  });

  it('falls back to the ALICLOUD_* variables', async () => {
    const resolved = await resolveCredentials({
      env: {
        ALICLOUD_ACCESS_KEY: 'TF_ID',
        ALICLOUD_SECRET_KEY: 'TF_SECRET',
        ALICLOUD_SECURITY_TOKEN: 'TF_TOKEN',
        ALICLOUD_REGION: 'cn-shenzhen',
      },
      homeDir: home,
    });
    expect(resolved).toMatchObject({
      accessKeyId: 'TF_ID',
      accessKeySecret: 'TF_SECRET',
      securityToken: 'TF_TOKEN',
      region: 'cn-shenzhen',
    });
  });

  it('uses the current profile of the aliyun CLI file, with its region', async () => {
    writeProfiles(PROFILES);
    await expect(resolveCredentials({ env: {}, homeDir: home })).resolves.toMatchObject({
      accessKeyId: 'DEV_ID',
      accessKeySecret: 'DEV_SECRET',
      securityToken: undefined,
      region: 'cn-shanghai',
    });
  });

  it('selects the profile from ALIBABA_CLOUD_PROFILE, and an explicit profile option over env keys', async () => {
    writeProfiles(PROFILES);
    await expect(
      resolveCredentials({ env: { ALIBABA_CLOUD_PROFILE: 'sts' }, homeDir: home }),
    ).resolves.toMatchObject({
      accessKeyId: 'STS_ID',
      securityToken: 'STS_TOKEN',
      region: 'ap-southeast-1',
    });
    await expect(
      resolveCredentials({ profile: 'sts', env: ENV_ALIBABA, homeDir: home }),
    ).resolves.toMatchObject({
      accessKeyId: 'STS_ID',
    });
    await expect(
      resolveCredentials({ profile: 'sts', region: 'cn-qingdao', env: {}, homeDir: home }),
    ).resolves.toMatchObject({
      region: 'cn-qingdao',
    });
  });

  it('names the profile and mode when a role profile is incomplete, and rejects unknown profiles', async () => {
    writeProfiles(PROFILES);
    // RamRoleArn without ram_role_arn: the library refuses before any request.
    await expect(resolveCredentials({ profile: 'role', env: {}, homeDir: home })).rejects.toThrow(
      /profile "role" .*mode RamRoleArn\): cannot get credentials/,
    );
    await expect(
      resolveCredentials({ env: { ALIBABA_CLOUD_PROFILE: 'nope' }, homeDir: home }),
    ).rejects.toThrow(/profile "nope" \(from ALIBABA_CLOUD_PROFILE\)/);
  });

  it('lists where it looked, without printing any value, when nothing is found', async () => {
    const err = await failure(
      resolveCredentials({
        env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'HALF_SET_ID' },
        homeDir: home,
      }),
    );
    expect(err).toBeInstanceOf(EiamCredentialsError);
    expect(err.message).toContain(
      'ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET (ALIBABA_CLOUD_ACCESS_KEY_SECRET missing)',
    );
    expect(err.message).toContain('ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY (not set)');
    expect(err.message).toContain(`${join(home, '.aliyun', 'config.json')} (not found)`);
    expect(err.message).not.toContain('HALF_SET_ID');
  });

  it('never echoes a secret, even from a broken profile', async () => {
    writeProfiles({
      current: 'x',
      profiles: [{ name: 'x', mode: 'StsToken', access_key_id: 'ID', access_key_secret: 'SECRET_VALUE' }],
    });
    const err = await failure(resolveCredentials({ env: {}, homeDir: home }));
    expect(err.message).toMatch(/needs access_key_id, access_key_secret and sts_token/);
    expect(err.message).not.toContain('SECRET_VALUE');
    rmSync(join(home, '.aliyun'), { recursive: true });
    writeProfiles('{ not json');
    await expect(resolveCredentials({ env: {}, homeDir: home })).rejects.toThrow(/is not valid JSON/);
  });

  it('refuses half of an explicit key pair', async () => {
    await expect(
      resolveCredentials({ accessKeyId: 'ONLY_ID', env: ENV_ALIBABA, homeDir: home }),
    ).rejects.toThrow(/only accessKeyId was given/);
  });
});

/** The error a resolution fails with (fails the test if it succeeds). */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected resolveCredentials to fail');
}
