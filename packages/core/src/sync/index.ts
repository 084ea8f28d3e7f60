/**
 * End-to-end encrypted sync of one shop's stations over CouchDB replication (issue 22): the
 * replicated document model, opaque deterministic ids and revisions, sealing, merge rules, the
 * print claim rule, and the pairing code. Pure: keys and randomness are arguments; the extension
 * owns the network and IndexedDB.
 * @module
 */
export { SYNC_KEY_BYTES, deriveSyncKeys, newSyncKey, type SyncKeys, type SyncKeyError } from './keys.js';
export { JSON_LIMITS, isJsonValue, canonicalJson, type JsonValue } from './canonical.js';
export {
  MERGE_MODE,
  checkSyncDoc,
  naturalKey,
  docText,
  type SyncDoc,
  type SyncDocKind,
  type SyncShop,
  type SyncStation,
  type MergeMode,
  type SyncDocCheck,
  type SyncDocErrorCode,
  type QuotaEventDoc,
  type JournalDoc,
  type ClaimDoc,
  type HandoffBatchDoc,
  type ReturnCodeDoc,
  type GateOverrideDoc,
  type BatchMarkDoc,
  type AdapterDoc,
  type SettingsDoc,
  type SupplierRulesDoc,
  type HandoffConfigDoc,
} from './documents.js';
export { DOC_ID, REV_ID, docId, revisionId, revGeneration } from './ids.js';
export {
  SYNC_FORMAT_VERSION,
  MAX_SYNC_DOC_BYTES,
  SYNC_PAD_BYTES,
  sealSyncDoc,
  openSyncDoc,
  type SealedSyncDoc,
  type SyncSealErrorCode,
  type SyncOpenErrorCode,
  type SyncError,
  type SyncResult,
} from './seal.js';
export {
  compareLeaves,
  compareEdits,
  leaves,
  winningRevision,
  mergeReplicas,
  resolveDocument,
  resolveReplica,
  type Revision,
  type Replica,
  type Resolved,
} from './revisions.js';
export { newClaim, claimOutcome, claimNotice, type ClaimOutcome } from './claim.js';
export {
  MAX_SERVER_URL_CHARS,
  checkServerUrl,
  type ServerUrl,
  type ServerUrlErrorCode,
} from './server-url.js';
export {
  MAX_COUCH_USER_CHARS,
  MAX_COUCH_PASSWORD_CHARS,
  checkCredentials,
  basicAuthorization,
  type CouchCredentials,
  type CredentialsErrorCode,
  type CredentialsResult,
} from './credentials.js';
export {
  PAIRING_VERSION,
  PAIRING_VERSION_CREDENTIALS,
  MAX_PAIRING_CODE_CHARS,
  PAIRING_PREFIX,
  crc32,
  encodePairingCode,
  decodePairingCode,
  type Pairing,
  type PairingErrorCode,
  type PairingResult,
} from './pairing.js';
