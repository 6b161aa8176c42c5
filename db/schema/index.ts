export * from './candidates.js';
export * from './journeys.js';
export * from './journey-events.js';
export * from './jobs.js';
export * from './api-tokens.js';
export * from './emails.js';
export * from './reference-requests.js';
export * from './cv-documents.js';
