import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CircleEntry,
  type CircleEntryInput,
  circleEntry,
  circleReactions,
  parseCircleEntry,
} from "./entries.ts";
import { type CircleEntryIn, type CircleMemberPin, foldCircle, reactionCounts } from "./fold.ts";

const MAYA = "0190a1b2-0000-7000-8000-000000000001";
const PARTNER = "0190a1b2-0000-7000-8000-000000000002";
const MOTHER = "0190a1b2-0000-7000-8000-000000000003";
const AUNT = "0190a1b2-0000-7000-8000-000000000004";
const STRANGER = "0190a1b2-0000-7000-8000-000000000005";
const POST = "0190a1b2-0000-7000-8000-0000000000a1";
const POST2 = "0190a1b2-0000-7000-8000-0000000000a2";
const AT = "2026-12-07T18:00:00.000Z";

const members = new Map<string, CircleMemberPin>([
  [MAYA, { role: "owner" }],
  [PARTNER, { role: "partner" }],
  [MOTHER, { role: "viewer" }],
  [AUNT, { role: "viewer" }],
]);

let nextSeq = 0;
function at(author: string, input: CircleEntryInput | Omit<CircleEntryInput, "at">): CircleEntryIn {
  nextSeq += 1;
  const entry = parseCircleEntry(circleEntry({ at: AT, ...input } as CircleEntryInput));
  if (!entry) throw new Error(`not an entry: ${JSON.stringify(input)}`);
  return { seq: nextSeq, author, entry };
}
const post = (extra: Partial<{ replies: boolean; reactions: boolean; postId: string }> = {}) =>
  ({
    kind: "post",
    postId: extra.postId ?? POST,
    text: "We had a scan today. All is as it should be.",
    replies: extra.replies ?? false,
    reactions: extra.reactions ?? false,
  }) as const;
const reply = (text: string, replyId: string) =>
  ({ kind: "reply", postId: POST, replyId, text }) as const;

