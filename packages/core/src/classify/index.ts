/**
 * Field classification: plain / masked / ciphertext / virtual / empty / invalid, with the
 * platform and search index read off a ciphertext's shape.
 * @module
 */
export { classifyField, type FieldClass } from './classify-field.js';
export {
  cipherShapes,
  isCiphertext,
  readCipher,
  type CipherShape,
  type CipherSource,
  type CipherReading,
} from './cipher-shapes.js';
export { readPhone, type PhoneReading } from './phone.js';
export { foldWidth, isMobileDigits } from './normalize.js';
