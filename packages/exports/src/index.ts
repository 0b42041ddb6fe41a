export {
  type KeepsakeInput,
  type KeepsakePhoto,
  keepsakePdf,
  needsUnicodeFont,
  PAPER_SIZES,
  type Paper,
} from "./keepsake.ts";
export { wrapText } from "./wrap.ts";
