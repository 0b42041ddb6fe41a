/**
 * Circles on the real server, with the real client (`accountSync.circles`
 * over HTTP), on PGlite (a data directory) and on PostgreSQL:
 *
 * (a) the marker test: a distinct marker in every circle text (name,
 *     status, how-to-help note, post, edit, reply, member label, photo alt
 *     text, a shared remembrance), in the photo's file name and inside the
 *     JPEG itself (a comment segment and EXIF), and afterwards no table of
 *     the database (as text, base64, base64url, hex, latin1), no file under
 *     the server's data directory and nothing the server printed holds any;
 * (b) isolation: the mother, a member of "Parents", can pull, stream,
 *     append to and read attachments of neither Maya's record nor "Work";
 *     removed, she cannot open anything posted after.
 */
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { memoryStorage, openClient } from "@trellis/client";
import { preparePhoto } from "@trellis/client/attachments";
import {
  type AccountSync,
  createApi,
  fetchTransport,
  openAccountSync,
  StreamRefused,
} from "@trellis/client/sync";
import { openEvent, ready, sealAttachment, VaultKey } from "@trellis/crypto";
import { afterAll, describe, expect, it } from "vitest";
import {
  exifWithGps,
  jpegJsPort,
  phonePhoto,
} from "../../../packages/client/src/attachments/testing.ts";
import { openPgliteDb } from "./db/pglite.ts";
import type { Queryable } from "./db/types.ts";
import { type ChildServer, killChildren, startChild } from "./testing/child-server.ts";
import {
  describePostgres,
  makeTempDir,
  openTestPostgres,
  type TestDatabase,
} from "./testing/databases.ts";
import { dumpAllTables } from "./testing/table-dump.ts";

afterAll(killChildren);

const PASSWORD = "a password that is long enough";
const tag = Math.random().toString(36).slice(2, 8);
/** One marker per place a person's words or photo could leak from. */
const MARKERS = {
  name: `MkCircleName${tag}`,
  status: `MkStatus${tag}`,
  helpNote: `MkHelpNote${tag}`,
  post: `MkPostText${tag}`,
  edit: `MkEditText${tag}`,
  reply: `MkReplyText${tag}`,
  label: `MkMemberLabel${tag}`,
  alt: `MkPhotoAlt${tag}`,
  remembrance: `MkRemembrance${tag}`,
  fileName: `MkFileName${tag}`,
  jpegComment: `MkJpegComment${tag}`,
  /** Ten characters: it takes the place of the fixture's camera make ("TrellisCam"). */
  exif: `MkExif${tag.slice(0, 4)}`,
};

interface Backend {
  readonly server: ChildServer;
  readonly dataDir: string;
  /** PGlite: the database's own files are under the data directory too. */
  readonly databaseInDataDir: boolean;
  /** Every table, every value in every form; the server may be stopped for it. */
  dumpTables(): Promise<string>;
  close(): Promise<void>;
}

/** Every table's values, as `dumpAllTables` gives them, after checking vault_attachments was read. */
async function dumpTablesWith(q: Queryable): Promise<string> {
  const dump = await dumpAllTables(q);
  expect(dump.tables).toContain("vault_attachments");
  return dump.text;
}

/** Every file under `dir`, read as bytes (latin1 keeps every byte; ASCII markers read as themselves). */
async function filesUnder(dir: string): Promise<{ path: string; text: string; utf16: string }[]> {
  const out: { path: string; text: string; utf16: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    out.push({ path, text: bytes.toString("latin1"), utf16: bytes.toString("utf16le") });
  }
  return out;
}

