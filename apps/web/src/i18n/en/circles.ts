/**
 * Words for circles: groups of family and friends who hear news only when
 * the person writes it and sends it, and the reader's own pages. Readers may
 * know very little of fertility treatment: plain words, no jargon.
 */
export const circles = {
  "circles.title": "Circle",
  "circles.intro":
    "Groups such as Parents or Work hear news only when you write it and send it. Nothing from your record is ever shared by itself.",
  "circles.needAccount.title": "Circles need an account",
  "circles.needAccount.body":
    "A circle lives on a server, so the people in it can read what you send. Your record stays private: nobody in a circle can see it, and nothing reaches them unless you write it.",
  "circles.needAccount.create": "Create an account",
  "circles.needAccount.signIn": "Sign in",
  "circles.loading": "Opening your circles…",
  "circles.empty":
    "You have no circles yet. Make one for the people you want to tell things to, in your own time.",
  "circles.yours": "Your circles",
  "circles.reading": "Circles you read",
  "circles.noStatus": "No status set",
  "circles.waitingCount":
    "{count, plural, one {# person waiting to be let in} other {# people waiting to be let in}}",
  "circles.unseen": "{count} new",
  "circles.waitingToJoin": "Waiting to be let in",
  "circles.write": "Write a post",
  "circles.couldNotLoad": "Your circles could not be loaded: {reason}",

  "circles.new.title": "Make a circle",
  "circles.new.name": "Name of the circle",
  "circles.new.hint": "Only you and people you let in see this name.",
  "circles.new.suggestions": "Suggestions",
  "circles.new.suggest.parents": "Parents",
  "circles.new.suggest.friends": "Close friends",
  "circles.new.suggest.work": "Work",
  "circles.new.create": "Make this circle",
  "circles.new.creating": "Making…",
  "circles.new.nameNeeded": "Please give the circle a name.",
  "circles.new.nameLong": "A circle's name has at most 60 characters.",

  "circle.back": "All circles",
  "circle.notFound": "This circle isn't here. It may have been deleted.",
  "circle.status.title": "What they see first",
  "circle.status.hint":
    "A line people in this circle see before anything else. One tap to set, one tap to clear.",
  "circle.status.none": "No status. People in this circle see your posts only.",
  "circle.status.current": "Now showing",
  "circle.status.template.in-treatment":
    "In treatment. Please don't ask; we'll share news when we're ready.",
  "circle.status.template.taking-a-break": "We're taking a break.",
  "circle.status.template.distraction": "We'd love a distraction: ask us about anything else.",
  "circle.status.own": "In your own words",
  "circle.status.setOwn": "Show my words",
  "circle.status.clear": "Clear the status",
  "circle.status.set": "Status set.",
  "circle.status.cleared": "Status cleared.",
  "circle.status.empty": "Write a few words first.",
  "circle.status.setAt": "Set {when}",

  "circle.help.title": "How they can help",
  "circle.help.hint":
    "A short note people in this circle can read: what helps, what doesn't, what you'd rather they didn't ask.",
  "circle.help.label": "Your note",
  "circle.help.save": "Save the note",
  "circle.help.saved": "Note saved.",

  "circle.posts.title": "Posts",
  "circle.posts.empty": "Nothing sent to this circle yet.",
  "circle.posts.emptyReader": "Nothing has been shared here yet.",
  "circle.post.edited": "changed {when}",
  "circle.post.photo": "A photo",
  "circle.post.photoLoading": "Opening the photo…",
  "circle.post.photoFailed": "This photo could not be opened.",
  "circle.post.change": "Change",
  "circle.post.changeSpoken": "Change the post of {when}",
  "circle.post.changeSave": "Save the change",
  "circle.post.changed": "Post changed.",
  "circle.post.text": "Text",
  "circle.post.takeBack": "Take back",
  "circle.post.takeBackSpoken": "Take back the post of {when}",
  "circle.post.takeBack.title": "Take this post back?",
  "circle.post.takeBack.body":
    "People in this circle will no longer see it, and its photo is deleted from the server.",
  "circle.post.takenBack": "Post taken back.",
  "circle.post.repliesOn": "Replies on",
  "circle.post.reactionsOn": "Reactions on",
  "circle.post.closed": "Replies and reactions off",
  "circle.post.remembrance": "In memory",

  "circle.reply.label": "Reply",
  "circle.reply.send": "Send reply",
  "circle.reply.sent": "Reply sent.",
  "circle.reply.empty": "Write a few words first.",
  "circle.reply.you": "You",
  "circle.reply.someone": "Someone in the circle",
  "circle.replies": "Replies",
  "circle.react.label": "Send a reaction",
  "circle.react.heart": "Love",
  "circle.react.hug": "A hug",
  "circle.react.thinking-of-you": "Thinking of you",
  "circle.react.count": "{reaction}: {count}",

  "circle.members.title": "People in this circle",
  "circle.members.empty": "Nobody yet. Make an invite link below and send it to them.",
  "circle.members.unnamed": "Someone you let in",
  "circle.members.joined": "Joined {when}",
  "circle.members.waitingTitle": "Waiting to be let in",
  "circle.members.waiting":
    "Someone opened your invite link on {when}. Give them a name you will recognise, then let them in.",
  "circle.members.label": "Their name (only you see it)",
  "circle.members.labelNeeded": "Please give them a name, so you know who is in this circle.",
  "circle.members.letIn": "Let them in",
  "circle.members.letInSpoken": "Let in the person who joined on {when}",
  "circle.members.letInDone": "{name} can now read this circle.",
  "circle.members.compare": "Compare a safety code (optional)",
  "circle.members.compareBody":
    "If you want to be sure the link reached the right person, check they see the same digits on their screen.",
  "circle.members.remove": "Remove",
  "circle.members.removeSpoken": "Remove {name}",
  "circle.members.remove.title": "Remove {name}?",
  "circle.members.remove.body":
    "They will see nothing new from this circle. What they have already seen stays with them.",
  "circle.members.removed": "{name} was removed.",
  "circle.members.role.partner": "Shares this circle with you",
  "circle.members.role.viewer": "Reads",
  "circle.members.role.owner": "Owner",

  "circle.invite.title": "Invite someone",
  "circle.invite.intro":
    "A link for one person. They can read this circle only, nothing of your record.",
  "circle.invite.create": "Make an invite link",
  "circle.invite.creating": "Making…",
  "circle.invite.link": "Invite link",
  "circle.invite.expiry": "It works once, until {date}. Send it to one person only.",
  "circle.invite.copy": "Copy link",
  "circle.invite.copied": "Link copied.",
  "circle.invite.share": "Share…",
  "circle.invite.shareText": "An invitation to read news in a Trellis circle",
  "circle.invite.next": "When they have opened it, they appear above, waiting. You let them in.",

  "circle.delete": "Delete this circle",
  "circle.delete.title": "Delete this circle?",
  "circle.delete.body":
    "Everything in it, posts and photos included, is deleted for everyone, and nobody in it can read it any more.",
  "circle.deleted": "Circle deleted.",
  "circle.leave": "Leave this circle",
  "circle.leave.title": "Leave this circle?",
  "circle.leave.body":
    "You will no longer read it. To come back, you would need a new invite link.",
  "circle.left": "You left the circle.",

  "compose.title": "Write a post",
  "compose.intro":
    "Only what you write here is sent, and only to the circles you tick. Nothing from your record is added.",
  "compose.drafts":
    "Drafts stay on this device until you send them; photos are not kept in drafts.",
  "compose.to": "Send to",
  "compose.noCircles": "Make a circle first, then write to it.",
  "compose.toNeeded": "Choose at least one circle.",
  "compose.text": "What would you like to say?",
  "compose.textNeeded": "Write something or add a photo.",
  "compose.photo": "Add a photo",
  "compose.photoHint":
    "Made smaller on this device, with the place and camera details taken out, before it is sent.",
  "compose.photoPreparing": "Preparing the photo…",
  "compose.photoPreview": "The photo as it will be sent ({width} × {height} pixels)",
  "compose.photoRemove": "Remove the photo",
  "compose.photo.not-a-photo": "This file isn't a photo this device can read.",
  "compose.photo.photo-too-large": "This file is too large for a photo (at most 40 MB).",
  "compose.alt": "Describe the photo (optional)",
  "compose.altHint": "Read aloud to people who can't see it.",
  "compose.replies": "Allow replies",
  "compose.reactions": "Allow reactions",
  "compose.allowHint":
    "Off unless you switch them on, for this post only. Nobody sees who read it.",
  "compose.send": "Send",
  "compose.sending": "Sending…",
  "compose.sent": "{count, plural, one {Sent to 1 circle.} other {Sent to # circles.}}",
  "compose.keepDraft": "Keep as draft",
  "compose.draftKept": "Draft kept on this device.",
  "compose.draftList": "Drafts on this device",
  "compose.draftOpen": "Open",
  "compose.draftOpenSpoken": "Open the draft saved {when}",
  "compose.draftDiscard": "Discard",
  "compose.draftDiscardSpoken": "Discard the draft saved {when}",
  "compose.draftEmpty": "(no text)",
  "compose.remembrance.in": "In memory of {name}.",
  "compose.remembrance.on": "{date}.",
  "compose.remembrance.place": "We remember at {place}.",

  "lossOffer.title": "If you want to tell people",
  "lossOffer.body":
    "Only if and when you want. You can send these words to the circles you choose, change them first, or send nothing at all.",
  "lossOffer.template":
    "We lost our baby. We don't want to talk about it yet, but we wanted you to know.",
  "lossOffer.text": "Your words",
  "lossOffer.send": "Send",
  "lossOffer.dismiss": "Not now, and don't ask again",
  "lossOffer.sent": "Sent. Nothing more will be asked.",

  "join.title": "You've been invited",
  "join.intro":
    "You've been invited to read news in a Trellis circle. You will see only what is sent to this circle, nothing else.",
  "join.bad": "This link is incomplete. Copy the whole link again, or ask for a new one.",
  "join.how": "How would you like to read?",
  "join.device": "Read on this device only",
  "join.device.hint":
    "Nothing to remember. If you clear this browser or lose the device, ask for a new link.",
  "join.account": "Make a reader account",
  "join.account.hint": "A username and password, so you can read on your other devices too.",
  "join.signedIn": "You will join with the account on this device.",
  "join.join": "Join",
  "join.joining": "Joining…",
  "join.username": "Username",
  "join.password": "Password",
  "join.passwordHint": "At least 10 characters.",
  "join.usernameNeeded": "Please choose a username.",
  "join.passwordShort": "Please use at least 10 characters.",
  "join.deviceName": "Reader",
  "join.waiting.title": "Waiting to be let in",
  "join.waiting.body":
    "The person who invited you will let you in. This page moves on by itself; you can close it and come back.",
  "join.compare": "Compare a safety code (optional)",
  "join.compareBody":
    "If they ask, check that you both see the same digits. It shows the link reached you and nobody else.",
  "join.private": "Nobody sees when you read, or how often.",

  "reader.title": "Your circles",
  "reader.intro": "News from people who chose to share it with you, when they are ready.",
  "reader.none":
    "You aren't reading any circle yet. When someone sends you an invite link, open it on this device.",
  "reader.ownRecord": "Keep a record of my own on this device",
  "reader.stop.title": "This phone",
  "reader.stop.body":
    "If you no longer want to read circles here (a phone passed on, or one you may lose), you can stop. You can always be invited again.",
  "reader.stop.start": "Stop reading on this phone",
  "reader.stop.confirmBody":
    "This leaves every circle you read, signs this phone out and erases what it kept. To read again, you would need a new invite link.",
  "reader.stop.confirm": "Stop reading and erase",
  "reader.stop.busy": "Stopping…",
  "reader.status": "Their status",
  "reader.help": "How you can help",

  "family.title": "Support for family and friends",
  "family.intro":
    "Supporting someone through fertility treatment or a loss can be hard too. These organisations support people affected by pregnancy loss or low mood, and many of them talk with family and friends as well.",
  "family.country": "Where you are",
  "family.none":
    "Trellis doesn't know organisations for this country yet. A doctor or local health service can point you to one.",
  "family.emergency": "If someone's life is in danger, call your local emergency number.",

  // Why a circle call did not work (reasons from the client), in words.
  "sync.reason.circle-waiting": "You haven't been let in yet. This page moves on by itself.",
  "sync.reason.other-server":
    "This link is for another Trellis server than the account on this device.",
  "sync.reason.not-a-circle": "This link is for sharing a record, not a circle.",
  "sync.reason.owner-key-changed":
    "The keys of the person who invited you have changed. Please ask them for a new link.",
  "sync.reason.stale-epoch": "The circle changed a moment ago. Please try again.",
  "sync.reason.unknown-epoch": "The circle changed a moment ago. Please try again.",
  "sync.reason.damaged": "Something on this device could not be read. Please ask for a new link.",
  "sync.reason.replies-off": "This post doesn't take replies or reactions now.",
  "sync.reason.invalid-input": "Something in what was entered isn't right. Please check it.",
  "join.hasRecord":
    "This device keeps a Trellis record without an account. To read a circle here, create an account in Settings first, or open the link on another device.",
} as const;
