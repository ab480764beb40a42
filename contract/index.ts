export * from './errors';
export * from './inquiry';
export * from './widget-config';
