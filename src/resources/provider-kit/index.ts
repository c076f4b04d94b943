/**
 * The shared kit every EIAM dynamic provider is built from: the serializable shell, check
 * rules, table-driven diff, read/refresh helpers, partial-failure errors, ids and tokens.
 */
export * from './adopt';
export * from './check';
export * from './context';
export * from './deep-input';
export * from './diff';
export * from './errors';
export * from './ids';
export * from './id-kinds';
export * from './fields';
export * from './identity';
export * from './read';
export * from './resource';
export * from './serialization';
export * from './shaping';
export * from './shell';
export * from './tokens';
export * from './unknown';
export * from './wait';
export * from './concurrent';