/** A phone's JPEG with a comment segment and an EXIF camera make holding markers. */
function markedJpeg(): Uint8Array {
  const plain = phonePhoto(96, 64);
  const comment = new TextEncoder().encode(`Taken by ${MARKERS.jpegComment}`);
  const com = [0xff, 0xfe, (comment.length + 2) >> 8, (comment.length + 2) & 0xff, ...comment];
  // The fixture's EXIF names its camera "TrellisCam"; ours is the marker.
  const exif = exifWithGps();
  const make = new TextEncoder().encode(MARKERS.exif);
  const at = Buffer.from(exif).indexOf("TrellisCam");
  exif.set(make, at);
  return Uint8Array.from([...plain.subarray(0, 2), ...exif, ...com, ...plain.subarray(2)]);
}

async function device(url: string) {
  const client = await openClient({ storage: memoryStorage() });
  const sync = await openAccountSync({ client, connect: () => fetchTransport(url), live: false });
  return { client, sync };
}

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { reason: string } }): T {
  if (!r.ok) throw new Error(`expected success, got ${r.error.reason}`);
  return r.value;
}

async function tokenOf(d: { client: Awaited<ReturnType<typeof openClient>> }): Promise<string> {
  return (await d.client.sync.getMeta<{ token: string }>("sync-account"))!.token;
}

/** Lets the one member waiting in `circleId` in, under `label`; their account id. */
async function letWaitingIn(circles: AccountSync["circles"], circleId: string, label: string) {
  const waiting = ok(await circles.members(circleId)).find((m) => m.status === "pending");
  if (!waiting) throw new Error("nobody waiting");
  ok(await circles.letIn(circleId, waiting.accountId, label));
  return waiting.accountId;
}

