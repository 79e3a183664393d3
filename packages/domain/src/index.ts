export * from './scope.js';
export * from './accounts.js';
export * from './identity/index.js';
export * from './masking.js';
export * from './migration/index.js';
