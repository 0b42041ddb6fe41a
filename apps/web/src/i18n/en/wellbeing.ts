/**
 * Words for the wellbeing screens (English). See ../en.ts for the rules.
 *
 * Keys by stage end in the stage's id (`stimulation`, `after-retrieval`,
 * `after-transfer`, `pregnant`, `after-loss`, `after-birth`) or `general`
 * (no stage). A sign's words are `wellbeing.sign.<sign>`; a stage may say it
 * its own way with `wellbeing.sign.<sign>.<stage>`. Calm and plain: say what
 * a sign can mean and what to do, never "this is normal".
 */
export const wellbeing = {
  "wellbeing.check.title": "How do you feel?",
  "wellbeing.check.intro":
    "Answer only what you want to; everything is optional. Trellis looks for signs that need a call.",
  "wellbeing.check.for.stimulation":
    "Questions for the days of stimulation injections. Trellis looks for signs of OHSS (ovarian hyperstimulation syndrome: the ovaries over-responding to the medicines) and anything else that needs a call.",
  "wellbeing.check.for.after-retrieval":
    "Questions for the two weeks after egg collection. Trellis looks for signs of OHSS (ovarian hyperstimulation syndrome: the ovaries over-responding to the medicines), bleeding and infection.",
  "wellbeing.check.for.after-transfer":
    "Questions for the weeks after your transfer, including late signs of OHSS (ovarian hyperstimulation syndrome).",
  "wellbeing.check.for.pregnant": "Questions for your pregnancy.",
  "wellbeing.check.for.after-loss":
    "Questions about how your body is recovering, and how you are. Take your time.",
  "wellbeing.check.for.after-birth":
    "Questions for the year after a birth: how your body is recovering, and how you are.",
  "wellbeing.check.for.general": "A short check for any day.",
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
  "wellbeing.pain.after": "Pain or cramps in your belly",
  "wellbeing.nausea": "Nausea (feeling sick)",
  "wellbeing.vomiting": "Vomiting (being sick)",
  "wellbeing.vomiting.none": "None",
  "wellbeing.vomiting.some": "Some",
  "wellbeing.vomiting.cannot-keep-down": "Can’t keep fluids down",
  "wellbeing.urine": "Passing urine",
  "wellbeing.urine.normal": "As usual",
  "wellbeing.urine.less": "Less",
  "wellbeing.urine.much-less": "Much less",
  "wellbeing.urine.almost-none-12h": "Almost none for 12 hours",
  "wellbeing.bleeding": "Bleeding",
  "wellbeing.bleeding.hint": "Soaking a pad in an hour means a full pad within an hour or less.",
  "wellbeing.bleeding.none": "None",
  "wellbeing.bleeding.spotting": "Spotting",
  "wellbeing.bleeding.light": "Light",
  "wellbeing.bleeding.heavy": "Heavy, like a period",
  "wellbeing.bleeding.soaking-pad-an-hour": "Soaking a pad in an hour",
  "wellbeing.signs": "Any of these today?",
  "wellbeing.signs.hint": "Choose all that apply.",
  "wellbeing.urgentSigns": "Any of these?",
  "wellbeing.urgentSigns.hint": "Choose all that apply. Any one of these needs help straight away.",
  "wellbeing.yesNo.clotsLargerThanPlum": "Clots the size of an egg or bigger",
  "wellbeing.yesNo.waistGrowing": "Waist getting bigger",
  "wellbeing.yesNo.diarrhoea": "Diarrhoea",
  "wellbeing.yesNo.tightAbdomen": "Tight, swollen belly",
  "wellbeing.yesNo.oneSidedPain": "Pain low down on one side",
  "wellbeing.yesNo.shoulderTipPain": "Pain where your shoulder meets your arm (shoulder-tip pain)",
  "wellbeing.yesNo.foulDischarge": "Discharge that smells bad",
  "wellbeing.yesNo.fever": "Fever or shivering",
  "wellbeing.yesNo.dizziness": "Dizzy or light-headed",
  "wellbeing.yesNo.severeHeadache": "Headache that painkillers don’t ease",
  "wellbeing.yesNo.visionChanges": "Blurred vision, flashing lights or spots",
  "wellbeing.yesNo.suddenSwelling": "Sudden swelling of your face, hands or feet",
  "wellbeing.yesNo.reducedMovements": "Baby moving less than usual",
  "wellbeing.yesNo.fluidLeak": "Fluid leaking from your vagina",
  "wellbeing.yesNo.woundProblem": "A wound or stitches red, oozing or not healing",
  "wellbeing.yesNo.shortnessOfBreath": "Short of breath",
  "wellbeing.yesNo.chestPain": "Chest pain",
  "wellbeing.yesNo.racingHeartOrFastBreathing": "Racing heart or fast breathing",
  "wellbeing.yesNo.calfPainOrSwelling": "Pain, redness or swelling in a leg",
  "wellbeing.yesNo.fainting": "Fainted",
  "wellbeing.yesNo.seizure": "A fit (seizure)",
  "wellbeing.yesNo.confusion": "Feeling confused",
  "wellbeing.yesNo.coughingBlood": "Coughing up blood",
  "wellbeing.weight": "Weight today ({unit})",
  "wellbeing.weight.hint":
    "Optional. Weigh at about the same time each day if you can; Trellis works out any change from your earlier checks.",
  "wellbeing.weight.invalid": "Use your weight as a number in {unit}, for example 64.5.",
  "wellbeing.weightAmount": "{value} {unit}",
  "wellbeing.mood": "Mood",
  "wellbeing.mood.hint": "However you feel is allowed here.",
  "wellbeing.mood.ok": "OK",
  "wellbeing.mood.low": "Low",
  "wellbeing.mood.very-low": "Very low, hard to cope",
  "wellbeing.thoughts": "Hard thoughts",
  "wellbeing.thoughts.hint":
    "Only if you want to say. If you tick one, Trellis shows who you can talk to straight away.",
  "wellbeing.yesNo.thoughtsOfSelfHarm": "Thoughts of harming myself, or of not wanting to live",
  "wellbeing.yesNo.thoughtsOfHarmingOthers": "Thoughts of harming someone else, or my baby",
  "wellbeing.note": "Anything else (optional)",

  "wellbeing.result.none": "Nothing here needs a call today",
  "wellbeing.result.noneBody": "Thank you for checking in.",
  "wellbeing.result.watch": "Worth keeping an eye on:",
  "wellbeing.result.alsoWatch": "Also worth keeping an eye on:",
  "wellbeing.result.getsWorse":
    "If anything gets worse, do a new check or call your clinic. You know your body best.",
  "wellbeing.result.clinicToo": "Your clinic can help with how you feel too: {phone}",
  "wellbeing.result.clinicTooNoPhone": "Your clinic or GP can help with how you feel too.",

  "wellbeing.notice.call.stimulation": "Call your clinic today",
  "wellbeing.notice.call.after-retrieval": "Call your clinic today",
  "wellbeing.notice.call.after-transfer": "Call your clinic today",
  "wellbeing.notice.call.pregnant": "Call your maternity unit, midwife or clinic today",
  "wellbeing.notice.call.after-loss": "Call your clinic, GP or maternity unit today",
  "wellbeing.notice.call.after-birth": "Call your midwife, GP or maternity unit today",
  "wellbeing.notice.call.general": "Call your clinic or GP today",
  "wellbeing.notice.emergency": "Seek emergency care now",
  "wellbeing.notice.talkNow": "Please talk to someone now",
  "wellbeing.notice.from": "From your check at {when}.",
  "wellbeing.notice.callBecause": "You noted signs that need a call today:",
  "wellbeing.notice.emergencyBecause": "You noted signs that need checking straight away:",
  "wellbeing.notice.talkNowBecause":
    "You said you have had thoughts of harming yourself or of not wanting to live. You deserve support right now, and you do not have to explain anything to get it.",
  "wellbeing.notice.emergencyNumber":
    "Call {number} now, or go to the nearest emergency department.",
  "wellbeing.notice.emergencyNumberFallback":
    "Call {number} or your local emergency number now, or go to the nearest emergency department.",
  "wellbeing.notice.callEmergency": "Call {number}",
  "wellbeing.notice.emergencyAfterCrisis":
    "If you have acted on these thoughts, or feel you might, call {number} now.",
  "wellbeing.notice.tellThem.stimulation": "Tell them you are having fertility treatment.",
  "wellbeing.notice.tellThem.after-retrieval":
    "Tell them you are having fertility treatment and when your eggs were collected.",
  "wellbeing.notice.tellThem.after-transfer":
    "Tell them you are having fertility treatment and when your transfer was.",
  "wellbeing.notice.tellThem.pregnant": "Tell them you are pregnant.",
  "wellbeing.notice.tellThem.after-loss": "Tell them about your recent loss and when it was.",
  "wellbeing.notice.tellThem.after-birth": "Tell them you gave birth, and when.",
  "wellbeing.notice.tellThem.general": "Tell them what you noticed and when it started.",
  "wellbeing.notice.callClinicPhone": "Call your clinic: {phone}",
  "wellbeing.notice.callClinicNamed": "Call {name}: {phone}",
  "wellbeing.notice.callClinicNoPhone":
    "Call your clinic’s 24-hour number; many clinics have one for any hour. If nobody answers, treat it as an emergency.",
  "wellbeing.notice.ifNoAnswer": "If nobody answers, treat it as an emergency.",
  "wellbeing.notice.alsoClinic": "When you can, let your clinic know too: {phone}.",
  "wellbeing.notice.notDiagnosis":
    "This is not a diagnosis; the people you call can check what is happening.",
  "wellbeing.notice.sourceSummary": "Where this comes from",
  "wellbeing.notice.source": "Warning signs and when to get help, from: {source}.",
  "wellbeing.notice.reasonSource": "{citation} ({tag})",
  "wellbeing.tag.checked": "read on the source’s own page",
  "wellbeing.tag.secondary": "read where others relay it",
  "wellbeing.tag.unverified": "a careful choice of Trellis’s, not yet checked against a source",

  "wellbeing.crisis.call": "Call {service}: {contact}",
  "wellbeing.crisis.text": "Or text {body} to {number}",
  "wellbeing.crisis.textAny": "Or text {number}",
  "wellbeing.crisis.region": "({region})",
  "wellbeing.crisis.free": "Free to call.",
  "wellbeing.crisis.allHours": "Any time, day or night.",
  "wellbeing.crisis.changes": "Numbers can change: check the service’s website.",
  "wellbeing.crisis.none":
    "Trellis does not know a crisis line for your country yet. Your emergency number will help, and you can choose your country in Settings.",
  "wellbeing.crisis.tag": "Number {tag}.",

  "wellbeing.country.title": "Your country",
  "wellbeing.country.hint":
    "Trellis uses it for the emergency number and the crisis lines it shows you. It is kept in your record like everything else.",
  "wellbeing.country.label": "Country",
  "wellbeing.country.fromZone": "From my home time zone ({country})",
  "wellbeing.country.fromZoneUnknown": "From my home time zone (not known)",
  "wellbeing.country.save": "Save country",
  "wellbeing.country.saved": "Country saved.",
  "wellbeing.country.unchanged": "Nothing changed.",
  "wellbeing.country.current": "Emergency number: {number}.",
  "wellbeing.country.currentAlso": "Emergency number: {number} ({also} works too).",
  "wellbeing.country.currentFallback":
    "Emergency number: {number}, or your local emergency number.",

  // Signs: what each can mean, plainly. Stage-specific words end in the stage.
  "wellbeing.sign.thoughts-of-self-harm":
    "Thoughts of harming yourself or of not wanting to live: you deserve support right now.",
  "wellbeing.sign.thoughts-of-harming-others":
    "Thoughts of harming someone else, or your baby: these need help straight away. Telling someone is the right step, and you are not alone with them.",
  "wellbeing.sign.bleeding-soaking-pad":
    "Soaking a pad in an hour or less: this is a lot of blood loss and needs checking straight away.",
  "wellbeing.sign.heavy-bleeding-in-pregnancy":
    "Heavy bleeding in pregnancy: this needs checking the same day, and from 20 weeks straight away.",
  "wellbeing.sign.clots":
    "Clots the size of an egg or bigger: these can mean heavy bleeding that needs checking straight away.",
  "wellbeing.sign.reduced-movements-with-pain-or-bleeding":
    "Your baby moving less, with pain or bleeding: this needs checking at your maternity unit now.",
  "wellbeing.sign.pain-with-dizziness":
    "Pain on one side or at the shoulder tip, with dizziness: this can mean bleeding inside, for example from a pregnancy outside the womb (ectopic).",
  "wellbeing.sign.seizure": "A fit (seizure): this needs help straight away.",
  "wellbeing.sign.confusion":
    "Feeling confused: this can be a sign of a serious infection, or in pregnancy and after a birth of high blood pressure.",
  "wellbeing.sign.shortness-of-breath":
    "Short of breath: this can mean a blood clot in the lungs, or fluid around them.",
  "wellbeing.sign.shortness-of-breath.stimulation":
    "Short of breath: this can mean fluid is building up around the lungs.",
  "wellbeing.sign.shortness-of-breath.after-retrieval":
    "Short of breath: this can mean fluid is building up around the lungs.",
  "wellbeing.sign.chest-pain":
    "Chest pain: this can mean a blood clot in the lungs, or another problem that needs checking straight away.",
  "wellbeing.sign.chest-pain.stimulation":
    "Chest pain: this can mean fluid around the lungs or a blood clot.",
  "wellbeing.sign.chest-pain.after-retrieval":
    "Chest pain: this can mean fluid around the lungs or a blood clot.",
  "wellbeing.sign.coughing-blood": "Coughing up blood: this can mean a blood clot in the lungs.",
  "wellbeing.sign.racing-heart-or-fast-breathing":
    "A racing heart or fast breathing: this can mean heavy blood loss, an infection or a blood clot.",
  "wellbeing.sign.racing-heart-or-fast-breathing.stimulation":
    "A racing heart or fast breathing: with OHSS this can mean too little fluid in your blood vessels, or fluid around the lungs.",
  "wellbeing.sign.racing-heart-or-fast-breathing.after-retrieval":
    "A racing heart or fast breathing: with OHSS this can mean too little fluid in your blood vessels, or fluid around the lungs.",
  "wellbeing.sign.calf-pain-or-swelling":
    "Pain, redness or swelling in a leg: this can be a sign of a blood clot.",
  "wellbeing.sign.calf-pain-or-swelling.stimulation":
    "Pain or swelling in a calf: this can be a sign of a blood clot, which is more likely with OHSS.",
  "wellbeing.sign.calf-pain-or-swelling.after-retrieval":
    "Pain or swelling in a calf: this can be a sign of a blood clot, which is more likely with OHSS.",
  "wellbeing.sign.fainting":
    "Fainting: this can mean blood loss, or too little fluid in your blood vessels.",
  "wellbeing.sign.fainting.stimulation":
    "Fainting: this can mean too little fluid is left in your blood vessels.",
  "wellbeing.sign.fainting.after-retrieval":
    "Fainting: this can mean too little fluid is left in your blood vessels.",
  "wellbeing.sign.urine-almost-none-12h":
    "Almost no urine for 12 hours: this can mean your kidneys are not getting enough fluid.",
  "wellbeing.sign.severe-abdominal-pain":
    "Severe pain in your belly: this needs checking straight away.",
  "wellbeing.sign.severe-abdominal-pain.stimulation":
    "Severe pain in your belly: this can mean OHSS is getting worse, or another problem that needs checking straight away.",
  "wellbeing.sign.severe-abdominal-pain.after-retrieval":
    "Severe pain in your belly: this can mean OHSS is getting worse, or another problem that needs checking straight away.",
  "wellbeing.sign.tight-abdomen":
    "A tight, tense, swollen belly: with OHSS this can mean a lot of fluid is collecting there.",
  "wellbeing.sign.shoulder-tip-pain":
    "Pain where your shoulder meets your arm: this can be a sign of bleeding inside, for example from a pregnancy outside the womb (ectopic).",
  "wellbeing.sign.dizziness": "Feeling dizzy or light-headed: this can come before fainting.",
  "wellbeing.sign.dizziness.stimulation":
    "Feeling dizzy or light-headed: with OHSS this can mean too little fluid in your blood vessels.",
  "wellbeing.sign.dizziness.after-retrieval":
    "Feeling dizzy or light-headed: with OHSS this can mean too little fluid in your blood vessels.",
  "wellbeing.sign.dizziness.after-loss":
    "Feeling dizzy or faint after a loss: this can be a sign of heavy blood loss.",
  "wellbeing.sign.dizziness.after-birth":
    "Feeling dizzy or faint after a birth: this can be a sign of heavy blood loss.",
  "wellbeing.sign.fever": "A fever or shivering: this can be a sign of infection.",
  "wellbeing.sign.fever.stimulation":
    "A fever: this can be a sign of infection or of OHSS getting worse.",
  "wellbeing.sign.fever.after-retrieval":
    "A fever: this can be a sign of infection or of OHSS getting worse.",
  "wellbeing.sign.one-sided-pain":
    "Pain low down on one side: this can be a sign of a pregnancy outside the womb (ectopic), even before a test is positive.",
  "wellbeing.sign.bleeding-in-pregnancy":
    "Bleeding in pregnancy: even light spotting is worth checking the same day. Light spotting early on is common and often settles.",
  "wellbeing.sign.bleeding-heavy":
    "Heavy bleeding, like a period or more: this should be checked today.",
  "wellbeing.sign.bleeding-heavy.after-transfer":
    "Bleeding like a period, or bright red: your clinic will want to know today. Keep taking your medicines unless they say otherwise.",
  "wellbeing.sign.bleeding-heavy.after-loss":
    "Heavy bleeding, or bleeding getting heavier: this can be a lot of blood loss and needs checking straight away.",
  "wellbeing.sign.bleeding-heavy.after-birth":
    "Heavy bleeding, or bleeding getting heavier: this can be a lot of blood loss and needs checking straight away.",
  "wellbeing.sign.reduced-movements":
    "Your baby moving less than usual, or not at all: call your maternity unit now, day or night, every time it happens.",
  "wellbeing.sign.fluid-leak":
    "Fluid leaking from your vagina: this can be your waters. Your maternity unit will want to check.",
  "wellbeing.sign.severe-headache":
    "A headache that painkillers do not ease: in pregnancy and after a birth this can be a sign of high blood pressure (pre-eclampsia).",
  "wellbeing.sign.vision-changes":
    "Blurred vision, flashing lights or spots: this can be a sign of high blood pressure (pre-eclampsia).",
  "wellbeing.sign.sudden-swelling":
    "Sudden swelling of your face, hands or feet: this can be a sign of high blood pressure (pre-eclampsia).",
  "wellbeing.sign.foul-discharge": "Discharge that smells bad: this can be a sign of infection.",
  "wellbeing.sign.wound-problem":
    "A wound or stitches that are red, oozing or not healing: this can be an infection.",
  "wellbeing.sign.mood-very-low":
    "Very low, finding it hard to cope: you do not have to carry this alone. Your GP, your clinic or a counsellor can help, and the lines below are there to talk.",
  "wellbeing.sign.moderate-ohss":
    "Moderate belly pain with feeling sick or being sick: this can be moderate OHSS, which your clinic will want to check.",
  "wellbeing.sign.pain-increasing": "Belly pain that keeps increasing: this should be checked.",
  "wellbeing.sign.bloating-severe":
    "Severe bloating: this can mean fluid is collecting in your belly.",
  "wellbeing.sign.bloating-increasing":
    "Bloating that keeps increasing: this can mean fluid is collecting in your belly.",
  "wellbeing.sign.bloating-after-transfer":
    "Bloating a week or so after a transfer: this can be late OHSS, which comes with a pregnancy.",
  "wellbeing.sign.nausea-after-transfer":
    "Feeling sick a week or so after a transfer: this can be late OHSS, which comes with a pregnancy.",
  "wellbeing.sign.waist-growing":
    "A growing waist: this can mean fluid is collecting in your belly.",
  "wellbeing.sign.vomiting-cannot-keep-down":
    "Vomiting that stops you keeping fluids down: this can leave you short of fluid.",
  "wellbeing.sign.vomiting":
    "Vomiting: with OHSS it can leave you short of fluid, so your clinic will want to know.",
  "wellbeing.sign.weight-gain-day":
    "{amount} gained in a day: sudden weight gain can mean your body is holding fluid.",
  "wellbeing.sign.weight-gain-total":
    "{amount} gained in total: weight gain like this can mean your body is holding fluid.",
  "wellbeing.sign.urine-much-less":
    "Much less urine than usual: this can mean fluid is moving out of your blood vessels.",
  "wellbeing.sign.urine-less":
    "Less urine than usual: this can be an early sign of fluid moving out of your blood vessels, so it is safest to check.",
  "wellbeing.sign.abdominal-pain":
    "Belly pain: some discomfort is common. If it keeps increasing or becomes severe, get help.",
  "wellbeing.sign.abdominal-pain.stimulation":
    "Belly pain: some discomfort is common during stimulation. If it keeps increasing or becomes severe, get help.",
  "wellbeing.sign.abdominal-pain.after-retrieval":
    "Belly pain: some discomfort is common after egg collection. If it keeps increasing or becomes severe, get help.",
  "wellbeing.sign.abdominal-pain.pregnant":
    "Mild cramps: common in pregnancy. If they keep increasing, come with bleeding, or become severe, get help.",
  "wellbeing.sign.abdominal-pain.after-loss":
    "Cramping pain: common while the womb settles. If it keeps increasing or becomes severe, get help.",
  "wellbeing.sign.abdominal-pain.after-birth":
    "Cramping pain (after-pains): common while the womb settles. If it keeps increasing or becomes severe, get help.",
  "wellbeing.sign.bloating":
    "Bloating: some is common after stimulation. If it keeps increasing or becomes severe, call your clinic.",
  "wellbeing.sign.nausea":
    "Nausea: common after stimulation. If you cannot keep food or drink down, call your clinic.",
  "wellbeing.sign.diarrhoea":
    "Diarrhoea: it can come with OHSS. If it goes on, or other signs appear, call your clinic.",
  "wellbeing.sign.bleeding-light":
    "Spotting or light bleeding: this is common. If it gets heavier, call.",
  "wellbeing.sign.bleeding-light.after-retrieval":
    "Spotting or light bleeding: common for a few days after egg collection. If it gets as heavy as a period, call your clinic.",
  "wellbeing.sign.bleeding-light.after-loss":
    "Light bleeding: common for a while after a loss, easing over the days. If it gets heavier again or smells bad, call.",
  "wellbeing.sign.bleeding-light.after-birth":
    "Light bleeding: common for some weeks after a birth, easing over time. If it gets heavier again or smells bad, call.",
  "wellbeing.sign.spotting-after-transfer":
    "Spotting or light bleeding after a transfer: common, and the medicines can cause it. Keep taking them unless your clinic says otherwise.",
  "wellbeing.sign.mood-low":
    "Feeling low: this is common in treatment and after hard news. You do not have to go through it alone; the people below are there to talk.",
} as const;
