/** Words for "Take your record with you": spreadsheets, FHIR, a dose log from a spreadsheet (English). See ../en.ts for the rules. */
export const records = {
  "records.title": "Take your record with you",
  "records.intro":
    "Files for a new clinic, a second opinion or a spreadsheet of your own. They are made on this device and saved where your browser saves downloads.",
  "records.csv": "Download spreadsheets (CSV, zip)",
  "records.csv.hint":
    "Six spreadsheets in one zip: doses, blood tests, scans, embryos, transfers and costs, each with a README.",
  "records.csv.readme":
    "Your Trellis record as spreadsheets, saved on {date}.\r\nEach file has a header row and one row per thing. Dates are written year-month-day; times carry their offset from UTC, and the time zone is in its own column. Units are in their own columns. Several values in one cell (follicle sizes, embryos, coverage) are separated by semicolons. Files are UTF-8 with a byte-order mark, so spreadsheet apps show every letter.\r\nThe columns of each file:",
  "records.fhir": "Download for a clinic's system (FHIR)",
  "records.fhir.hint":
    "One FHIR R4 file (JSON) that clinic and health-record systems can read: medicines, doses, blood tests, scans, retrievals, transfers and outcomes.",
  "records.saved": "Saved to your downloads.",

  "records.doses.title": "Bring in a dose log from a spreadsheet",
  "records.doses.intro":
    "Save the sheet as CSV, pick it here, then say which column holds what. Every row is checked against your plan first; nothing is saved unless every row is right.",
  "records.doses.pick": "Choose a CSV file",
  "records.doses.picked": "{name}: {count, plural, one {# row} other {# rows}}",
  "records.doses.unreadable": "This file could not be read as a spreadsheet saved as CSV.",
  "records.doses.unclosed":
    "Row {row} opens a quotation mark that never closes, so the file cannot be read. Check that row in your spreadsheet.",
  "records.doses.empty": "This file has a header row but no rows of doses.",
  "records.doses.column": "Column for {field}",
  "records.doses.column.none": "Not in this file",
  "records.doses.field.date": "Date (year-month-day)",
  "records.doses.field.time": "Time",
  "records.doses.field.medicine": "Medicine",
  "records.doses.field.dose": "Dose",
  "records.doses.field.unit": "Unit",
  "records.doses.field.given": "Given or missed",
  "records.doses.column.required": "Choose the column that holds this.",
  "records.doses.column.twice": "This column is already chosen for another field.",
  "records.doses.check": "Check and save",
  "records.doses.checking": "Checking…",
  "records.doses.refused":
    "Nothing was saved. {count, plural, one {One row needs} other {# rows need}} a change; fix {count, plural, one {it} other {them}} in the spreadsheet and pick the file again.",
  "records.doses.row": "Row {row}",
  "records.doses.done":
    "{count, plural, one {# dose saved} other {# doses saved}} from the spreadsheet.",

  "records.doses.reason.missing": "the {field} is empty.",
  "records.doses.reason.bad-date":
    "the date “{value}” is not written year-month-day (for example 2024-03-05).",
  "records.doses.reason.bad-time":
    "the time “{value}” is not a time of day (for example 08:30 or 8:30 pm).",
  "records.doses.reason.bad-given":
    "“{value}” does not say whether it was given or missed (write given or missed).",
  "records.doses.reason.bad-dose": "the dose “{value}” is not a number above zero.",
  "records.doses.reason.bad-unit":
    "the unit “{value}” is not one Trellis knows (IU, mg, mcg, mL, tablet, patch, spray, applicator).",
  "records.doses.reason.unknown-medicine": "no medicine called “{medicine}” is in your plans.",
  "records.doses.reason.not-planned": "{medicine} was not planned on {date}.",
  "records.doses.reason.which-dose":
    "{medicine} was planned more than once on {date}; add the time to say which dose.",
  "records.doses.reason.already-logged": "{medicine} on {date} is already logged.",
  "records.doses.reason.twice-in-file": "the same dose as row {otherRow}.",

  "records.back.title": "Bring back your spreadsheets",
  "records.back.intro":
    "On a new device, once it is set up: pick the zip the spreadsheets came in. Cycles, medicines, doses, blood tests, scans, embryos, transfers and costs come back as they were. Nothing is saved unless every row is right.",
  "records.back.pick": "Choose the spreadsheets zip",
  "records.back.notZip": "This file is not a zip of Trellis spreadsheets.",
  "records.back.done":
    "{count, plural, one {# entry} other {# entries}} brought back from the spreadsheets.",
  "records.back.refused":
    "Nothing was saved. {count, plural, one {One thing needs} other {# things need}} a look:",
  "records.back.more": "…and {count, plural, one {# more} other {# more}}.",
  "records.back.reason.missing-file": "{file}: this file is not in the zip.",
  "records.back.reason.missing-column": "{file}: the column “{column}” is missing.",
  "records.back.reason.unreadable": "{file}, row {row}: a quotation mark opens and never closes.",
  "records.back.reason.bad-value": "{file}, row {row}: the {column} cell cannot be read.",
  "records.back.reason.refused": "{file}, row {row}: {why}",
} as const;
