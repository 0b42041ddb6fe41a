/**
 * Words for "Share with my clinic": choosing what goes into the clinic
 * summary PDF and making it on this device. The PDF's own words are in its
 * catalogue in `@trellis/exports` (`clinic-words.ts`).
 */
export const clinicSummary = {
  "clinicSummary.title": "Share with my clinic",
  "clinicSummary.link": "Share with my clinic",
  "clinicSummary.intro":
    "A summary of your treatment as a PDF, for a new clinic, a second opinion or an obstetrician. It is made on this device and nothing is sent: you choose what goes in, then hand it on yourself.",
  "clinicSummary.settings.hint":
    "A PDF of your treatment for a clinic or doctor, with only the parts you choose.",
  "clinicSummary.sections": "What goes in",
  "clinicSummary.sections.hint": "Choose at least one part.",
  "clinicSummary.section.details": "Details about you",
  "clinicSummary.section.details.body": "Only the ones you tick below.",
  "clinicSummary.section.treatment": "Treatment history",
  "clinicSummary.section.treatment.body":
    "Each cycle: protocol, medicines and doses given with their dates, trigger, and eggs and embryos from each retrieval.",
  "clinicSummary.section.monitoring": "Monitoring",
  "clinicSummary.section.monitoring.body":
    "Blood tests and follicle scans, with the estradiol and follicle charts.",
  "clinicSummary.section.embryos": "Embryo bank",
  "clinicSummary.section.embryos.body": "Every embryo with its grade, test result and where it is.",
  "clinicSummary.section.transfers": "Transfers and outcomes",
  "clinicSummary.section.transfers.body": "Each transfer with its beta results and what happened.",
  "clinicSummary.section.medicines": "Medicines",
  "clinicSummary.section.medicines.body": "Every medicine in your treatment plans.",
  "clinicSummary.details": "Which details about you",
  "clinicSummary.details.hint": "None goes in unless you tick it.",
  "clinicSummary.details.name": "Your name",
  "clinicSummary.details.dateOfBirth": "Your date of birth",
  "clinicSummary.details.clinic": "Your clinic ({name})",
  "clinicSummary.details.partner": "Your partner's name",
  "clinicSummary.details.none": "There are no details about you in this record yet.",
  "clinicSummary.losses": "Leave out pregnancies that ended in a loss",
  "clinicSummary.losses.hint":
    "Their beta results and what happened are not printed. The transfers themselves stay in the list.",
  "clinicSummary.paper": "Paper size",
  "clinicSummary.paper.a4": "A4",
  "clinicSummary.paper.letter": "Letter",
  "clinicSummary.make": "Make the PDF",
  "clinicSummary.making": "Making the PDF…",
  "clinicSummary.done":
    "The PDF is in your downloads. It was made on this device, and nothing was sent.",
  "clinicSummary.failed":
    "The PDF could not be made. Nothing was sent. Please try again in a moment.",
  "clinicSummary.noSection": "Choose at least one part to put in the PDF.",
} as const;
