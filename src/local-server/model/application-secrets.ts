/**
 * OAuth client secrets of an application (Create/Delete/Enable/Disable/List/Obtain
 * ApplicationClientSecret).
 *
 * At most two secrets per application (so one can be rotated without downtime). Secrets are kept
 * in plain text in the state, because ObtainApplicationClientSecret returns them; the listing masks
 * them. Nothing in this module logs a secret value. Values come from the service's seeded
 * generator, so they are reproducible from a snapshot: fine for an emulator, never for production.
 */
import { MAX_SECRET_LIFETIME_MS, MIN_SECRET_LIFETIME_MS } from '../../catalog/rules';
import type { ApplicationState, ClientSecretState, Toggle } from './application-state';
import { readInteger } from './validate';
import { requireApplication } from './applications';
import { invalidParameter, notFound, quotaExceeded } from './errors';
import type { ModelContext } from './context';

/** Most client secrets one application may hold. */
export const MAX_CLIENT_SECRETS = 2;
export { MAX_SECRET_LIFETIME_MS, MIN_SECRET_LIFETIME_MS } from '../../catalog/rules';

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SECRET_BODY_LENGTH = 38;

function generateSecret(svc: ModelContext): string {
  let out = 'CS';
  for (let i = 0; i < SECRET_BODY_LENGTH; i++) {
    out += SECRET_ALPHABET[Math.floor(svc.random() * SECRET_ALPHABET.length) % SECRET_ALPHABET.length];
  }
  return out;
}

function requireSecret(app: ApplicationState, secretId: string): ClientSecretState {
  const secret = app.clientSecrets.get(secretId);
  if (!secret) throw notFound('ApplicationClientSecret', secretId);
  return secret;
}

/**
 * CreateApplicationClientSecret. A third secret is refused with
 * `QuotaExceeded.ApplicationClientSecret`; `ExpirationTime` (epoch ms, optional: never expires)
 * must lie between one day and three years from now.
 */
export function createClientSecret(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  expirationTime: unknown,
): { app: ApplicationState; secret: ClientSecretState } {
  const { app } = requireApplication(svc, instanceId, applicationId);
  const now = svc.now();
  const expires = readInteger('ExpirationTime', expirationTime);
  if (expires !== undefined && expires !== 0) {
    if (expires < now + MIN_SECRET_LIFETIME_MS || expires > now + MAX_SECRET_LIFETIME_MS) {
      throw invalidParameter('ExpirationTime', 'it must be between one day and three years from now.');
    }
  }
  if (app.clientSecrets.size >= MAX_CLIENT_SECRETS) {
    throw quotaExceeded(
      'QuotaExceeded.ApplicationClientSecret',
      `The application '${applicationId}' already has ${MAX_CLIENT_SECRETS} client secrets; delete one first.`,
    );
  }
  const secret: ClientSecretState = {
    secretId: svc.newId('sci'),
    clientSecret: generateSecret(svc),
    status: 'enabled',
    createTime: now,
  };
  if (expires) secret.expirationTime = expires;
  app.clientSecrets.set(secret.secretId, secret);
  return { app, secret };
}

/** DeleteApplicationClientSecret: allowed whatever the secret's status. */
export function deleteClientSecret(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  secretId: string,
): void {
  const { app } = requireApplication(svc, instanceId, applicationId);
  requireSecret(app, secretId);
  app.clientSecrets.delete(secretId);
}

/** EnableApplicationClientSecret / DisableApplicationClientSecret (idempotent). */
export function setClientSecretStatus(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  secretId: string,
  status: Toggle,
): void {
  const { app } = requireApplication(svc, instanceId, applicationId);
  requireSecret(app, secretId).status = status;
}

/** ListApplicationClientSecrets: every secret in creation order (the caller masks the values). */
export function listClientSecrets(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
): { app: ApplicationState; secrets: ClientSecretState[] } {
  const { app } = requireApplication(svc, instanceId, applicationId);
  return { app, secrets: [...app.clientSecrets.values()] };
}

/** ObtainApplicationClientSecret: one secret, value in plain text. */
export function obtainClientSecret(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  secretId: string,
): { app: ApplicationState; secret: ClientSecretState } {
  const { app } = requireApplication(svc, instanceId, applicationId);
  return { app, secret: requireSecret(app, secretId) };
}

/**
 * Masks a secret the way the EIAM listings do: the first four and last two characters stay, every
 * other character becomes `*`. Short values are masked completely.
 */
export function maskSecret(secret: string): string {
  if (secret.length < 12) return '*'.repeat(Math.max(secret.length, 4));
  return secret.slice(0, 4) + '*'.repeat(secret.length - 6) + secret.slice(-2);
}
