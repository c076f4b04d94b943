/**
 * The EIAM API client: `EiamClient` for typed calls, plus the building blocks (signing,
 * encoding, errors, retry, credentials, pagination) that the resources and the local server
 * share.
 */
export * from './client';
export * from './errors';
export * from './encoding';
export * from './credentials';
export * from './retry';
export * from './pagination';
export * from './governor';
export * from './signing';
export { Semaphore, Transport, interpretResponse } from './transport';
export type { TransportOptions, TransportRequest, TransportResponse } from './transport';
