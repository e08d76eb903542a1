export * from './schema.js';
export * from './errors.js';
export * from './env-overlay.js';
export * from './loader.js';
export * from './json-schema.js';
export * from './suggest.js';
