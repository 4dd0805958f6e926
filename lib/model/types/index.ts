/** The provider-neutral API model, one file per part of the inventory. */
export * from './inventory';
export * from './api';
export * from './operation';
export * from './stage';
export * from './waf';
export * from './domain';
export * from './user-pool';
export * from './distribution';
export * from './portal';
