export * from './errors';
export * from './inquiry';
export * from './widget-config';
export * from './conversation';
export * from './inbox';
export * from './routing';
export * from './admin';
