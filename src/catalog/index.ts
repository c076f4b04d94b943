export * from './spec';
export * from './enums';
export * from './operations';
export * from './rules';
export type * from './types';
export const API_PRODUCT = 'Eiam';
export const API_VERSION = '2021-12-01';
