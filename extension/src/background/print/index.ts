/**
 * What bulk print offers the other background features: orders follow 平台打单 jobs with the
 * statuses a page shows, and sync applies other stations' marks to a job. Everything else in
 * print/ is print's own.
 * @module
 */
export { followPlatformOrders } from './service';
export { applyMarks } from './jobs';
