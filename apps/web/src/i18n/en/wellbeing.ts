/** Words for the wellbeing screens (English). See ../en.ts for the rules. */
export const wellbeing = {
  "wellbeing.check.title": "How do you feel?",
  "wellbeing.check.intro":
    "Answer only what you want to; everything is optional. Trellis looks for signs that need a call to your clinic.",
  "wellbeing.check.save": "Save how I feel",
  "wellbeing.check.saved": "Saved.",
  "wellbeing.check.again": "Start a new check",
  "wellbeing.check.empty": "Nothing is chosen yet. Pick any answer that fits, then save.",

  "wellbeing.severity.none": "None",
  "wellbeing.severity.mild": "Mild",
  "wellbeing.severity.moderate": "Moderate",
  "wellbeing.severity.severe": "Severe",
  "wellbeing.gettingWorse": "Getting worse",
  "wellbeing.bloating": "Bloating",
  "wellbeing.pain": "Pain in your belly",
  "wellbeing.nausea": "Nausea (feeling sick)",
  "wellbeing.vomiting": "Vomiting",
  "wellbeing.vomiting.none": "None",
  "wellbeing.vomiting.some": "Some",
  "wellbeing.vomiting.cannot-keep-down": "Can’t keep fluids down",
  "wellbeing.urine": "Passing urine",
  "wellbeing.urine.normal": "As usual",
  "wellbeing.urine.less": "Less",
  "wellbeing.urine.much-less": "Much less",
  "wellbeing.urine.almost-none-12h": "Almost none for 12 hours",
  "wellbeing.signs": "Any of these today?",
  "wellbeing.signs.hint": "Choose all that apply.",
  "wellbeing.yesNo.diarrhoea": "Diarrhoea",
  "wellbeing.yesNo.tightAbdomen": "Tight, swollen belly",
  "wellbeing.yesNo.shortnessOfBreath": "Short of breath",
  "wellbeing.yesNo.chestPain": "Chest pain",
  "wellbeing.yesNo.calfPainOrSwelling": "Calf pain or swelling",
  "wellbeing.yesNo.fainting": "Fainted",
  "wellbeing.yesNo.fever": "Fever",
  "wellbeing.weight": "Weight today ({unit})",
  "wellbeing.weight.hint":
    "Optional. Weigh at about the same time each day if you can; Trellis works out any change from your earlier checks.",
  "wellbeing.weight.invalid": "Use your weight as a number in {unit}, for example 64.5.",
  "wellbeing.weightAmount": "{value} {unit}",
  "wellbeing.bleeding": "Bleeding",
  "wellbeing.bleeding.none": "None",
  "wellbeing.bleeding.spotting": "Spotting",
  "wellbeing.bleeding.light": "Light",
  "wellbeing.bleeding.heavy": "Heavy",
  "wellbeing.mood": "Mood",
  "wellbeing.mood.hint": "However you feel is allowed here.",
  "wellbeing.mood.1": "Very low",
  "wellbeing.mood.2": "Low",
  "wellbeing.mood.3": "In between",
  "wellbeing.mood.4": "Fairly good",
  "wellbeing.mood.5": "Good",
  "wellbeing.note": "Anything else (optional)",

  "wellbeing.result.none": "Nothing here needs a call today",
  "wellbeing.result.noneBody": "Thank you for checking in.",
  "wellbeing.result.watch": "Worth keeping an eye on:",
  "wellbeing.result.alsoWatch": "Also worth keeping an eye on:",
  "wellbeing.result.getsWorse":
    "If anything gets worse, do a new check or call your clinic. You know your body best.",

  "wellbeing.notice.call": "Call your clinic today",
  "wellbeing.notice.emergency": "Seek emergency care now",
  "wellbeing.notice.from": "From your check at {when}.",
  "wellbeing.notice.callBecause": "You noted signs your clinic will want to know about:",
  "wellbeing.notice.emergencyBecause": "You noted signs that need checking straight away:",
  "wellbeing.notice.emergencyNumber":
    "Call your local emergency number, or go to the nearest emergency department. Tell them you are having fertility treatment.",
  "wellbeing.notice.callClinicPhone": "Call your clinic: {phone}",
  "wellbeing.notice.callClinicNoPhone":
    "Use your clinic’s number for urgent questions; many clinics have one for any hour.",
  "wellbeing.notice.alsoClinic": "When you can, let your clinic know too: {phone}.",
  "wellbeing.notice.notDiagnosis":
    "This is not a diagnosis; your clinic can check what is happening.",
  "wellbeing.notice.sourceSummary": "Where this comes from",
  "wellbeing.notice.source":
    "Signs of ovarian hyperstimulation syndrome (OHSS) and when to get help, from: {source}.",

  "wellbeing.sign.shortness-of-breath":
    "Short of breath: this can mean fluid is building up around the lungs.",
  "wellbeing.sign.chest-pain": "Chest pain: this can mean fluid around the lungs or a blood clot.",
  "wellbeing.sign.calf-pain-or-swelling":
    "Pain or swelling in a calf: this can be a sign of a blood clot, which is more likely with OHSS.",
  "wellbeing.sign.fainting":
    "Fainting: this can mean too little fluid is left in your blood vessels.",
  "wellbeing.sign.urine-almost-none-12h":
    "Almost no urine for 12 hours: this can mean your kidneys are not getting enough fluid.",
  "wellbeing.sign.severe-abdominal-pain":
    "Severe pain in your belly: this can mean OHSS is getting worse, or another problem that needs checking straight away.",
  "wellbeing.sign.fever": "Fever: this can be a sign of infection or of OHSS getting worse.",
  "wellbeing.sign.pain-increasing": "Belly pain that keeps increasing: this should be checked.",
  "wellbeing.sign.bloating-severe":
    "Severe bloating: this can mean fluid is collecting in your belly.",
  "wellbeing.sign.bloating-increasing":
    "Bloating that keeps increasing: this can mean fluid is collecting in your belly.",
  "wellbeing.sign.tight-abdomen":
    "A tight, swollen belly: this can mean fluid is collecting there.",
  "wellbeing.sign.vomiting-cannot-keep-down":
    "Vomiting that stops you keeping fluids down: this can leave you short of fluid.",
  "wellbeing.sign.weight-gain-day":
    "{amount} gained in a day: sudden weight gain can mean your body is holding fluid.",
  "wellbeing.sign.weight-gain-total":
    "{amount} gained in total: weight gain like this can mean your body is holding fluid.",
  "wellbeing.sign.urine-much-less":
    "Much less urine than usual: this can mean fluid is moving out of your blood vessels.",
  "wellbeing.sign.urine-less":
    "Less urine than usual: this can be an early sign of fluid moving out of your blood vessels, so it is safest to check.",
  "wellbeing.sign.abdominal-pain":
    "Belly pain: some discomfort is common after stimulation and retrieval. If it keeps increasing or becomes severe, get help.",
  "wellbeing.sign.bloating":
    "Bloating: some is common after stimulation. If it keeps increasing or becomes severe, call your clinic.",
  "wellbeing.sign.nausea":
    "Nausea: common after stimulation. If you cannot keep food or drink down, call your clinic.",
  "wellbeing.sign.vomiting": "Some vomiting: if it stops you eating or drinking, call your clinic.",
  "wellbeing.sign.diarrhoea":
    "Diarrhoea: it can come with OHSS. If it goes on, or other signs appear, call your clinic.",
} as const;
