/**
 * What a provider handler gets for one engine call: the configured settings and an API client
 * built from them. Clients are built lazily inside the provider process and cached per distinct
 * settings, so calls share pooled connections; nothing here is ever part of the serialized
 * provider.
 */
import { EiamClient, parseRequestsPerSecond, type ClientSignatureVersion } from '../../client';
import { CONFIG_KEYS } from '../../settings';
import type { ProviderSettings } from '../../settings';

/** The per-call context handed to create/read/update/delete handlers. */
export interface ProviderContext {
  /** Settings from stack config (possibly empty: the client then uses env and CLI profile). */
  readonly settings: ProviderSettings;
  /** The API client for these settings. */
  readonly client: EiamClient;
}

/** The `globalThis` slot of the client cache (see {@link clientFor}). */
export const CLIENT_CACHE_KEY = '__pulumiAlicloudEiamClients';

/**
 * The process's client cache, created on first use. It lives on `globalThis` rather than in a
 * module-level `Map`: when the provider is serialized by value (the package linked rather than
 * installed), a captured `Map` would come back as a plain object without its entries.
 */
function clientCache(): Map<string, EiamClient> {
  const slots = globalThis as Record<string, unknown>;
  let cache = slots[CLIENT_CACHE_KEY] as Map<string, EiamClient> | undefined;
  if (!cache) {
    cache = new Map();
    slots[CLIENT_CACHE_KEY] = cache;
  }
  return cache;
}

/** The (cached) client for `settings`. */
export function clientFor(settings: ProviderSettings): EiamClient {
  const key = JSON.stringify(Object.entries(settings).sort(([a], [b]) => a.localeCompare(b)));
  const cache = clientCache();
  let client = cache.get(key);
  if (!client) {
    client = new EiamClient({
      ...settings,
      signatureVersion: settings.signatureVersion as ClientSignatureVersion,
      maxRequestsPerSecond: parseRequestsPerSecond(
        settings.maxRequestsPerSecond,
        CONFIG_KEYS.maxRequestsPerSecond,
      ),
    });
    cache.set(key, client);
  }
  return client;
}

/** Closes and forgets cached clients (tests, or a process about to exit). */
export function clearClientCache(): void {
  const cache = clientCache();
  for (const client of cache.values()) client.close();
  cache.clear();
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