describe("foldCircle", () => {
  it("takes the name, status and help note from the owner, the latest of each", () => {
    const s = foldCircle(
      [
        at(MAYA, { kind: "name", name: "Parents" }),
        at(MAYA, {
          kind: "status",
          template: "in-treatment",
          text: "In treatment. Please don't ask.",
        }),
        at(MAYA, { kind: "name", name: "Our parents" }),
        at(MAYA, { kind: "help-note", text: "Ask us about anything else." }),
      ],
      members,
    );
    expect(s.name).toBe("Our parents");
    expect(s.status?.template).toBe("in-treatment");
    expect(s.helpNote?.text).toBe("Ask us about anything else.");
  });

  it("ignores a member's name, status, post or label: members write only replies and reactions", () => {
    const s = foldCircle(
      [
        at(MAYA, { kind: "name", name: "Parents" }),
        at(MOTHER, { kind: "name", name: "Mother's circle" }),
        at(MOTHER, { kind: "status", template: "own", text: "Any news?" }),
        at(MOTHER, post()),
        at(MOTHER, { kind: "label", accountId: AUNT, labelId: POST2, sealed: "c2VhbGVk" }),
        at(MOTHER, { kind: "label-key", grant: "Z3JhbnQ" }),
      ],
      members,
    );
    expect(s.name).toBe("Parents");
    expect(s.status).toBeNull();
    expect(s.posts).toEqual([]);
    expect(s.labels.size).toBe(0);
    expect(s.labelKeys).toEqual([]);
  });

  it("takes a partner's posts like the owner's", () => {
    const s = foldCircle([at(PARTNER, post())], members);
    expect(s.posts.map((p) => p.author)).toEqual([PARTNER]);
  });

  it("takes nothing from someone the log does not pin", () => {
    const s = foldCircle([at(STRANGER, { kind: "name", name: "Hijacked" })], members);
    expect(s.name).toBeNull();
  });

  it("takes a member's reply only while the post allows replies", () => {
    const s = foldCircle(
      [
        at(MAYA, post({ replies: false })),
        at(MOTHER, reply("Thinking of you both.", "0190a1b2-0000-7000-8000-0000000000b1")),
        at(MAYA, { kind: "edit", postId: POST, replies: true }),
        at(MOTHER, reply("Love you.", "0190a1b2-0000-7000-8000-0000000000b2")),
        at(MAYA, { kind: "edit", postId: POST, replies: false }),
        at(AUNT, reply("Too late.", "0190a1b2-0000-7000-8000-0000000000b3")),
      ],
      members,
    );
    expect(s.posts[0]?.replyList.map((r) => r.text)).toEqual(["Love you."]);
  });

  it("keeps one reaction per member per post, the latest, and null takes it back", () => {
    const s = foldCircle(
      [
        at(MAYA, post({ reactions: true })),
        at(MOTHER, { kind: "reaction", postId: POST, reaction: "heart" }),
        at(MOTHER, { kind: "reaction", postId: POST, reaction: "hug" }),
        at(AUNT, { kind: "reaction", postId: POST, reaction: "hug" }),
        at(AUNT, { kind: "reaction", postId: POST, reaction: null }),
      ],
      members,
    );
    expect(reactionCounts(s.posts[0]!)).toEqual({ hug: 1 });
  });

  it("ignores a reaction where the post does not allow them", () => {
    const s = foldCircle(
      [at(MAYA, post()), at(MOTHER, { kind: "reaction", postId: POST, reaction: "heart" })],
      members,
    );
    expect(s.posts[0]?.reactionsBy.size).toBe(0);
  });

  it("drops a taken-back post with its replies, and never lets the same id back", () => {
    const s = foldCircle(
      [
        at(MAYA, post({ replies: true })),
        at(MOTHER, reply("So glad.", "0190a1b2-0000-7000-8000-0000000000b1")),
        at(MAYA, { kind: "take-back", postId: POST }),
        at(MAYA, post()),
        at(MAYA, { kind: "edit", postId: POST, text: "Back again?" }),
      ],
      members,
    );
    expect(s.posts).toEqual([]);
    expect(s.takenBack.has(POST)).toBe(true);
  });

  it("applies a removed member's entries up to the removal and none after", () => {
    nextSeq = 100;
    const entries = [
      at(MAYA, post({ replies: true })),
      at(MOTHER, reply("Before.", "0190a1b2-0000-7000-8000-0000000000b1")),
      at(MOTHER, reply("After.", "0190a1b2-0000-7000-8000-0000000000b2")),
    ];
    const removed = new Map(members).set(MOTHER, { role: "viewer", removedUpToSeq: 102 });
    expect(foldCircle(entries, removed).posts[0]?.replyList.map((r) => r.text)).toEqual([
      "Before.",
    ]);
  });

  it("edits keep the first post time and say when they were made", () => {
    const first = at(MAYA, post());
    const edit = {
      ...at(MAYA, { kind: "edit", postId: POST, text: "Changed." }),
    };
    const later: CircleEntry = { ...edit.entry, at: "2026-12-08T09:00:00.000Z" };
    const s = foldCircle([first, { ...edit, entry: later }], members);
    expect(s.posts[0]).toMatchObject({
      text: "Changed.",
      postedAt: AT,
      editedAt: "2026-12-08T09:00:00.000Z",
    });
  });
});

describe("parseCircleEntry", () => {
  it("refuses an unknown kind, a missing format, extra fields and control characters", () => {
    const good = circleEntry({ at: AT, kind: "name", name: "Work" });
    expect(parseCircleEntry(good)).not.toBeNull();
    expect(parseCircleEntry({ ...good, kind: "delete-everything" })).toBeNull();
    expect(parseCircleEntry({ ...good, format: undefined })).toBeNull();
    expect(parseCircleEntry({ ...good, extra: 1 })).toBeNull();
    expect(parseCircleEntry({ ...good, name: "Wo\u0007rk" })).toBeNull();
    expect(parseCircleEntry(null)).toBeNull();
  });
});

// --- Properties -------------------------------------------------------------

