/**
 * Platform order files: read each platform's order export (CSV, streamed, or XLSX) into
 * `OrderView`s with every malformed row reported by line, and write bulk-ship import files and
 * JD's three export modes. Plaintext receiver data never passes through: it is masked and
 * reported.
 * @module
 */
export {
  createCsvParser,
  parseCsv,
  type CsvParser,
  type CsvRecord,
  type CsvIssueCode,
  type CsvParseOptions,
} from './csv-parse.js';
export { writeCsv, csvField, guardCell, startsFormula, type CsvWriteOptions } from './csv-write.js';
export {
  createByteDecoder,
  decodeBytes,
  type ByteDecoder,
  type ByteDecoderOptions,
  type TextEncodingName,
} from './decode.js';
export { cleanCell, isScientificNumber } from './cells.js';
export { readExportTime } from './export-time.js';
export {
  exportColumns,
  mapHeader,
  detectPlatform,
  looksLikeHeader,
  normalizeHeader,
  REQUIRED_COLUMNS,
  type OrderColumn,
  type ExportColumns,
  type HeaderMap,
} from './columns.js';
export { readOrderStatus, orderStatusText } from './status.js';
export { shipCarrierNames, readCarrier, type ShipCarrierCode } from './carrier-names.js';
export {
  problemSeverity,
  type FileProblem,
  type FileProblemCode,
  type FileProblemSeverity,
} from './problems.js';
export {
  createOrderReader,
  DEFAULT_MAX_PROBLEMS,
  type OmittedProblems,
  type OrderReader,
  type OrderReaderOptions,
  type OrderRecord,
  type OrderBatch,
  type LineSpan,
  type HeaderInfo,
} from './order-reader.js';
export { readXlsxRows, isZip, type XlsxRead, type XlsxErrorCode, type XlsxOptions } from './xlsx.js';
export { writeXlsx, type XlsxWriteOptions } from './xlsx-write.js';
export {
  createOrderFileReader,
  parseOrderFile,
  readOrderStream,
  type ChunkSource,
  type ChunkStreamReader,
  type OrderFileReader,
  type OrderFileOptions,
  type OrderFileResult,
  type OrderFileSummary,
} from './read-orders.js';
export {
  writeBulkShipFile,
  bulkShipHeaders,
  type BulkShipRow,
  type BulkShipFile,
  type BulkShipOptions,
  type BulkShipProblem,
  type BulkShipProblemCode,
} from './bulk-ship.js';
export {
  exportJdOrders,
  jdExportHeaders,
  formatExportTime,
  type JdExport,
  type JdExportMode,
} from './jd-export.js';
