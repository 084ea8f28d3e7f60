/**
 * The background's storage layer (the only code that opens IndexedDB, with
 * `entrypoints/background.ts`). Pages and content scripts reach it through messages.
 * @module
 */
export { Store, DEFAULT_RETENTION_DAYS, HMAC_KEY_BYTES } from './store';
export type { StoreOptions, AppendResult, EventItem, PurgeResult } from './store';
export { Connection, openShipmaskDb, type DbEvent, type OpenOptions } from './db';
export { DB_NAME, DB_VERSION, migrations } from './schema';
export type {
  AuditEntry,
  ShipmaskSchema,
  StoredOrder,
  StoredQuotaEvent,
  StoredSettings,
  StoredShop,
  StoredPrintJob,
  StoredPrintLog,
  StoredBatch,
} from './schema';
