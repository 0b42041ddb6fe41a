/**
 * Numbers about the trigger shot that the record checks and the screens show,
 * each from docs/clinical-reference.md.
 */

/**
 * §7 (antagonist protocol): the trigger is given when about 2-3 follicles
 * reach 17-18 mm. Typical, not a rule for any one person: the follicle chart
 * marks this band as "often the trigger size".
 */
export const TRIGGER_FOLLICLE_MM = { from: 17, to: 18 } as const;

/**
 * §6: egg collection usually follows the trigger by 34-36 hours; the clinic's
 * instruction comes first, and the app's default is 36 hours.
 */
export const DEFAULT_TRIGGER_TO_PROCEDURE_HOURS = 36;

/**
 * Guard, not a clinical figure: the widest interval from trigger to retrieval
 * or insemination a clinic might give (§6 gives 34-36 hours, §7 24-36 hours
 * for insemination); outside it, the number is a typo.
 */
export const TRIGGER_TO_PROCEDURE_HOURS = { min: 12, max: 48 } as const;