const people = [MAYA, PARTNER, MOTHER, AUNT, STRANGER];
const postIds = [POST, POST2];
const arbEntry: fc.Arbitrary<CircleEntryInput> = fc.oneof(
  fc.constantFrom("Parents", "Work").map((name) => ({ kind: "name" as const, name, at: AT })),
  fc.record({
    kind: fc.constant("post" as const),
    postId: fc.constantFrom(...postIds),
    text: fc.constant("news"),
    replies: fc.boolean(),
    reactions: fc.boolean(),
    at: fc.constant(AT),
  }),
  fc.record({
    kind: fc.constant("edit" as const),
    postId: fc.constantFrom(...postIds),
    replies: fc.boolean(),
    reactions: fc.boolean(),
    at: fc.constant(AT),
  }),
  fc.record({
    kind: fc.constant("take-back" as const),
    postId: fc.constantFrom(...postIds),
    at: fc.constant(AT),
  }),
  fc.record({
    kind: fc.constant("reply" as const),
    postId: fc.constantFrom(...postIds),
    replyId: fc.uuid(),
    text: fc.constant("a reply"),
    at: fc.constant(AT),
  }),
  fc.record({
    kind: fc.constant("reaction" as const),
    postId: fc.constantFrom(...postIds),
    reaction: fc.constantFrom(...circleReactions, null),
    at: fc.constant(AT),
  }),
);
const arbLog = fc
  .array(fc.tuple(fc.constantFrom(...people), arbEntry), { maxLength: 40 })
  .map((items) =>
    items.map(([author, input], i) => ({
      seq: i + 1,
      author,
      entry: parseCircleEntry(circleEntry(input))!,
    })),
  );
const arbMembers = fc
  .record({ mother: fc.option(fc.nat(45), { nil: undefined }) })
  .map(({ mother }) =>
    new Map(members).set(MOTHER, {
      role: "viewer" as const,
      ...(mother !== undefined && { removedUpToSeq: mother }),
    }),
  );

/** What the circle shows, without how far the fold read. */
const content = (s: ReturnType<typeof foldCircle>) => ({ ...s, upToSeq: 0 });

describe("foldCircle properties", () => {
  it("a member's entries other than replies and reactions never change anything", () => {
    fc.assert(
      fc.property(arbLog, arbMembers, (log, pins) => {
        const withoutThem = log.filter(
          (e) =>
            pins.get(e.author)?.role !== "viewer" || ["reply", "reaction"].includes(e.entry.kind),
        );
        expect(content(foldCircle(log, pins))).toEqual(content(foldCircle(withoutThem, pins)));
      }),
    );
  });

  it("nothing from an unpinned author, or a removed one after the removal, matters", () => {
    fc.assert(
      fc.property(arbLog, arbMembers, (log, pins) => {
        const cut = pins.get(MOTHER)?.removedUpToSeq ?? Number.POSITIVE_INFINITY;
        const kept = log.filter(
          (e) => e.author !== STRANGER && !(e.author === MOTHER && e.seq > cut),
        );
        expect(content(foldCircle(log, pins))).toEqual(content(foldCircle(kept, pins)));
      }),
    );
  });

  it("taken-back posts never show; each member has at most one reaction per post", () => {
    fc.assert(
      fc.property(arbLog, arbMembers, (log, pins) => {
        const s = foldCircle(log, pins);
        for (const p of s.posts) {
          expect(s.takenBack.has(p.postId)).toBe(false);
          const total = Object.values(reactionCounts(p)).reduce((n, c) => n + c, 0);
          expect(total).toBe(p.reactionsBy.size);
          expect(total).toBeLessThanOrEqual(people.length);
        }
      }),
    );
  });

  it("a member's reply shows only if the post allowed replies when it arrived", () => {
    fc.assert(
      fc.property(arbLog, arbMembers, (log, pins) => {
        const s = foldCircle(log, pins);
        for (const p of s.posts) {
          for (const r of p.replyList) {
            if (pins.get(r.author)?.role !== "viewer") continue;
            // Replay the post's switch up to the reply's seq.
            let open = false;
            for (const e of log) {
              if (e.seq >= r.seq) break;
              if (pins.get(e.author)?.role === "viewer" || e.author === STRANGER) continue;
              if (e.entry.kind === "post" && e.entry.postId === p.postId && e.seq === p.seq) {
                open = e.entry.replies;
              }
              if (e.entry.kind === "edit" && e.entry.postId === p.postId && e.seq > p.seq) {
                open = e.entry.replies ?? open;
              }
            }
            expect(open).toBe(true);
          }
        }
      }),
    );
  });

  it("is the same however the entries are ordered on arrival at the device", () => {
    fc.assert(
      fc.property(
        arbLog.chain((log) =>
          fc.tuple(fc.constant(log), fc.shuffledSubarray(log, { minLength: log.length })),
        ),
        arbMembers,
        ([log, shuffled], pins) => {
          expect(foldCircle(shuffled, pins)).toEqual(foldCircle(log, pins));
        },
      ),
    );
  });
});
