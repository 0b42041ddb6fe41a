/**
 * Issue 16's acceptance, three phones on one real server: Maya makes
 * "Parents" and "Work", invites her mother to Parents and a colleague to
 * Work; both join as link-only readers and Maya lets them in; she sets a
 * status on each and posts a photo to Parents only. Her mother sees the
 * post, its photo and the Parents status; the colleague only the Work
 * status. Neither reaches a record screen or any endpoint of Maya's record.
 * Removed, her mother sees nothing new.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { phonePhoto } from "../../../packages/client/src/attachments/testing.ts";
import { mayaWithTonightsDose, ownerWithAccount } from "./account-helpers.ts";
import {
  ask,
  inviteLink,
  joinAsReader,
  letIn,
  makeCircle,
  setStatus,
  TEMPLATES,
  tokenOf,
} from "./circles-helpers.ts";
import { phone } from "./helpers.ts";

test.use({ timezoneId: "America/New_York" });

const FIRST_POST = "A walk by the sea today. We are doing all right.";
const SECOND_POST = "A second post, after the change in Parents.";
const ALT = "The sea at dusk";

/** Every record screen, by address: a reader's device goes home from each. */
const recordRoutes = [
  "/",
  "/cycle",
  "/cycle/new",
  "/embryos",
  "/transfers",
  "/journal",
  "/odds",
  "/remembrance",
  "/settings",
  "/supplies",
  "/more",
  "/sharing/members",
];

/** The record's own code, by chunk: what a reader's phone never needs. */
const recordCode =
  /\/assets\/(Today|treatment|journey|pregnancy|embryology|monitoring|odds|journal|settings)-/;

async function expectReaderHome(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Your circles" })).toBeVisible({
    timeout: 15_000,
  });
}

/**
 * Watches every page the phone opens from now on for set-up's heading, even
 * for a moment while the app starts (a reader's phone must never show it).
 */
