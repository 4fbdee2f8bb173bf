export * as lint from './lint.js';
