/**
 * Request signing for the EIAM API: signature V3 (`ACS3-HMAC-SHA256`) and the classic RPC
 * signature (`HMAC-SHA1`), as pure functions. Verification (server side) is in `local-server/http/auth/verify.ts`.
 */
export * from './percent-encode';
export * from './crypto';
export * from './timestamp';
export * from './types';
export * from './v3';
export * from './rpc';
