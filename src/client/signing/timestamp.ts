/**
 * Formats an instant as Alibaba Cloud signatures expect it: UTC, second precision,
 * `YYYY-MM-DDTHH:mm:ssZ`. Used for the V3 `x-acs-date` header and the RPC `Timestamp` parameter.
 */
export function formatAcsTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Parses a timestamp in the format {@link formatAcsTimestamp} produces (milliseconds are
 * tolerated). Returns `undefined` for anything else, so a verifier can reject it.
 */
export function parseAcsTimestamp(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
