/** Words for the Costs section: totals, the list by cycle, the cost form and receipts. */
export const costs = {
  "costs.title": "Costs",
  "costs.intro":
    "What treatment costs, what others covered, and what is still due. Each currency is kept on its own: nothing is converted.",
  "costs.empty":
    "No costs yet. Add an invoice, a pharmacy bill or a flight, and the totals will appear here.",
  "costs.empty.readOnly": "No costs recorded yet.",
  "costs.add": "Add a cost",
  "costs.saved": "Cost saved.",
  "costs.changed": "Cost changed.",
  "costs.removed": "Cost removed.",
  "costs.paid": "Marked as paid.",

  // Totals
  "costs.totals.title": "Totals",
  "costs.totals.in": "In {currency}",
  "costs.totals.lifetime": "Everything so far",
  "costs.totals.thisYear": "This year ({year})",
  "costs.totals.outOfPocket": "Out of pocket",
  "costs.totals.covered": "Covered",
  "costs.totals.due": "Still due",
  "costs.totals.perRetrieval":
    "Per egg retrieval: {amount}, {outOfPocket} out of pocket ({count, plural, one {# retrieval} other {# retrievals}})",
  "costs.totals.perTransfer":
    "Per transfer: {amount}, {outOfPocket} out of pocket ({count, plural, one {# transfer} other {# transfers}})",
  "costs.totals.perHint":
    "Per retrieval counts what the cycles with a retrieval cost; per transfer, everything so far.",
  "costs.totals.storage": "Includes {amount} of storage fees paid, from the embryo bank.",
  "costs.totals.expected": "{amount} of coverage not received yet.",
  "costs.totals.dueNext": "Due next: {description}, {amount}, {date}",
  "costs.totals.dueNextOverdue": "Was due {date}: {description}, {amount}",

  // Chart
  "costs.chart.title": "Out of pocket and covered, by year",
  "costs.chart.titleIn": "Out of pocket and covered, by year, in {currency}",
  "costs.chart.summary":
    "{years, plural, one {One year} other {# years}}; the most out of pocket was {amount} in {year}.",
  "costs.chart.year": "Year",
  "costs.chart.outOfPocket": "Out of pocket",
  "costs.chart.covered": "Covered",
  "costs.chart.total": "Total",
  "costs.chart.table": "The same as a table",

  // Due
  "costs.due.title": "Due",
  "costs.due.on": "Due {date}",
  "costs.due.overdue": "Was due {date}",
  "costs.due.line": "{description}: {amount}, due {date}",
  "costs.due.lineOverdue": "{description}: {amount}, was due {date}",
  "costs.due.reminder":
    "Reminder {days, plural, =0 {on the day} one {# day before} other {# days before}}",

  "costs.dueToday.title": "Payment due",
  "costs.dueToday.link": "All costs",

  // List
  "costs.byCycle.title": "By cycle",
  "costs.noCycle": "Not tied to a cycle",
  "costs.cycleTotal": "{total} in all, {outOfPocket} out of pocket",
  "costs.storageFees": "Storage fees (from the embryo bank)",
  "costs.storageFee.line": "{clinic}, paid {date}",
  "costs.storageFee.hint": "Kept with the embryo bank; counted here, not entered twice.",
  "costs.paidOn": "Paid {date}",
  "costs.paidNoDate": "Paid",
  "costs.paidBy": "Paid by {name}",
  "costs.coverage.line":
    "{kind}{source, select, none {} other { ({source})}}: {amount}{received, select, yes {, received} other {, not received yet}}",
  "costs.outOfPocketLine": "Out of pocket: {amount}",
  "costs.edit": "Change",
  "costs.editLabel": "Change {name}",
  "costs.remove": "Remove",
  "costs.removeLabel": "Remove {name}",
  "costs.removeTitle": "Remove {name} from your costs?",
  "costs.removeBody":
    "It will no longer be counted in your totals. A receipt kept with it is deleted from this device and from your account.",
  "costs.keep": "Keep it",
  "costs.markPaid": "Paid today",
  "costs.markPaid.label": "Mark {name} as paid today",

  // Categories
  "costs.category.medication": "Medication",
  "costs.category.monitoring": "Monitoring",
  "costs.category.retrieval": "Egg retrieval",
  "costs.category.lab-embryology": "Lab and embryology",
  "costs.category.pgt": "PGT (embryo testing)",
  "costs.category.freezing-storage": "Freezing and storage",
  "costs.category.transfer": "Transfer",
  "costs.category.donor-carrier": "Donor or carrier",
  "costs.category.legal": "Legal",
  "costs.category.travel": "Travel",
  "costs.category.other": "Other",

  // Coverage kinds
  "costs.coverage.insurer": "Insurance",
  "costs.coverage.employer": "Employer benefit",
  "costs.coverage.grant": "Grant",
  "costs.coverage.refund": "Refund",

  // Form
  "costs.form.description": "What it was for",
  "costs.form.descriptionHint": "For example: “Stimulation medicines” or “Clinic invoice 2291”.",
  "costs.form.amount": "Amount",
  "costs.form.currency": "Currency",
  "costs.form.category": "Kind of cost",
  "costs.form.incurredOn": "Date",
  "costs.form.cycle": "Cycle",
  "costs.form.cycleNone": "Not tied to a cycle",
  "costs.form.cycleOption": "{name}, from {date}",
  "costs.form.paidBy": "Who paid (optional)",
  "costs.form.status": "Paid or due",
  "costs.form.status.paid": "Paid",
  "costs.form.status.due": "Still due",
  "costs.form.paidOn": "Paid on (optional)",
  "costs.form.dueOn": "Due date",
  "costs.form.remind": "Show on Today this many days before (optional)",
  "costs.form.coverage": "Covered by others",
  "costs.form.coverageHint":
    "Insurance, an employer benefit, a grant or a refund, in the cost's currency.",
  "costs.form.coverageAdd": "Add who covered part of it",
  "costs.form.coverageKind": "Covered by",
  "costs.form.coverageSource": "Name (optional)",
  "costs.form.coverageAmount": "How much",
  "costs.form.coverageReceived": "Received",
  "costs.form.coverageRemove": "Take this line out",
  "costs.form.coverageRemoveLabel": "Take out coverage line {n}",
  "costs.form.coverageRow": "Coverage line {n}",
  "costs.form.note": "Note (optional)",
  "costs.form.save": "Save the cost",
  "costs.form.saveChange": "Save the change",
  "costs.form.notANumber": "Write the amount as a number, like 1250 or 1250.50.",
  "costs.form.tooMuch": "That is more than one cost could be. Check the amount.",
  "costs.form.remindTooLong": "Up to 120 days before.",

  // Receipt
  "costs.receipt": "Receipt (optional)",
  "costs.receipt.hint":
    "A photo or a PDF. A photo is made smaller and its place and camera details are taken out. It is sealed with a key only your record holds.",
  "costs.receipt.preparing": "Preparing the receipt…",
  "costs.receipt.attached": "Receipt attached ({size}).",
  "costs.receipt.remove": "Take the receipt off",
  "costs.receipt.view": "View the receipt",
  "costs.receipt.viewLabel": "View the receipt for {name}",
  "costs.receipt.close": "Close",
  "costs.receipt.title": "Receipt: {name}",
  "costs.receipt.alt": "Receipt for {name}",
  "costs.receipt.openPdf": "Open the PDF",
  "costs.receipt.loading": "Opening the receipt…",
  "costs.receipt.not-a-receipt": "This file is not a photo or a PDF Trellis can read.",
  "costs.receipt.receipt-too-large": "This file is too large to keep as a receipt.",
  "costs.receipt.failed": "The receipt could not be kept. Nothing was saved.",
  "costs.receipt.not-on-this-device":
    "The receipt is on the device that added it, and has not reached your account yet.",
  "costs.receipt.unavailable": "The receipt could not be fetched just now. Try again when online.",
  "costs.receipt.damaged": "The receipt could not be opened.",
} as const;
