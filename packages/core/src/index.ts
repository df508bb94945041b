export * from './contract/index.js';
export * from './errors/index.js';
export * from './log/index.js';
export * from './config/index.js';
export * from './http/index.js';
