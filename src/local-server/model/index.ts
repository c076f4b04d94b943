/** The emulated EIAM service's model: state, business rules and domain errors. */
export * from './errors';
export * from './state';
export { EiamService } from './service';
export type { EiamServiceOptions, PrincipalKind, PrincipalDeletedListener } from './service';
export type { ServiceSnapshot } from './snapshot';
export { SNAPSHOT_FORMAT } from './snapshot';
