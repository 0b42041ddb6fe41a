/**
 * The form kit: every screen that records builds its form from these. The
 * web README's "Forms" section shows a whole form.
 */
export { AddDisclosure } from "./AddDisclosure.tsx";
export { ButtonLine, type ButtonTone, ConfirmButton, QuietButton } from "./buttons.tsx";
export { ChangeOrRemove, type ChangeOrRemoveWords } from "./ChangeOrRemove.tsx";
export { ChoiceChecks, ChoiceGroup, type ChoiceOption } from "./ChoiceCards.tsx";
export { ConfirmDialog, useModal } from "./ConfirmDialog.tsx";
export { describedBy, Field, FieldError, type FieldInput, FormError } from "./Field.tsx";
export { FormButtons } from "./FormButtons.tsx";
export {
  CheckField,
  CountField,
  DateField,
  DateTimeField,
  type InputFieldProps,
  MeasureField,
  NumberField,
  PasswordField,
  TextAreaField,
  TextField,
  TimeField,
} from "./inputs.tsx";
export { PickFileButton } from "./PickFileButton.tsx";
export { PillCheck, PillChecks, PillGroup, type PillOption } from "./PillGroup.tsx";
export {
  isInFuture,
  localInputNow,
  type ParsedSizes,
  parseCount,
  parseDecimal,
  parseSizes,
  zonedFromLocalInput,
} from "./parse.ts";
export { batchIndexOf, fieldFor, type Placing, rowOf } from "./place.ts";
export { SelectField } from "./SelectField.tsx";
export { Switch } from "./Switch.tsx";
export { type Form, type FormOptions, type Found, useForm } from "./use-form.ts";
