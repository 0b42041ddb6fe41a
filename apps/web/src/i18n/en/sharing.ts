/** Words for sharing a record: invites, the safety code, the people in a record. */
export const sharing = {
  "sharing.share": "Share with your partner",
  "sharing.members": "People sharing this record",
  "sharing.leave": "Stop sharing this record",

  "sharing.invite.title": "Share with your partner",
  "sharing.invite.intro":
    "Your partner makes their own account and then sees this record as you do, with entries from either of you appearing on both phones within seconds. You can stop sharing at any time.",
  "sharing.role": "What they can do",
  "sharing.role.partner": "See and add entries",
  "sharing.role.partner.hint": "For someone sharing the load: mixing, injecting, reminding.",
  "sharing.role.viewer": "See only",
  "sharing.role.viewer.hint": "They see everything, but can't add or change entries.",
  "sharing.invite.create": "Create an invite link",
  "sharing.invite.creating": "Creating…",
  "sharing.invite.link": "Invite link",
  "sharing.invite.linkHint":
    "Send this link to your partner only, as you would hand over a key. It works once, until {date}.",
  "sharing.invite.copy": "Copy link",
  "sharing.invite.copied": "Link copied.",
  "sharing.invite.next":
    "When they have opened it, you will both see a safety code. Compare it with them before you share.",
  "sharing.invite.toMembers": "Compare the safety code",

  "sharing.accept.title": "Join a shared record",
  "sharing.accept.intro":
    "Someone invited you to share their Trellis record. You will see what they keep, and what you add, they will see.",
  "sharing.accept.account":
    "To join, you need an account on this server. Create one here, or sign in if you have one.",
  "sharing.accept.signedInAs": "You are signed in as {username}.",
  "sharing.accept.join": "Join this record",
  "sharing.accept.joining": "Joining…",
  "sharing.accept.bad": "This link is incomplete. Copy the whole link again, or ask for a new one.",

  "sharing.code.title": "Compare the safety code",
  "sharing.code.body":
    "Check that you both see exactly the same digits, side by side or read aloud. If they match, nobody has come between you.",
  "sharing.code.label": "Safety code",
  "sharing.code.computing": "Working out the code…",
  "sharing.code.waiting":
    "When the codes match, the owner confirms on their screen. This page moves on by itself.",
  "sharing.code.match": "The codes match — share",
  "sharing.code.changed": "The safety code with your {who} has changed: compare again.",
  "sharing.code.verifyAgain":
    "This is a new device. Before it receives anything, compare the safety code with the owner again.",
  "sharing.code.matchOwner": "The codes match",
  "sharing.code.noMatch": "They don't match",
  "sharing.code.again":
    "They joined before this app kept safety codes on record. Compare the code with them once more, so that your record keeps going to them and what they add shows here.",
  "sharing.code.matchAgain": "The codes match",
  "sharing.code.noMatch.body":
    "Don't share. Someone may have come between you. Remove this invite and create a new one.",

  "sharing.joined.title": "You're in",
  "sharing.joined.body": "The record is on this device now, and stays in step.",
  "sharing.toToday": "Go to Today",

  "sharing.members.title": "People sharing this record",
  "sharing.members.intro":
    "Everyone here sees this record. Only you, the owner, can add or remove people.",
  "sharing.members.introMember": "Everyone here sees this record.",
  "sharing.member.you": "You",
  "sharing.member.owner": "Owner",
  "sharing.member.partner": "Partner",
  "sharing.member.viewer": "Can see only",
  "sharing.member.joined": "Joined {date}",
  "sharing.member.pending": "Waiting for you to compare the safety code",
  "sharing.member.pendingOther": "Waiting for the owner",
  "sharing.member.compareAgain": "Compare the safety code again",
  "sharing.member.showCode": "Compare the safety code",
  "sharing.member.remove": "Remove",
  "sharing.member.removeLabel": "Remove the {role} who joined {date}",
  "sharing.none": "Nobody else shares this record yet.",
  "sharing.confirmed": "Shared. They will see the record in a moment.",
  "sharing.remove.title": "Stop sharing with them?",
  "sharing.remove.body":
    "They will see nothing new from now on. Your record moves to a new key they never get. What is already on their devices stays there.",
  "sharing.remove.confirm": "Stop sharing",
  "sharing.removed": "Sharing stopped. New entries use a new key.",
  "sharing.leave.title": "Stop sharing this record?",
  "sharing.leave.body":
    "You will see nothing new from it. What is already on this device stays here, to read.",
  "sharing.leave.confirm": "Stop sharing",
  "sharing.left": "You no longer share this record.",

  "sharing.invites.title": "Invite links",
  "sharing.invites.intro":
    "Links you have made. If one went to the wrong person, or you changed your mind, revoke it: it stops working at once.",
  "sharing.invites.for.partner": "For a partner, who sees and adds entries",
  "sharing.invites.for.viewer": "For someone who only sees",
  "sharing.invites.made": "Made {date}",
  "sharing.invites.pending": "Works until {date}",
  "sharing.invites.used": "Used: the person who joined with it is listed above",
  "sharing.invites.expired": "Expired {date}",
  "sharing.invites.revoked": "Revoked: the link no longer works",
  "sharing.invites.revoke": "Revoke",
  "sharing.invites.revokeLabel": "Revoke the invite link made {date}",
  "sharing.invites.revoke.title": "Revoke this invite link?",
  "sharing.invites.revoke.body":
    "The link stops working at once. Nobody has joined with it, so nothing has been shared. You can make a new link whenever you like.",
  "sharing.invites.revoke.confirm": "Revoke the link",
  "sharing.invites.revoked.done": "Invite link revoked. It no longer works.",
  "sharing.invites.alreadyUsed":
    "Someone joined with this link just now. They are listed above; you can remove them there if they shouldn't be here.",

  "sharing.costs.title": "Costs",
  "sharing.costs.switch": "Show costs to people who can see only",
  "sharing.costs.hint":
    "Your partner always sees costs. With this on, people who can see only see them too, earlier ones included. Turned off again, costs you add afterwards are kept from them; the ones they have already seen stay on their phones.",
  "sharing.costs.shown": "People who can see only now see costs.",
  "sharing.costs.hidden": "Costs you add from now on are kept from people who can see only.",
  "sharing.costs.notShared":
    "Costs are not shared with you. The person whose record this is chooses whether people who can see only see them.",
  "sharing.costs.sharedWithYou": "Costs are shared with you.",
  "sharing.costs.checking": "Checking whether costs are shared with you…",
} as const;