async function watchForSetUp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { sawSetUp: boolean };
    w.sawSetUp = false;
    new MutationObserver(() => {
      for (const h of document.querySelectorAll("h1"))
        if (h.textContent === "Welcome to Trellis") w.sawSetUp = true;
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

async function expectNoRecordScreens(page: Page, record: { medicine: string }): Promise<void> {
  await watchForSetUp(page);
  for (const path of recordRoutes) {
    await page.goto(path);
    await expectReaderHome(page);
    expect(
      await page.evaluate(() => (window as unknown as { sawSetUp: boolean }).sawSetUp),
      `set-up shown on the way to ${path}`,
    ).toBe(false);
    expect(new URL(page.url()).pathname, path).toBe("/circle");
    await expect(page.getByRole("navigation")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Welcome to Trellis" })).toHaveCount(0);
    await expect(page.getByText(record.medicine)).toHaveCount(0);
  }
}

test("Maya's circles: each reader sees only their own circle, nothing of her record, and nothing new once removed", async ({
  page: maya,
  browser,
}) => {
  test.setTimeout(240_000);
  const record = mayaWithTonightsDose();
  await ownerWithAccount(maya, record.file, join(tmpdir(), `circles-${Date.now()}.json`));

  await makeCircle(maya, "Parents");
  const parentsLink = await inviteLink(maya);
  const parentsUrl = new URL(maya.url()).pathname;
  await makeCircle(maya, "Work");
  const workLink = await inviteLink(maya);
  const workUrl = new URL(maya.url()).pathname;

  const mother = await phone(browser);
  const colleague = await phone(browser);
  // What the reader's phone fetches, from the invite link until it reads: nothing of a record.
  const fetched: string[] = [];
  mother.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await joinAsReader(mother, parentsLink);
  await joinAsReader(colleague, workLink);

  await maya.goto(parentsUrl);
  await letIn(maya, "Mum");
  await setStatus(maya, TEMPLATES.inTreatment);
  await maya.goto(workUrl);
  await letIn(maya, "Alex");
  await setStatus(maya, TEMPLATES.takingABreak);

  // A photo to Parents only.
  await maya.goto("/circle/post");
  await expect(maya.getByRole("checkbox", { name: "Parents" })).not.toBeChecked();
  await expect(maya.getByRole("checkbox", { name: "Work" })).not.toBeChecked();
  await maya.getByRole("checkbox", { name: "Parents" }).check();
  await maya.getByLabel("What would you like to say?").fill(FIRST_POST);
  await maya.getByLabel("Add a photo").setInputFiles({
    name: "IMG_2041.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from(phonePhoto(2400, 1200)),
  });
  await expect(maya.getByText("The photo as it will be sent (1600 × 800 pixels)")).toBeVisible();
  await maya.getByLabel("Describe the photo (optional)").fill(ALT);
  await maya.getByRole("button", { name: "Send", exact: true }).click();
  await expect(maya.getByRole("heading", { level: 1, name: "Parents" })).toBeVisible({
    timeout: 20_000,
  });
  await expect(maya.getByText(FIRST_POST)).toBeVisible();

  // Her mother: the Parents status first, then the post and its photo.
  await expectReaderHome(mother);
  await expect(mother.getByRole("heading", { level: 2, name: "Parents" })).toBeVisible({
    timeout: 20_000,
  });
  await expect(mother.getByText(TEMPLATES.inTreatment)).toBeVisible({ timeout: 20_000 });
  await expect(mother.getByText(FIRST_POST)).toBeVisible({ timeout: 20_000 });
  const photo = mother.getByRole("img", { name: ALT });
  await expect(photo).toBeVisible({ timeout: 20_000 });
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
  await expect(mother.getByText(TEMPLATES.takingABreak)).toHaveCount(0);

  // The colleague: the Work status, and no post.
  await expectReaderHome(colleague);
  await expect(colleague.getByRole("heading", { level: 2, name: "Work" })).toBeVisible({
    timeout: 20_000,
  });
  await expect(colleague.getByText(TEMPLATES.takingABreak)).toBeVisible({ timeout: 20_000 });
  await expect(colleague.getByText("Nothing has been shared here yet.")).toBeVisible();
  await expect(colleague.getByText(FIRST_POST)).toHaveCount(0);
  await expect(colleague.getByText(TEMPLATES.inTreatment)).toHaveCount(0);
  await expect(colleague.getByRole("img")).toHaveCount(0);

  const scripts = fetched.filter((p) => p.endsWith(".js"));
  expect(scripts.some((p) => /\/assets\/first-screen-/.test(p))).toBe(true);
  expect(scripts.filter((p) => recordCode.test(p))).toEqual([]);

  // Neither reaches a record screen, nor any endpoint of Maya's record.
  await expectNoRecordScreens(mother, record);
  await expectNoRecordScreens(colleague, record);
  const mayaToken = await tokenOf(maya);
  const vaults = JSON.parse((await ask(maya, mayaToken, "GET", "/api/v1/vaults")).text) as {
    vaults: { vaultId: string; kind: string }[];
  };
  const recordVault = vaults.vaults.find((v) => v.kind === "record")!.vaultId;
  expect(vaults.vaults.filter((v) => v.kind === "circle")).toHaveLength(2);
  for (const reader of [mother, colleague]) {
    const token = await tokenOf(reader);
    const theirs = JSON.parse((await ask(reader, token, "GET", "/api/v1/vaults")).text) as {
      vaults: { vaultId: string; kind: string }[];
    };
    expect(theirs.vaults.map((v) => v.kind)).toEqual(["circle"]);
    const base = `/api/v1/vaults/${recordVault}`;
    for (const [method, path] of [
      ["GET", `${base}/events?after=0`],
      ["GET", `${base}/members`],
      ["GET", `${base}/grants/mine`],
      ["GET", `${base}/log`],
      ["GET", `${base}/invites`],
      ["GET", `${base}/attachments/${crypto.randomUUID()}`],
    ] as const) {
      const r = await ask(reader, token, method, path);
      expect(r.status, `${method} ${path}`).toBe(404);
    }
  }

  // Maya removes her mother, after a calm question, and posts again.
  await maya.goto(parentsUrl);
  await maya.getByRole("button", { name: "Remove Mum" }).click();
  const dialog = maya.getByRole("dialog", { name: "Remove Mum?" });
  await expect(dialog).toContainText("They will see nothing new from this circle.");
  await dialog.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(maya.getByText("Mum was removed.")).toBeVisible({ timeout: 15_000 });
  await maya.goto("/circle/post");
  await maya.getByRole("checkbox", { name: "Parents" }).check();
  await maya.getByLabel("What would you like to say?").fill(SECOND_POST);
  await maya.getByRole("button", { name: "Send", exact: true }).click();
  await expect(maya.getByText(SECOND_POST)).toBeVisible({ timeout: 20_000 });
  await maya.goto(parentsUrl);
  await setStatus(maya, TEMPLATES.takingABreak);

  // Her mother's phone, opened again: nothing new reaches it.
  await mother.goto("/circle");
  await expectReaderHome(mother);
  await expect(
    mother.getByText("You aren't reading any circle yet.", { exact: false }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(mother.getByText(SECOND_POST)).toHaveCount(0);
  await expect(mother.getByText(TEMPLATES.takingABreak)).toHaveCount(0);
  const motherToken = await tokenOf(mother);
  const parentsId = parentsUrl.split("/").at(-1)!;
  const pulled = await ask(
    mother,
    motherToken,
    "GET",
    `/api/v1/vaults/${parentsId}/events?after=0`,
  );
  expect(pulled.status).toBe(404);

  // The colleague stops reading on her phone: she leaves Work, the phone is
  // signed out and erased, and Maya's Work no longer lists her.
  await colleague.goto("/circle");
  await expectReaderHome(colleague);
  const colleagueToken = await tokenOf(colleague);
  await colleague.getByRole("button", { name: "Stop reading on this phone" }).click();
  await expect(
    colleague.getByText("This leaves every circle you read, signs this phone out", {
      exact: false,
    }),
  ).toBeVisible();
  await colleague.getByRole("button", { name: "Stop reading and erase" }).click();
  await expect(colleague.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible({
    timeout: 20_000,
  });
  expect(await colleague.evaluate(() => localStorage.getItem("trellis.circles.reader"))).toBeNull();
  const workId = workUrl.split("/").at(-1)!;
  const afterStop = await ask(
    colleague,
    colleagueToken,
    "GET",
    `/api/v1/vaults/${workId}/events?after=0`,
  );
  expect(afterStop.status).toBe(401);
  await maya.goto(workUrl);
  await expect(maya.getByRole("heading", { name: "People in this circle" })).toBeVisible();
  const people = maya.getByRole("region", { name: "People in this circle" });
  await expect(
    people.getByText("Nobody yet. Make an invite link below and send it to them."),
  ).toBeVisible({ timeout: 20_000 });
  await expect(people.getByText("Alex", { exact: false })).toHaveCount(0);

  await mother.context().close();
  await colleague.context().close();
});
