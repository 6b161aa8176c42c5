export * from './candidates.js';
export * from './journeys.js';
export * from './journey-events.js';
export * from './jobs.js';
export * from './api-tokens.js';
