/**
 * Print-component protocols as pure codecs: build requests for the local print components
 * (打印组件) of Cainiao, Douyin, PDD, Kuaishou, Xiaohongshu (Cainiao standard), JD and the WeChat
 * shop; parse their replies and pushed notifications into one typed union; split jobs to each
 * component's per-task limits. Encrypted print data passes through untouched.
 * @module
 */
export type * from './types.js';
export {
  buildPrintRequest,
  parsePrintRequest,
  parsePrintMessage,
  splitPrintTask,
  taskLimits,
  type SplitOptions,
  type SplitResult,
  type TaskLimits,
} from './codec.js';
export {
  buildCainiaoRequest,
  parseCainiaoRequest,
  parseCainiaoMessage,
  CAINIAO_FAMILY,
  CAINIAO_PROTOCOL_VERSION,
  KUAISHOU_MAX_DOCUMENTS,
  type CainiaoComponentId,
} from './cainiao.js';
export { buildJdRequest, parseJdRequest, parseJdMessage, JD_PROTOCOL_VERSION } from './jd.js';
export {
  buildWechatRequest,
  parseWechatRequest,
  parseWechatMessage,
  wechatPrintNotice,
  WECHAT_PRINT_VERSION,
  type WechatPrintNotice,
  type WechatWaybill,
} from './wechat.js';
export { componentEndpoint, COMPONENT_HOSTS, type EndpointOptions, type EndpointResult } from './endpoint.js';
export {
  parsePrintDataFile,
  MAX_PRINT_DATA_FILE_CHARS,
  MAX_PRINT_DATA_ENTRIES,
  type PrintDataEntry,
  type PrintDataFileResult,
} from './print-data.js';
export { printStatus, MAX_MESSAGE_CHARS } from './read.js';
export {
  startPrintJob,
  applyPrintMessage,
  printJobSummary,
  type PrintJobState,
  type PrintJobSummary,
  type TrackedDocument,
} from './job.js';
