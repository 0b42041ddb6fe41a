/**
 * An in-memory `Circles` for the screens' component tests: what the client
 * keeps (circles, members, posts, drafts) as plain values, every call
 * answered at once, and a log of what was sent so a test can check that
 * nothing went out that the person did not send.
 */
import type { SafetyCode } from "@trellis/crypto";
import type { Result } from "@trellis/domain";
import type {
  CircleDraft,
  CircleMember,
  CirclePost,
  CircleStatus,
  CircleSummary,
  Circles,
  PostInput,
} from "./circles-api.ts";

interface FakeCircle {
  circleId: string;
  name: string;
  role: "owner" | "partner" | "viewer";
  state: "active" | "waiting";
  status?: CircleStatus;
  helpNote?: { text: string; setAt: string };
  posts: CirclePost[];
  members: CircleMember[];
  unseen: number;
}

type Failure = { reason: string };
const ok = <T>(value: T): Result<T, Failure> => ({ ok: true, value });
const fail = (reason: string): Result<never, Failure> => ({ ok: false, error: { reason } });

export interface FakeCircles extends Circles {
  /** Every post sent, as given. */
  readonly sent: PostInput[];
  /** Adds a circle as it would arrive (a reader's, or one with someone waiting). */
  add(circle: Partial<FakeCircle> & { name: string }): string;
  /** Someone opened the invite link: a member waiting to be let in. */
  someoneWaits(circleId: string, accountId: string): void;
  circle(circleId: string): FakeCircle;
}

