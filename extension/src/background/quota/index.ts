/**
 * What the reveal quota offers the other background features: the ledgers (orders record their
 * volume, sync replicates events under their stored ids) and the settings view the shops feature
 * answers with. Everything else in quota/ is the quota's own.
 * @module
 */
export { Ledgers, storedEventId } from './ledgers';
export { settingsView } from './rules';
