import { signSource } from "./source.ts";
import type { CareStage } from "./triage-signs.ts";

/**
 * Where each level of the symptom check comes from: one source per row of
 * the stage tables (docs/clinical-reference.md §8, §9, the section in the
 * last argument), and the sources of each stage's rules in one line.
 */

export const DEFAULT = signSource(
  "Trellis's default levels for warning signs at any stage, kept conservative",
  "unverified",
  "8",
);
export const CLINIC_AFTER_RETRIEVAL = signSource(
  "Clinic instructions after egg collection",
  "secondary",
  "8.1",
);
export const INFECTION_AFTER_RETRIEVAL = signSource(
  "Ludwig 2006 (pelvic infection after collection is rare); calling the clinic is Trellis's choice",
  "unverified",
  "8.1",
);
export const CLINIC_AFTER_TRANSFER = signSource(
  "Clinic pages after embryo transfer",
  "secondary",
  "8.2",
);
export const LATE_OHSS = signSource(
  "Dahl Lyons 1994: late OHSS starts 12-17 days after the trigger if a pregnancy begins",
  "checked",
  "8.2",
);
export const NIDIRECT_ECTOPIC = signSource(
  "nidirect (NHS content) on ectopic pregnancy",
  "checked",
  "8.3",
);
export const NIDIRECT_RUPTURE = signSource(
  "nidirect (NHS content): pain with feeling very dizzy or fainting can be a rupture; call 999",
  "checked",
  "8.3",
);
export const SHOULDER_TIP_PREGNANT = signSource(
  "nidirect and the WHO family-planning handbook (shoulder-tip pain, blood under the diaphragm); emergency in pregnancy is Trellis's default",
  "unverified",
  "8.3",
);
export const TOMMYS = signSource("Tommy's on bleeding in pregnancy", "checked", "8.3");
export const NHS_MISCARRIAGE = signSource("NHS-derived pages on miscarriage", "secondary", "8.3");
export const NHS_PRE_ECLAMPSIA = signSource("NHS page on pre-eclampsia", "checked", "8.4");
export const NHS_MOVEMENTS = signSource("NHS trust pages on baby's movements", "checked", "8.4");
export const NHS_MOVEMENTS_URGENT = signSource(
  "NHS trust triage: reduced movements with pain or bleeding need urgent help",
  "checked",
  "8.4",
);
export const NHS_WATERS = signSource("NHS Healthier Together on waters breaking", "checked", "8.4");
export const PREGNANT_CHOICE = signSource(
  "Not in the pregnancy tables; Trellis's conservative choice",
  "unverified",
  "8.3",
);
export const POSTNATAL_WATCH = signSource(
  "UK postnatal pages (bleeding easing over days, after-pains)",
  "secondary",
  "8.5",
);
export const HSE_NICE = signSource("HSE Ireland; NICE CG37 postnatal care", "checked", "8.5");
export const AWHONN = signSource("AWHONN POST-BIRTH warning signs", "checked", "8.5");
export const NICE_HAEMORRHAGE = signSource(
  "NICE CG37 postnatal care: sudden, heavy or increasing blood loss means a possible haemorrhage (HSE calls heavier bleeding again a call today; Trellis takes the higher level)",
  "checked",
  "8.5",
);
export const AWHONN_NICE = signSource(
  "AWHONN POST-BIRTH warning signs; NICE CG37",
  "checked",
  "8.5",
);
export const SEPSIS = signSource("NHS trust pages on sepsis after birth", "checked", "8.5");
export const LEG_AFTER_BIRTH = signSource(
  "AWHONN says call the provider, NHS trusts say emergency; Trellis uses emergency",
  "unverified",
  "8.5",
);
export const WOUND = signSource("AWHONN; Alberta MyHealth", "checked", "8.5");
export const SELF_HARM = signSource(
  "NHS 111 mental health pages: a crisis line now, the emergency number if a life is at risk",
  "checked",
  "9",
);
export const HARM_OTHERS = signSource(
  "AWHONN: thoughts of hurting yourself or your baby, call 911",
  "checked",
  "9",
);
export const MOOD_LOW = signSource(
  "NHS content on low mood after a birth or bad news; support lines offered",
  "secondary",
  "9",
);
export const MOOD_VERY_LOW = signSource(
  "HSE Ireland: see a GP for low mood that affects daily life; calling today for very low mood is Trellis's choice",
  "unverified",
  "9",
);

export const stageSources: Record<CareStage | "general", string> = {
  stimulation:
    "Mayo Clinic patient guidance on OHSS; RCOG Green-top Guideline No. 5 and its patient leaflet; clinic instructions (clinical reference §5, §8.1, §9)",
  "after-retrieval":
    "Mayo Clinic patient guidance on OHSS; RCOG Green-top Guideline No. 5 and its patient leaflet; clinic instructions; Ludwig 2006 (clinical reference §5, §8.1, §9)",
  "after-transfer":
    "Clinic pages after transfer; nidirect (NHS content) on ectopic pregnancy; Dahl Lyons 1994 on late OHSS; RCOG Green-top Guideline No. 5 (clinical reference §8.1, §8.2, §9)",
  pregnant:
    "Tommy's; nidirect (NHS content); NHS pages on pre-eclampsia, baby's movements and waters breaking; ACOG (clinical reference §8.3, §8.4, §9)",
  "after-loss":
    "AWHONN POST-BIRTH warning signs; NICE CG37; HSE Ireland; NHS trust pages (clinical reference §8.5, §9)",
  "after-birth":
    "AWHONN POST-BIRTH warning signs; NICE CG37; HSE Ireland; NHS trust pages (clinical reference §8.5, §9)",
  general:
    "Warning signs that need care at any stage, kept conservative (clinical reference §8, §9)",
};
