/** The app lock: the lock screen, quick exit's plain page, the Settings card and the set-up offer. */
export const lock = {
  "lock.passphrase": "Passphrase or PIN",
  "lock.unlock": "Unlock",
  "lock.unlocking": "Unlocking…",
  "lock.wrong": "That did not open it. Please try again.",
  "lock.wait": "You can try again in {seconds, plural, one {# second} other {# seconds}}.",
  "lock.triesLeft":
    "{count, plural, one {# more try} other {# more tries}} before this device erases what it holds.",
  "lock.device.unlock": "Unlock with this device",
  "lock.device.unsupported":
    "This browser cannot unlock Trellis with this device. Your passphrase stays the way in.",
  "lock.device.cancelled":
    "This device did not unlock Trellis this time. You can try again or use your passphrase.",
  "lock.erased.title": "This device no longer holds your record",
  "lock.erased.body":
    "After too many tries that did not open the lock, Trellis erased everything it kept on this device, as the lock was set to do.",
  "lock.erased.account":
    "If you have an account, signing in again brings your record back from the server. You can also start again from an export.",
  "lock.erased.again": "Start again",
  "lock.otherTab": "The app lock is changing in another tab. This tab will open again in a moment.",
  "lock.neutral.title": "Notes",
  "lock.neutral.page": "Blank page",
  "lock.quickExit": "Quick exit",
  "lock.title": "App lock",
  "lock.off.body":
    "Off. With the lock on, Trellis asks for a passphrase or PIN before it shows anything, and everything it keeps on this device is encrypted, so someone holding this phone or browser cannot read it.",
  "lock.on.body":
    "On. Trellis asks for your passphrase or PIN when it opens, and everything it keeps on this device is encrypted.",
  "lock.new": "Passphrase or PIN",
  "lock.new.hint":
    "At least 4 characters; a PIN of 4 or more digits is fine. If you forget it, Trellis cannot open this device's record: an account or an export brings it back.",
  "lock.new.short": "Please use at least {min} characters.",
  "lock.again": "The same again",
  "lock.again.mismatch": "The two are not the same. Please type them again.",
  "lock.after": "Lock after",
  "lock.after.hint": "How long Trellis can be out of sight before it locks.",
  "lock.after.choice":
    "{minutes, plural, =0 {As soon as I leave it} one {# minute away} other {# minutes away}}",
  "lock.erase": "Erase after wrong tries",
  "lock.erase.hint":
    "Erasing deletes everything Trellis keeps on this device. Your account on the server and any export you saved are not touched.",
  "lock.erase.never": "Never",
  "lock.erase.choice": "After {tries} wrong tries in a row",
  "lock.turnOn": "Turn on the lock",
  "lock.turningOn": "Locking your record…",
  "lock.now": "Lock now",
  "lock.device.add": "Add “Unlock with this device”",
  "lock.device.hint":
    "Uses this phone's own screen lock, fingerprint or face. Your passphrase still works.",
  "lock.device.on": "This device can unlock Trellis too. Your passphrase still works.",
  "lock.device.remove": "Stop unlocking with this device",
  "lock.device.notHere":
    "This browser cannot unlock Trellis with the device itself, so your passphrase is the way in.",
  "lock.change": "Change the passphrase",
  "lock.change.new": "New passphrase or PIN",
  "lock.change.save": "Save the new passphrase",
  "lock.change.done": "The new passphrase is saved.",
  "lock.off": "Turn off the lock",
  "lock.off.hint":
    "Your record stays on this device, no longer encrypted. Type your passphrase to turn the lock off.",
  "lock.off.save": "Turn off the lock",
  "lock.turningOff": "Turning off…",
  "lock.offer": "Lock Trellis on this device (optional)",
  "lock.offer.hint":
    "You can also do this later in Settings. With the lock on, Trellis asks for a passphrase or PIN before it shows anything.",
  "lock.offer.on":
    "The lock is on: Trellis will ask for your passphrase or PIN each time it opens. You can change this in Settings.",
} as const;
