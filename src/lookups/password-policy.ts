/**
 * Lookup of an instance's password policy: the five settings the service keeps
 * (GetPasswordComplexityConfiguration, GetPasswordExpirationConfiguration,
 * GetPasswordHistoryConfiguration, GetPasswordInitializationConfiguration,
 * GetForgetPasswordConfiguration), read together.
 */
import type * as pulumi from '@pulumi/pulumi';
import type {
  GetForgetPasswordConfigurationResponse,
  GetPasswordComplexityConfigurationResponse,
  GetPasswordExpirationConfigurationResponse,
  GetPasswordHistoryConfigurationResponse,
  GetPasswordInitializationConfigurationResponse,
} from '../catalog';
import { fromWire, type Camel } from '../wire';
import { lookupOutput, withLookupClient, type LookupInputs, type LookupOptions } from './connection';

/** Arguments of {@link getPasswordPolicy}. */
export interface GetPasswordPolicyArgs {
  /** The instance. */
  readonly instanceId: string;
}

/** Result of {@link getPasswordPolicy}: each setting as the service reports it. */
export interface GetPasswordPolicyResult {
  /** Minimum length and character rules. */
  readonly complexity: Camel<
    NonNullable<GetPasswordComplexityConfigurationResponse['PasswordComplexityConfiguration']>
  >;
  /** Expiry and its notifications. */
  readonly expiration: Camel<
    NonNullable<GetPasswordExpirationConfigurationResponse['PasswordExpirationConfiguration']>
  >;
  /** Reuse of earlier passwords. */
  readonly history: Camel<
    NonNullable<GetPasswordHistoryConfigurationResponse['PasswordHistoryConfiguration']>
  >;
  /** How new accounts get their first password. */
  readonly initialization: Camel<
    NonNullable<GetPasswordInitializationConfigurationResponse['PasswordInitializationConfiguration']>
  >;
  /** Self-service password reset. */
  readonly forgetPassword: Camel<
    NonNullable<GetForgetPasswordConfigurationResponse['OpenForgetPasswordConfiguration']>
  >;
}

/** The password policy of an instance (the five Get*Configuration operations). */
export async function getPasswordPolicy(
  args: GetPasswordPolicyArgs,
  opts?: LookupOptions,
): Promise<GetPasswordPolicyResult> {
  return withLookupClient(opts, async (client) => {
    const req = { InstanceId: args.instanceId };
    const [complexity, expiration, history, initialization, forget] = await Promise.all([
      client.call('GetPasswordComplexityConfiguration', req),
      client.call('GetPasswordExpirationConfiguration', req),
      client.call('GetPasswordHistoryConfiguration', req),
      client.call('GetPasswordInitializationConfiguration', req),
      client.call('GetForgetPasswordConfiguration', req),
    ]);
    return {
      complexity: fromWire(complexity.PasswordComplexityConfiguration ?? {}),
      expiration: fromWire(expiration.PasswordExpirationConfiguration ?? {}),
      history: fromWire(history.PasswordHistoryConfiguration ?? {}),
      initialization: fromWire(initialization.PasswordInitializationConfiguration ?? {}),
      forgetPassword: fromWire(forget.OpenForgetPasswordConfiguration ?? {}),
    };
  });
}

/** {@link getPasswordPolicy} as a `pulumi.Output`. */
export function getPasswordPolicyOutput(
  args: LookupInputs<GetPasswordPolicyArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetPasswordPolicyResult> {
  return lookupOutput(getPasswordPolicy, args, opts);
}
