/**
 * pulumi-alicloud-eiam: Alibaba Cloud IDaaS EIAM (API Eiam 2021-12-01) as Pulumi dynamic
 * resources and lookup functions.
 *
 * ```ts
 * import * as eiam from 'pulumi-alicloud-eiam';
 * const instance = new eiam.Instance('main', { description: 'staff directory' });
 * ```
 *
 * The API client lives at `pulumi-alicloud-eiam/client` and the EIAM-compatible local server
 * at `pulumi-alicloud-eiam/local-server` (also the `eiam-local` command); neither is loaded by
 * a program that only declares resources.
 */
export * from './resources';
export * from './lookups';
