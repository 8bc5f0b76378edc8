/** The workbench HTTP API: request schemas (zod, for the server) and response types (for everyone). */
export * from './common.js';
export * from './accounts.js';
export * from './reference.js';
export * from './findings.js';
export * from './institutions.js';
export * from './rules.js';
export * from './imports.js';
export * from './audit.js';
export * from './monitoring.js';
export * from './cases.js';
