export { canvasImagePort } from "./canvas-port.ts";
export { stripJpegMetadata } from "./jpeg-metadata.ts";
export { keepSealedPhoto, openKeptPhoto } from "./kept.ts";
export { openIndexedDbReceiptOutbox } from "./outbox.ts";
export {
  type DecodedImage,
  type ImagePort,
  PHOTO_MAX_EDGE,
  PHOTO_MAX_INPUT_BYTES,
  type PhotoOptions,
  type PhotoRefusal,
  type PreparedPhoto,
  preparePhoto,
  scaledSize,
} from "./photo.ts";
export {
  type AttachmentVault,
  dropReceipt,
  type Flushed,
  flushReceipts,
  keepReceipt,
  memoryReceiptOutbox,
  type OutboxStep,
  openReceipt,
  prepareReceipt,
  RECEIPT_MAX_BYTES,
  RECEIPT_PDF,
  type ReceiptDeps,
  type ReceiptOpenFailure,
  type ReceiptOutbox,
  type ReceiptRef,
  type ReceiptRefusal,
} from "./receipts.ts";
export {
  type AttachmentStore,
  memoryAttachmentStore,
  openIndexedDbAttachmentStore,
} from "./store.ts";