function circleSuite(open: () => Promise<Backend>) {
  let backend: Backend | undefined;
  afterAll(async () => {
    await backend?.close();
  });

  it("keeps every circle text and photo byte off the server, and the mother out of what is not hers", {
    timeout: 240_000,
  }, async () => {
    await ready();
    backend = await open();
    const url = backend.server.url;
    const api = createApi(fetchTransport(url));

    // Maya: a record, an account, "Parents" and "Work".
    const maya = await device(url);
    ok(
      await maya.client.record("JourneyCreated", {
        displayName: "Maya",
        dateOfBirth: "1988-03-02",
        homeZone: "Europe/London",
        createdAt: "2025-05-12T21:00:00+01:00[Europe/London]",
      }),
    );
    ok(
      await maya.sync.createAccount({
        serverUrl: url,
        username: `maya-${tag}`,
        password: PASSWORD,
        deviceName: "Maya's phone",
        recovery: maya.sync.newRecoveryKey(),
      }),
    );
    const recordVault = maya.sync.snapshot.vault!.vaultId;
    const c = maya.sync.circles;
    const parents = ok(await c.create(`Parents ${MARKERS.name}`)).circleId;
    const work = ok(await c.create("Work")).circleId;
    ok(await c.setStatus(parents, { template: "own", text: `Please don't ask ${MARKERS.status}` }));
    ok(await c.setStatus(work, { template: "taking-a-break", text: "We're taking a break." }));
    ok(await c.setHelpNote(parents, `Ask us about anything else ${MARKERS.helpNote}`));

    // The mother joins Parents by link (a link-only reader); a colleague joins Work.
    const mother = await device(url);
    const motherLink = ok(await c.invite(parents, "https://trellis.example")).link;
    ok(
      await mother.sync.circles.join({
        serverUrl: url,
        fragment: motherLink.slice(motherLink.indexOf("#")),
        deviceName: "Mum's tablet",
      }),
    );
    const colleague = await device(url);
    const workLink = ok(await c.invite(work, "https://trellis.example")).link;
    ok(
      await colleague.sync.circles.join({
        serverUrl: url,
        fragment: workLink.slice(workLink.indexOf("#")),
        deviceName: "Sam's phone",
        username: `sam-${tag}`,
        password: PASSWORD,
      }),
    );
    const motherId = await letWaitingIn(c, parents, `Mum ${MARKERS.label}`);
    await letWaitingIn(c, work, "Sam");

    // A photo with markers in its file name, a comment and EXIF, prepared as the app does.
    const file = { name: `IMG_${MARKERS.fileName}.jpg`, bytes: markedJpeg(), type: "image/jpeg" };
    expect(Buffer.from(file.bytes).includes(MARKERS.jpegComment)).toBe(true);
    expect(Buffer.from(file.bytes).includes(MARKERS.exif)).toBe(true);
    const prepared = await preparePhoto(file, jpegJsPort);
    if (!prepared.ok) throw new Error(prepared.reason);
    // It leaves the device without its comment or EXIF.
    expect(Buffer.from(prepared.value.bytes).includes(MARKERS.jpegComment)).toBe(false);
    expect(Buffer.from(prepared.value.bytes).includes(MARKERS.exif)).toBe(false);
    const sent = ok(
      await c.post({
        circleIds: [parents],
        text: `A quiet day ${MARKERS.post}`,
        photo: prepared.value,
        alt: `The beach ${MARKERS.alt}`,
        remembrance: {
          name: `Little one ${MARKERS.remembrance}`,
          place: `The oak ${MARKERS.remembrance}`,
          words: `Always ${MARKERS.remembrance}`,
        },
        replies: true,
        reactions: true,
      }),
    );
    const postId = sent.postIds[parents]!;
    ok(await c.editPost(parents, postId, { text: `A quiet day, edited ${MARKERS.edit}` }));
    ok(
      await c.post({
        circleIds: [work],
        text: "Out on Friday.",
        photo: prepared.value,
        replies: false,
        reactions: false,
      }),
    );

    // The mother sees Parents: the status, the post and its photo; she replies.
    const view = ok(await mother.sync.circles.open(parents));
    expect(view.status?.text).toContain(MARKERS.status);
    expect(view.posts[0]?.text).toContain(MARKERS.edit);
    const photo = view.posts[0]!.photo!;
    expect(ok(await mother.sync.circles.photo(parents, photo))).toEqual(prepared.value.bytes);
    ok(await mother.sync.circles.reply(parents, postId, `So lovely ${MARKERS.reply}`));
    ok(await mother.sync.circles.react(parents, postId, "heart"));
    const mayaView = ok(await c.open(parents));
    expect(mayaView.posts[0]?.replyList[0]).toMatchObject({ fromLabel: `Mum ${MARKERS.label}` });
    // The colleague: Work's status only.
    expect(ok(await colleague.sync.circles.list()).map((s) => [s.name, s.status?.text])).toEqual([
      ["Work", "We're taking a break."],
    ]);

    // (b) The mother reaches nothing of Maya's record or of Work.
    const motherToken = await tokenOf(mother);
    const workPhoto = ok(await c.open(work)).posts[0]!.photo!;
    const recordPhoto = crypto.randomUUID();
    const sealedRecordPhoto = sealAttachment(recordPhoto, prepared.value.bytes);
    ok(
      await api.putAttachment(
        await tokenOf(maya),
        recordVault,
        recordPhoto,
        sealedRecordPhoto.sealed,
      ),
    );
    for (const [vaultId, attachmentId] of [
      [recordVault, recordPhoto],
      [work, workPhoto.attachmentId],
    ] as const) {
      expect(await api.pull(motherToken, vaultId, 0, 10)).toMatchObject({
        ok: false,
        error: { status: 404 },
      });
      expect(await api.getAttachment(motherToken, vaultId, attachmentId)).toMatchObject({
        ok: false,
        error: { status: 404 },
      });
      const body = Buffer.from([1, 0, 0, 0, 9, ...new Uint8Array(64)]).toString("base64");
      expect(
        await api.append(motherToken, vaultId, { events: [{ id: crypto.randomUUID(), body }] }),
      ).toMatchObject({ ok: false, error: { status: 404 } });
      expect(await api.members(motherToken, vaultId)).toMatchObject({ ok: false });
      const stream = fetchTransport(url).stream({
        path: api.streamPath(vaultId, 0),
        token: motherToken,
        signal: AbortSignal.timeout(5_000),
      });
      await expect(stream[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(StreamRefused);
    }

    // Removed: she sees nothing new, and even her old keys open nothing posted after.
    const motherKeys = new Map(
      (await mother.client.sync.getMeta<{ keys: string[] }[]>("circles"))![0]!.keys.map((k) => {
        const key = VaultKey.decode(k);
        if (!key.ok) throw new Error("bad key");
        return [key.value.epoch, key.value] as const;
      }),
    );
    ok(await c.removeMember(parents, motherId));
    const later = ok(
      await c.post({
        circleIds: [parents],
        text: "After.",
        photo: prepared.value,
        replies: false,
        reactions: false,
      }),
    ).postIds[parents]!;
    expect(ok(await mother.sync.circles.list())).toEqual([]);
    expect(await api.pull(motherToken, parents, 0, 10)).toMatchObject({ ok: false });
    const laterPost = ok(await c.open(parents)).posts.find((p) => p.postId === later)!;
    expect(
      await api.getAttachment(motherToken, parents, laterPost.photo!.attachmentId),
    ).toMatchObject({
      ok: false,
    });
    const all = ok(await api.pull(await tokenOf(maya), parents, 0, 500)).events;
    const opens = (e: (typeof all)[number]) =>
      openEvent({ vaultId: parents, eventId: e.id }, motherKeys, e.body).ok;
    expect(opens(all.at(-1)!)).toBe(false);
    expect(all.some(opens)).toBe(true); // her key was real: it opens what came before

    // (a) Nothing of any marker anywhere the server keeps or prints.
    await maya.sync.close();
    await mother.sync.close();
    await colleague.sync.close();
    const tables = await backend.dumpTables();
    const files = await filesUnder(backend.dataDir);
    expect(files.length).toBeGreaterThan(0);
    // The scans see what is stored in the clear (a username), so a leak would show.
    expect(tables).toContain(`maya-${tag}`);
    if (backend.databaseInDataDir) {
      expect(files.some((f) => f.text.includes(`maya-${tag}`))).toBe(true);
    }
    for (const marker of Object.values(MARKERS)) {
      expect(tables.includes(marker), `${marker} in a table`).toBe(false);
      for (const f of files) {
        expect(f.text.includes(marker) || f.utf16.includes(marker), `${marker} in ${f.path}`).toBe(
          false,
        );
      }
      expect(backend.server.output().includes(marker), `${marker} in the server's output`).toBe(
        false,
      );
    }
  });
}

// Each start compiles TypeScript (tsx) and opens the database: allow for a busy machine.
describe("circles on the real server (PGlite)", () => {
  circleSuite(async () => {
    const dataDir = await makeTempDir("trellis-circles-");
    const server = await startChild({ TRELLIS_DATA_DIR: dataDir });
    return {
      server,
      dataDir,
      databaseInDataDir: true,
      async dumpTables() {
        // PGlite is one process's: stop the server, then read its data directory.
        server.proc.kill("SIGINT");
        expect((await server.exited).code).toBe(0);
        const db = await openPgliteDb(join(dataDir, "pglite"));
        try {
          return await dumpTablesWith(db);
        } finally {
          await db.close();
        }
      },
      async close() {
        if (server.proc.exitCode === null) server.proc.kill("SIGKILL");
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  });
});

describePostgres("circles on the real server (PostgreSQL)", (adminUrl) => {
  circleSuite(async () => {
    const testDb: TestDatabase = await openTestPostgres(adminUrl);
    const dataDir = await makeTempDir("trellis-circles-");
    const server = await startChild({
      TRELLIS_DATABASE_URL: testDb.url!,
      TRELLIS_DATA_DIR: dataDir,
    });
    return {
      server,
      dataDir,
      databaseInDataDir: false,
      dumpTables: () => dumpTablesWith(testDb.db),
      async close() {
        if (server.proc.exitCode === null) server.proc.kill("SIGKILL");
        await testDb.cleanup();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  });
});
