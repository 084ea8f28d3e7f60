/**
 * Waybills: the recipient lines a label must carry (`formatRecipient`), label layout on the
 * standard sizes (`layoutLabel`), SVG and print-document rendering, and a Code 128 encoder.
 * @module
 */
export {
  formatRecipient,
  RECIPIENT_LIMITS,
  DEFAULT_PLACEHOLDER_NAME,
  type FormattedRecipient,
  type RecipientError,
  type RecipientErrorCode,
  type RecipientLines,
  type RecipientOptions,
  type RecipientProtected,
} from './recipient.js';
export {
  layoutLabel,
  layoutLabels,
  PRINTER_DOT_MM,
  type LayoutBatch,
  type Label,
  type LabelBarcode,
  type LabelBox,
  type LabelRule,
  type LabelSender,
  type LabelText,
  type LabelWarning,
  type LayoutErrorCode,
  type LayoutOptions,
  type LayoutResult,
} from './layout.js';
export {
  LABEL_76X130,
  LABEL_100X150,
  LABEL_100X180,
  labelTemplates,
  getLabelTemplate,
  type LabelTemplate,
  type LabelTemplateId,
  type TemplateZone,
  type ZoneKind,
} from './templates.js';
export {
  renderLabelSvg,
  renderLabelDocument,
  renderCode128Svg,
  escapeXml,
  LABEL_FONT_FAMILY,
} from './svg.js';
export {
  encodeCode128,
  decodeCode128,
  CODE128_PATTERNS,
  CODE128_MAX_LENGTH,
  type Code128Error,
  type Code128Result,
  type Code128Set,
  type Code128Symbol,
} from './code128.js';
export { fitText, wrapText, textWidthEm, charWidthEm, type FitBox, type FittedText } from './text-fit.js';
export { shippable, type ShippableResult } from './shippable.js';
export {
  checkWaybillNumber,
  WAYBILL_SHAPE,
  type WaybillNumberCheck,
  type WaybillNumberProblem,
} from './waybill-number.js';
