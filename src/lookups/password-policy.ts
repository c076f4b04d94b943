/**
 * Lookup of an instance's password policy: the five settings the service keeps
 * (GetPasswordComplexityConfiguration, GetPasswordExpirationConfiguration,
 * GetPasswordHistoryConfiguration, GetPasswordInitializationConfiguration,
 * GetForgetPasswordConfiguration), read together.
 */
import type {
  GetForgetPasswordConfigurationResponse,
  GetPasswordComplexityConfigurationResponse,
  GetPasswordExpirationConfigurationResponse,
  GetPasswordHistoryConfigurationResponse,
  GetPasswordInitializationConfigurationResponse,
} from '../catalog';
import { fromWire, type Camel } from '../wire';
import { defineLookup } from './connection';

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

const passwordPolicyLookup = defineLookup(
  async (args: GetPasswordPolicyArgs, client): Promise<GetPasswordPolicyResult> => {
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
  },
);
/** The password policy of an instance (the five Get*Configuration operations). */
export const getPasswordPolicy = passwordPolicyLookup.get;
/** {@link getPasswordPolicy} as a `pulumi.Output`. */
export const getPasswordPolicyOutput = passwordPolicyLookup.output;
