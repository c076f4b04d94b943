/**
 * What a provider handler gets for one engine call: the configured settings and an API client
 * built from them. Clients are built lazily inside the provider process and cached per distinct
 * settings, so calls share pooled connections; nothing here is ever part of the serialized
 * provider.
 */
import { EiamClient, type ClientSignatureVersion } from '../../client';
import type { ProviderSettings } from './settings';

/** The per-call context handed to create/read/update/delete handlers. */
export interface ProviderContext {
  /** Settings from stack config (possibly empty: the client then uses env and CLI profile). */
  readonly settings: ProviderSettings;
  /** The API client for these settings. */
  readonly client: EiamClient;
}

const clients = new Map<string, EiamClient>();

/** The (cached) client for `settings`. */
export function clientFor(settings: ProviderSettings): EiamClient {
  const key = JSON.stringify(Object.entries(settings).sort(([a], [b]) => a.localeCompare(b)));
  let client = clients.get(key);
  if (!client) {
    client = new EiamClient({ ...settings, signatureVersion: settings.signatureVersion as ClientSignatureVersion });
    clients.set(key, client);
  }
  return client;
}

/** Closes and forgets cached clients (tests, or a process about to exit). */
export function clearClientCache(): void {
  for (const client of clients.values()) client.close();
  clients.clear();
}

/** A context whose client is created on first use. */
export function createContext(settings: ProviderSettings): ProviderContext {
  let client: EiamClient | undefined;
  return {
    settings,
    get client() {
      client ??= clientFor(settings);
      return client;
    },
  };
}
