/**
 * Virtual numbers ("11+4"): parse, format, dial, text, and how long they stay valid.
 * @module
 */
export {
  parseVirtualNumber,
  parseVirtualNumberDetailed,
  formatVirtualNumber,
  type VirtualNumberParse,
  type VirtualNumberErrorCode,
} from './parse.js';
export { dialString, smsTarget, type DialOptions, type SmsTarget, type SmsErrorCode } from './dial.js';
export { virtualNumberValidity, type VirtualNumberDates, type VirtualNumberValidity } from './validity.js';
