/** Words for the app shell, set-up, journal, settings and sections not built yet. */
export const core = {
  "app.name": "Trellis",
  "app.loading": "Opening your record…",
  "app.skipToContent": "Skip to content",
  "app.failed.title": "Trellis could not open",
  "app.failed.body":
    "Something on this device stopped Trellis from opening your record. Nothing has been deleted. Try reloading; if it keeps happening, your browser may be blocking storage for this site.",
  "app.failed.space": "This device has no space left for Trellis. Freeing some space may help.",
  "app.failed.private":
    "This browser does not let Trellis keep a record here, as in a private window. A normal window keeps it.",
  "app.failed.version":
    "A newer Trellis is open in another tab. Close that tab, or reload it and this one.",
  "app.failed.storage": "The browser could not open the storage where Trellis keeps your record.",
  "app.reload": "Reload",
  "app.screenLoading": "Opening…",
  "app.screenFailed.title": "This page did not open",
  "app.screenFailed.body":
    "Part of Trellis could not be loaded, perhaps because the connection dropped or Trellis was just updated. Your record is safe. Reloading usually fixes it.",
  "app.updateReady": "A new version of Trellis is ready.",
  "app.offlineReady": "Trellis now works without a connection on this device.",

  "nav.label": "Sections",
  "nav.today": "Today",
  "nav.cycle": "Cycle",
  "nav.embryos": "Embryos",
  "nav.transfers": "Transfers & outcomes",
  "nav.transfersShort": "Transfers",
  "nav.odds": "Odds",
  "nav.costs": "Costs",
  "nav.journal": "Journal",
  "nav.circle": "Circle",
  "nav.remembrance": "Remembrance",
  "nav.settings": "Settings",
  "nav.more": "More",
  "more.title": "All sections",

  "setup.title": "Welcome to Trellis",
  "setup.intro":
    "A private place to keep your treatment record. Everything you write stays on this device; no account is needed. If you later choose to sync with another device or a partner, it is end-to-end encrypted: the server cannot read it.",
  "setup.displayName": "What should Trellis call you?",
  "setup.displayName.hint":
    "Optional. Leave it empty if you would rather not see a name on screen.",
  "setup.dateOfBirth": "Date of birth",
  "setup.dateOfBirth.hint":
    "Many figures in fertility care depend on age, so Trellis needs this to show them for you later.",
  "setup.dateOfBirth.outsideAges":
    "Trellis is made for people between {min} and {max}. Check the year of birth.",
  "setup.homeZone": "Home time zone",
  "setup.homeZone.hint": "Reminders and the days of your record follow this zone.",
  "setup.partnerName": "Partner's name",
  "setup.partnerName.hint": "Optional. For someone going through this with you.",
  "setup.submit": "Start my record",
  "setup.restore.title": "Moving from another device?",
  "setup.restore.hint":
    "If you exported your record from Trellis before, you can bring it in here instead.",
  "setup.restore": "Restore from an export file",
  "setup.restore.noJourney":
    "That file has entries but no set-up details; fill in the form above instead.",
  "setup.disclaimer":
    "Trellis helps you keep track. It is not medical advice; your clinic knows your situation best.",

  "chart.notDrawn":
    "{count, plural, one {# result is} other {# results are}} dated too far from this cycle to draw here; {count, plural, one {it is} other {they are}} in the list.",
  "form.required": "This is needed.",
  "form.dateInFuture": "This date is in the future.",
  "form.saving": "Saving…",
  "form.saved": "Saved.",
  "form.save": "Save",
  "form.cancel": "Cancel",
  "form.problem": "Not saved: {message}",

  "today.title": "Today",
  "today.greeting": "Hello, {name}.",
  "today.empty.title": "Nothing planned for today yet",
  "today.empty.body":
    "When you start a treatment cycle, this page shows the doses due today with a one-tap “Taken”, your next appointment, and what is running low.",
  "today.writeNote": "Write in your journal",
  "today.lastNote": "Your latest note",
  "today.lastNote.shared": "The latest note",
  "today.readJournal": "Open the journal",

  "journal.title": "Journal",
  "journal.intro":
    "Notes are kept on this device, and on your other devices and your partner's only if you sync, end-to-end encrypted.",
  "journal.new": "New note",
  "journal.new.hint":
    "What happened today, a question for the clinic, anything you want to remember.",
  "journal.save": "Save note",
  "journal.private": "Keep this note on this device only",
  "journal.private.hint":
    "It is never sent anywhere: not to your partner, not to your other devices. It stays in this device's export.",
  "journal.privateMark": "only on this device",
  "journal.empty": "Your journal is empty. Notes you write appear here, newest first.",
  "journal.count": "{count, plural, one {# note} other {# notes}}",
  "journal.edit": "Edit",
  "journal.editLabel": "Edit note from {date}",
  "journal.delete": "Delete",
  "journal.deleteLabel": "Delete note from {date}",
  "journal.edited": "edited",
  "journal.deleted": "Note deleted.",
  "journal.undo": "Undo",
  "journal.restored": "Note restored.",
  "journal.listLabel": "Your notes",

  "settings.title": "Settings",
  "discreet.title": "How Trellis shows on this device",
  "discreet.hint":
    "With the discreet install, adding Trellis to your home screen shows it as “Notes” with a plain grey icon, and tabs and the app switcher say only “Notes”, on every screen.",
  "discreet.toggle": "Discreet install",
  "discreet.on": "Trellis now shows as Notes on this device.",
  "discreet.off": "Trellis shows under its own name again on this device.",
  "discreet.preview": "How the two choices look on a home screen",
  "discreet.preview.chosen": "Your choice",
  "discreet.preview.other": "The other choice",
  "discreet.reinstall":
    "If Trellis is already on your home screen, remove it and add it again for the new name and icon to show. Nothing in your record changes.",
  "settings.journey": "Your details",
  "settings.journey.saved": "Your details are saved.",
  "settings.data": "Your data",
  "settings.data.where":
    "Your record is kept in this browser on this device ({count, plural, one {# entry} other {# entries}}). Without an account nothing is sent anywhere; with one, only end-to-end encrypted copies go to your Trellis server.",
  "settings.export": "Export everything",
  "settings.export.locking": "Locking the file…",
  "settings.export.hint":
    "Downloads your whole record as a file you can keep or bring to another device. The file is locked with a passphrase you choose here.",
  "settings.export.passphrase": "Passphrase for the file",
  "settings.export.passphrase.hint":
    "At least 10 characters; a few ordinary words in a row work well. You will need it to open the file, and nobody, not Trellis either, can get it back for you.",
  "settings.export.again": "The same passphrase again",
  "settings.export.mismatch": "The two passphrases are not the same. Type them again.",
  "settings.export.done": "Your locked export is downloading.",
  "settings.export.waiting":
    "This device is still receiving older entries from your Trellis server. An export started now waits until they have all arrived, so nothing is left out; this needs a connection.",
  "settings.export.plain": "Export as a plain file, without a passphrase",
  "settings.export.plain.warning":
    "A plain file is not locked: anyone who gets it (a shared computer, an email, a cloud folder) can read everything in it.",
  "settings.import": "Import from a file",
  "settings.import.hint":
    "Adds the entries of a Trellis export, locked or plain. Entries already here are not doubled.",
  "settings.import.done":
    "{count, plural, =0 {Nothing new in that file.} one {# entry added.} other {# entries added.}}",
  "settings.import.failed": "Nothing was imported: {message}",
  "settings.import.unreadable": "That file could not be read as a Trellis export.",
  "settings.import.locked":
    "This file is locked with a passphrase. Type the passphrase that was chosen when it was exported.",
  "settings.import.passphrase": "The file's passphrase",
  "settings.import.open": "Open and import",
  "settings.import.opening": "Opening…",
  "settings.persist": "Keep my record safe from automatic clean-up",
  "settings.persist.hint":
    "Browsers may clear a site's data when the device runs low on space. Asking for persistent storage prevents that where the browser allows it.",
  "settings.persist.granted": "This browser will keep your record until you delete it.",
  "settings.persist.denied":
    "This browser did not agree to keep the record permanently. Exporting now and then keeps a copy safe.",
  "settings.unreadable":
    "{count, plural, one {# entry} other {# entries}} on this device came from a newer version of Trellis and cannot be shown yet. They are kept and included in exports.",
  "settings.erase": "Erase everything on this device",
  "settings.erase.hint":
    "Deletes your whole record from this browser. This cannot be undone; export first if you want a copy.",
  "settings.erase.confirmTitle": "Erase your record from this device?",
  "settings.erase.confirmBody":
    "Every entry on this device will be deleted. If you have no export, it cannot be brought back.",
  "settings.erase.confirm": "Erase everything",
  "settings.privacy": "Privacy",
  "settings.privacy.body":
    "No analytics, no trackers, no account needed. Without an account your record never leaves this device unless you export it. With an account, each entry is encrypted on your device before it is sent: the server stores only ciphertext and cannot read your record, your password or your keys. It does see your login name, your device names, and when and how much you sync.",
  "settings.about": "About",
  "settings.about.body":
    "Trellis is a record-keeping companion. It does not give medical advice; your clinic knows your situation best. If something feels wrong, call your clinic.",
  "settings.version": "Version {version}",

  "section.notBuilt": "Not built yet",
  "section.notBuilt.body":
    "This part of Trellis is still being built. Nothing here is sample data.",
  "section.cycle.purpose":
    "Your treatment plan, daily doses and reminders, monitoring visits, blood results and follicle scans, with charts of how things grow.",
  "section.embryos.purpose":
    "Every egg and embryo from every retrieval in one place: how many at each step, grades, test results, where each one is stored.",
  "section.transfers.purpose":
    "Each transfer, the blood tests after it, and what happened, recorded with care.",
  "section.odds.purpose":
    "Honest, sourced figures for what your embryos and future retrievals may bring, always with a range and never as advice. Hidden whenever you turn on quiet mode.",
  "section.circle.purpose":
    "Updates for family and friends that go out only when you choose, so you are the one who tells them.",
  "section.remembrance.purpose":
    "A quiet place to remember a pregnancy or a baby that was lost, if and when you want one.",

  // For someone the owner shares the record with to see only (a viewer).
  "readOnly.note":
    "You can see everything here. Only {name} and partners can add or change entries.",
  "readOnly.note.noName":
    "You can see everything here. Only the owner and partners can add or change entries.",
  "readOnly.quietMode": "Only {name} and partners can turn quiet mode off.",
  "readOnly.quietMode.noName": "Only the owner and partners can turn quiet mode off.",
  "setup.viewerWaiting":
    "This device can see a record that is shared with you. It appears here as soon as it arrives.",
} as const;
