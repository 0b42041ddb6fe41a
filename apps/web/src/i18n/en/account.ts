/** Words for accounts, devices and the sync status line. */
export const account = {
  "account.section": "Account and sync",
  "account.none.body":
    "Trellis works fully on this device without an account, and nothing leaves it. An account lets you keep the same record on more than one device, and share it with a partner.",
  "account.e2e":
    "End-to-end encrypted: your entries are locked on your device before they are sent, and only your devices, and people you choose to share with, hold the key. The server keeps locked data it cannot read, and neither can anyone who runs it.",
  "account.none.create": "Create an account",
  "account.none.signIn": "Sign in",
  "account.offer.title": "Already using Trellis with an account?",
  "account.offer.body": "Sign in to bring your record to this device, or to join someone's record.",
  "account.signedInAs": "Signed in as {username} on {server}.",
  "account.thisDevice": "This device is called “{name}”.",
  "account.devices": "Devices",
  "account.changePassword": "Change password",
  "account.signOut": "Sign out on this device",
  "account.signOut.hint":
    "Your record stays on this device. It stops syncing until you sign in again.",
  "account.signOut.done": "Signed out on this device. Your record is still here.",
  "account.signInAgain": "Sign in again",
  "account.signInAgain.body":
    "This device's sign-in has ended: it had not been used for a long while, or it was signed out from another device. Everything you recorded is still here, and anything not yet synced waits safely on this device. Sign in again and syncing carries on.",
  "account.signIn.again.intro":
    "Sign in again to carry on syncing. Everything on this device stays as it is, and what waits to sync is sent once you are in.",
  "account.signInAgain.waiting":
    "{count, plural, one {# entry waits} other {# entries wait}} on this device to be synced.",
  "account.delete": "Delete account",
  "account.held":
    "{count, plural, one {# entry from another device could not be read} other {# entries from other devices could not be read}}. {count, plural, one {It is} other {They are}} kept aside, not lost, and tried again each time Trellis syncs.",
  "account.held.update": "An update of Trellis may be needed to read them.",
  "account.loading": "Loading…",
  "account.back": "Back to Settings",
  "account.role.owner": "This record is yours. Nobody else sees it unless you share it.",
  "account.role.partner": "You share this record as a partner: you see it and can add to it.",
  "account.role.viewer": "You share this record as a reader: you see it, but can't add to it.",

  "account.username": "Username",
  "account.username.hint":
    "Any name you like, without spaces. It doesn't have to be your real name or an email address.",
  "account.password": "Password",
  "account.password.hint":
    "At least 10 characters. It never leaves this device: not even the server sees it.",
  "account.password.again": "Password again",
  "account.currentPassword": "Your current password",
  "account.currentPassword.hint":
    "Asked again so that someone holding this device, but not your password, can't change it.",
  "account.password.mismatch": "The two passwords are not the same.",
  "account.password.short": "Please use at least 10 characters.",
  "account.deviceName": "Name for this device",
  "account.deviceName.hint": "So you can tell your devices apart, for example “Maya's phone”.",
  "account.deviceName.phone": "My phone",
  "account.deviceName.computer": "My computer",
  "account.server": "Trellis server",
  "account.server.hint":
    "The server this app came from is filled in. Change it only to use a Trellis server you or someone you trust runs.",
  "account.server.change": "Change",
  "account.server.invalid": "Enter a web address, such as https://trellis.example.org.",

  "account.create.title": "Create an account",
  "account.create.intro":
    "Your record stays on this device as it is now, and is also kept, locked, on the server, so your other devices and a partner can have it too.",
  "account.create.next": "Continue",
  "account.recovery.title": "Save your recovery key",
  "account.recovery.body":
    "If you ever forget your password, this key is the only way back into your account. Trellis can't show it to you again and can't reset it for you. Write it down, or save it somewhere safe away from this device.",
  "account.recovery.label": "Your recovery key",
  "account.recovery.copy": "Copy the key",
  "account.recovery.copied": "Recovery key copied.",
  "account.recovery.download": "Save as a file",
  "account.recovery.fileText":
    "Trellis recovery key for {username}\n\n{key}\n\nKeep this safe. With it, your password can be reset and your record opened.\n",
  "account.recovery.saved": "I have saved my recovery key somewhere safe",
  "account.recovery.savedFirst": "Please save the key first, then tick the box.",
  "account.recovery.create": "Create my account",
  "account.recovery.back": "Change username or password",
  "account.creating": "Creating your account…",
  "account.created.title": "Your account is ready",
  "account.created.body":
    "What you keep here is now end-to-end encrypted and in step with the server. Sign in on another device with the same username and password to have it there too.",

  "account.signIn.title": "Sign in",
  "account.signIn.intro":
    "Sign in to bring your record to this device. From then on it stays in step with your other devices.",
  "account.signIn.submit": "Sign in",
  "account.signingIn": "Signing in…",
  "account.signIn.forgot": "Forgot your password? Use your recovery key",
  "account.signIn.create": "No account yet? Create one",
  "account.signedIn.title": "Signed in",
  "account.signedIn.coming": "Your record is coming to this device. This takes a moment.",
  "account.signedIn.empty":
    "This account isn't keeping a record yet. If someone invited you, open their invite link on this device.",
  "account.signedIn.start": "Start a record on this device",

  "account.recover.title": "Use your recovery key",
  "account.recover.intro":
    "Enter the recovery key you saved when you made your account, and choose a new password. Your record stays as it is. Your other devices will be signed out; sign them in again with the new password.",
  "account.recoveryKey": "Recovery key",
  "account.recoveryKey.hint":
    "56 letters and digits in groups of 4. Spaces, dashes and small letters are fine.",
  "account.newPassword": "New password",
  "account.recover.submit": "Set the new password and sign in",
  "account.recovering": "Checking your recovery key…",

  "account.devices.title": "Your devices",
  "account.devices.intro":
    "Devices signed in to your account. Sign out any you no longer use or don't recognise.",
  "account.devices.current": "This device",
  "account.devices.lastSeen": "Last used {date}",
  "account.devices.signOut": "Sign out and erase",
  "account.devices.signOutLabel": "Sign out {name} and erase what it holds",
  "account.devices.signOutHint":
    "Signing a device out erases everything Trellis holds on it the next time it opens. If the record is yours, it also moves to a new key that device never gets.",
  "account.devices.confirm.title": "Sign out {name}?",
  "account.devices.confirm.body":
    "The next time {name} opens Trellis or reaches the server, it erases everything Trellis holds on it. Your record is moved to a new key, so nothing you write from now on can be opened with what {name} holds. Your record stays on your other devices.",
  "account.devices.confirm.bodyShared":
    "The next time {name} opens Trellis or reaches the server, it erases everything Trellis holds on it. Your record stays on your other devices.",
  "account.devices.confirm.yes": "Sign out and erase",
  "account.devices.confirm.no": "Keep it signed in",
  "account.devices.signedOut": "{name} is signed out. It erases what it holds when it next opens.",

  "account.erased.title": "This device was signed out",
  "account.erased.body":
    "This device was signed out from another of your devices, so Trellis erased what it held here.",
  "account.erased.more":
    "Your record is still on your other devices. To use Trellis here again, start again and sign in.",
  "account.erased.startAgain": "Start again",

  "account.password.title": "Change password",
  "account.password.intro":
    "Nothing is re-encrypted: the new password unlocks the same key. Your recovery key stays the same too.",
  "account.password.signOutOthers": "Also sign out my other devices",
  "account.password.submit": "Change password",
  "account.password.changing": "Changing…",
  "account.password.done": "Your password is changed.",

  "account.delete.title": "Delete your account",
  "account.delete.intro":
    "The server deletes your account and everything it keeps for it. If the record is yours, people you share it with lose it from the server too. What is on this device stays here.",
  "account.delete.confirm": "To confirm, type your username: {username}",
  "account.delete.mismatch": "That is not your username.",
  "account.delete.passwordHint":
    "Asked again so that someone holding this device, but not your password, can't delete your account.",
  "account.delete.submit": "Delete my account",
  "account.delete.done": "Your account is deleted. Your record is still on this device.",

  "sync.synced": "Synced",
  "sync.syncing": "Syncing…",
  "sync.pending":
    "{count, plural, one {# entry waiting to sync} other {# entries waiting to sync}}",
  "sync.offline": "Offline — saved on this device",
  "sync.offlinePending":
    "Offline — {count, plural, one {# entry} other {# entries}} saved on this device, to sync later",
  "sync.error": "Not syncing: {reason}",
  "sync.waiting": "Waiting for the owner to compare the safety code",
  "sync.verifyAgain": "New device: compare the safety code with the owner again",
  "sync.signedOut": "Signed out on this device — sign in again to sync",
  "sync.removed": "This record is no longer shared with you",
  "sync.held": "{count, plural, one {# entry} other {# entries}} could not be read",

  "sync.reason.offline": "The server can't be reached. Check the connection and try again.",
  "sync.reason.login-failed": "That username and password don't match. Please check both.",
  "sync.reason.username-taken": "This username is taken. Please choose another one.",
  "sync.reason.username-confusable":
    "This username looks just like one someone already uses: some of its letters come from another alphabet but look the same. Please choose another one.",
  "sync.reason.username-invalid":
    "A username has 3 to 64 letters or digits, and may also use . _ @ + - but no spaces.",
  "sync.reason.device-name-invalid": "A device name has at most 60 characters.",
  "sync.reason.rate-limited": "Too many tries in a short time. Please wait a few minutes.",
  "sync.reason.wrong-password": "That is not your current password. Please check it and try again.",
  "sync.reason.reauth-failed":
    "Your current password could not be checked just now. Please type it again and try once more.",
  "sync.reason.registration-not-started":
    "Making the account took too long, so it was not made. Please try again.",
  "sync.reason.vault-storage-full":
    "This record holds as much as this server keeps for one record. Everything is safe on this device; new entries wait here. Whoever runs the server can raise the limit.",
  "sync.reason.account-storage-full":
    "The records of this account hold as much as this server keeps for one account. Everything is safe on this device; new entries wait here.",
  "sync.reason.daily-entry-limit":
    "The server has taken as many entries today as it takes in a day. Everything is safe on this device and will sync later.",
  "sync.reason.stream-limit":
    "This device has many live connections open, so live updates pause for now. Entries still sync.",
  "sync.reason.invite-limit":
    "This record already has as many invite links waiting as the server allows. Withdraw one you no longer need, or wait until one is used.",
  "sync.reason.unauthenticated": "This device was signed out. Please sign in again.",
  "sync.reason.signed-out-elsewhere": "This device was signed out from another of your devices.",
  "sync.reason.forbidden": "This account may not do that.",
  "sync.reason.not-found": "The server no longer has this for your account.",
  "sync.reason.invite-invalid": "This invite link isn't valid. Please ask for a new one.",
  "sync.reason.invite-expired": "This invite link has expired. Please ask for a new one.",
  "sync.reason.invite-used": "This invite link has already been used. Please ask for a new one.",
  "sync.reason.invite-revoked":
    "The person who sent this invite link has withdrawn it, so it no longer works. If you were expecting to join, please ask them for a new one.",
  "sync.reason.storage-unavailable": "The server's storage is unavailable for now.",
  "sync.reason.internal": "The server had a problem. Nothing was lost; it will try again.",
  "sync.reason.bad-response": "The server's answer didn't make sense. It will try again.",
  "sync.reason.invalid-request": "The server refused the request.",
  "sync.reason.body-too-large": "That was too much to send at once.",
  "sync.reason.wrong-recovery-key":
    "This recovery key doesn't match the account. Check the username and each group of the key.",
  "sync.reason.recovery-key-length": "A recovery key has 56 letters and digits, in 14 groups of 4.",
  "sync.reason.recovery-key-character":
    "The key has a character recovery keys never use (they use 0–9 and A–Z without U).",
  "sync.reason.recovery-key-typo":
    "This recovery key has a typo somewhere. Check each group against the one you saved.",
  "sync.reason.identity-mismatch":
    "The server sent keys that don't match. Nothing was changed. Please tell whoever runs this server.",
  "sync.reason.device-has-record":
    "This device already holds a different record. To bring your account's record here, export this one if you want a copy, then erase this device in Settings and sign in again.",
  "sync.reason.already-in-vault":
    "This device already shares a record. Open the link on another device or browser.",
  "sync.reason.decrypt-failure": "Something could not be unlocked with the keys this device has.",
  "sync.reason.bad-signature": "A key arrived without the owner's signature, so it was refused.",
  "sync.reason.no-account": "Please sign in first.",
  "sync.reason.safety-code-changed":
    "The safety code with this person has changed: compare again. Nothing was sent.",
  "sync.reason.member-not-verified":
    "Someone in this record hasn't had their safety code compared. Nothing was sent. Compare it with them, or remove them.",
  "sync.reason.compare-first": "Please compare the safety code first.",
  "sync.reason.membership-log-broken":
    "The list of who shares this record didn't check out, so nothing was changed. Please tell whoever runs this server.",
  "sync.reason.log-conflict":
    "Another of your devices changed who shares this record. Please try again.",
  "sync.reason.no-vault": "There is no shared record on this device yet.",
  "sync.reason.unknown": "Something went wrong. Please try again in a moment.",
} as const;