export function fakeCircles(now: () => string = () => new Date().toISOString()): FakeCircles {
  const circles = new Map<string, FakeCircle>();
  const drafts = new Map<string, CircleDraft>();
  const listeners = new Set<() => void>();
  const sent: PostInput[] = [];
  let next = 1;
  const id = (prefix: string) => `${prefix}-${next++}`;
  const changed = () => {
    for (const l of listeners) l();
  };
  const me: CircleMember = {
    accountId: "me",
    role: "owner",
    status: "active",
    joinedAt: now(),
    isMe: true,
  };
  function get(circleId: string): FakeCircle | undefined {
    return circles.get(circleId);
  }
  async function change(circleId: string, apply: (c: FakeCircle) => void) {
    const c = get(circleId);
    if (!c) return fail("not-found");
    apply(c);
    changed();
    return ok(undefined);
  }

  const api: FakeCircles = {
    sent,
    add(partial) {
      const circleId = partial.circleId ?? id("circle");
      circles.set(circleId, {
        circleId,
        role: "owner",
        state: "active",
        posts: [],
        members: [me],
        unseen: 0,
        ...partial,
      });
      changed();
      return circleId;
    },
    someoneWaits(circleId, accountId) {
      get(circleId)!.members.push({
        accountId,
        role: "viewer",
        status: "pending",
        joinedAt: now(),
        isMe: false,
      });
      changed();
    },
    circle: (circleId) => get(circleId)!,
    async list() {
      return ok(
        [...circles.values()]
          .map(
            (c): CircleSummary => ({
              circleId: c.circleId,
              name: c.name,
              role: c.role,
              state: c.state,
              ...(c.status && { status: c.status }),
              waiting: c.members.filter((m) => m.status === "pending").length,
              unseen: c.unseen,
            }),
          )
          .sort((a, b) => a.name.localeCompare(b.name)),
      );
    },
    async create(name) {
      return ok({ circleId: api.add({ name }) });
    },
    rename: (circleId, name) =>
      change(circleId, (c) => {
        c.name = name;
      }),
    async deleteCircle(circleId) {
      if (!circles.delete(circleId)) return fail("not-found");
      changed();
      return ok(undefined);
    },
    async invite(circleId, origin) {
      if (!get(circleId)) return fail("not-found");
      return ok({
        link: `${origin}/circle#v=${circleId}&i=invite&t=token&o=key`,
        expiresAt: new Date(Date.parse(now()) + 7 * 86_400_000).toISOString(),
      });
    },
    async members(circleId) {
      const c = get(circleId);
      return c ? ok([...c.members]) : fail("not-found");
    },
    async safetyCode(circleId) {
      if (!get(circleId)) return fail("not-found");
      return ok("12345 67890 12345 67890 12345 67890" as SafetyCode);
    },
    letIn: (circleId, accountId, label) =>
      change(circleId, (c) => {
        c.members = c.members.map((m) =>
          m.accountId === accountId ? { ...m, status: "active", label } : m,
        );
      }),
    relabel: (circleId, accountId, label) =>
      change(circleId, (c) => {
        c.members = c.members.map((m) => (m.accountId === accountId ? { ...m, label } : m));
      }),
    removeMember: (circleId, accountId) =>
      change(circleId, (c) => {
        c.members = c.members.filter((m) => m.accountId !== accountId);
      }),
    async open(circleId) {
      const c = get(circleId);
      if (!c) return fail("not-found");
      if (c.state === "waiting") return fail("circle-waiting");
      c.unseen = 0;
      return ok({
        circleId,
        name: c.name,
        role: c.role,
        ...(c.status && { status: c.status }),
        ...(c.helpNote && { helpNote: c.helpNote }),
        posts: [...c.posts],
      });
    },
    setStatus: (circleId, status) =>
      change(circleId, (c) => {
        c.status = { ...status, setAt: now() };
      }),
    clearStatus: (circleId) =>
      change(circleId, (c) => {
        delete c.status;
      }),
    setHelpNote: (circleId, text) =>
      change(circleId, (c) => {
        c.helpNote = { text, setAt: now() };
      }),
    async post(input) {
      if (input.circleIds.some((c) => !get(c))) return fail("not-found");
      sent.push(input);
      const postIds: Record<string, string> = {};
      for (const circleId of input.circleIds) {
        const postId = id("post");
        postIds[circleId] = postId;
        get(circleId)!.posts.unshift({
          postId,
          text: input.text,
          ...(input.photo && {
            photo: {
              attachmentId: id("photo"),
              key: "key",
              width: input.photo.width,
              height: input.photo.height,
              ...(input.alt && { alt: input.alt }),
            },
          }),
          postedAt: now(),
          replies: input.replies,
          reactions: input.reactions,
          replyList: [],
          reactionCounts: {},
          mine: true,
        });
      }
      changed();
      return ok({ postIds });
    },
    editPost: (circleId, postId, edit) =>
      change(circleId, (c) => {
        c.posts = c.posts.map((p) =>
          p.postId === postId ? { ...p, ...edit, editedAt: now() } : p,
        );
      }),
    takeBack: (circleId, postId) =>
      change(circleId, (c) => {
        c.posts = c.posts.filter((p) => p.postId !== postId);
      }),
    async photo(circleId) {
      return get(circleId) ? ok(new Uint8Array([0xff, 0xd8, 0xff, 0xd9])) : fail("not-found");
    },
    reply: (circleId, postId, text) =>
      change(circleId, (c) => {
        c.posts = c.posts.map((p) =>
          p.postId === postId
            ? {
                ...p,
                replyList: [
                  ...p.replyList,
                  { replyId: id("reply"), text, at: now(), fromAccountId: "me", mine: true },
                ],
              }
            : p,
        );
      }),
    react: (circleId, postId, reaction) =>
      change(circleId, (c) => {
        c.posts = c.posts.map((p) => {
          if (p.postId !== postId) return p;
          const counts = { ...p.reactionCounts };
          if (p.myReaction) counts[p.myReaction] = (counts[p.myReaction] ?? 1) - 1;
          if (reaction) counts[reaction] = (counts[reaction] ?? 0) + 1;
          const { myReaction: _, ...rest } = p;
          return { ...rest, reactionCounts: counts, ...(reaction && { myReaction: reaction }) };
        });
      }),
    async join({ fragment }) {
      const circleId = /v=([^&]+)/.exec(fragment)?.[1];
      if (!circleId) return fail("invite-invalid");
      api.add({ circleId, name: "", role: "viewer", state: "waiting", members: [] });
      return ok({ circleId });
    },
    async leave(circleId) {
      circles.delete(circleId);
      changed();
      return ok(undefined);
    },
    drafts: {
      async list() {
        return [...drafts.values()];
      },
      async save(draft) {
        const saved: CircleDraft = {
          ...draft,
          draftId: draft.draftId ?? id("draft"),
          savedAt: now(),
        };
        drafts.set(saved.draftId, saved);
        return saved;
      },
      async discard(draftId) {
        drafts.delete(draftId);
      },
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return api;
}
