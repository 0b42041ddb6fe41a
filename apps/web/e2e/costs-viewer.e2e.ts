import { expect, type Page, test } from "@playwright/test";
import { Recorder, Temporal } from "@trellis/domain";
import {
  createAccount,
  expectSynced,
  ownerWithAccount,
  safetyCodeOn,
  uniqueUsername,
} from "./account-helpers.ts";
import { exportFile } from "./fixtures.ts";
import { expectNoAxeViolations, maya, phone, shot } from "./helpers.ts";

test.use({ timezoneId: "America/New_York" });

/** Words that appear only in Maya's cost: nowhere on her mother's phone until Maya says so. */
const COST = "Menopur pens 7f3q";

/** Maya's record: a journey, a note, and one cost paid last week. */
function mayaWithACost() {
  const zone = maya.homeZone;
  const today = Temporal.Now.plainDateISO(zone);
  const at = (days: number, time: string) =>
    today.add({ days }).toZonedDateTime({ timeZone: zone, plainTime: time });
  const r = new Recorder("fixture17", 17);
  const created = at(-30, "20:00");
  r.record("JourneyCreated", { ...maya, createdAt: created.toString() }, created.epochMilliseconds);
  const paid = at(-7, "18:00");
  r.record(
    "CostRecorded",
    {
      costId: r.newId(paid.epochMilliseconds),
      description: COST,
      category: "medication",
      amount: { value: 1234.5, currency: "USD" },
      incurredOn: paid.toPlainDate().toString(),
      status: "paid",
      paidOn: paid.toPlainDate().toString(),
      coverage: [],
    },
    paid.epochMilliseconds,
  );
  const noted = at(-1, "21:00");
  r.record(
    "JournalNoteAdded",
    {
      noteId: r.newId(noted.epochMilliseconds),
      text: "Scan went fine.",
      writtenAt: noted.toString(),
    },
    noted.epochMilliseconds,
  );
  return exportFile(r, at(0, "09:00").toInstant().toString());
}

/** Everything this phone keeps in IndexedDB, as text (bytes left out: they are sealed). */
async function storedText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const name of db.objectStoreNames) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const get = db.transaction(name).objectStore(name).getAll();
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error);
        });
        out.push(
          JSON.stringify(all, (_, v) =>
            v instanceof Uint8Array || v instanceof ArrayBuffer ? "<bytes>" : v,
          ),
        );
      }
      db.close();
    }
    return out.join("\n");
  });
}

const costsSection = (page: Page) => page.getByRole("region", { name: "Costs" });

test("costs reach someone who can see only when Maya turns them on, and not before", async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const mayaPhone = await phone(browser);
  await ownerWithAccount(mayaPhone, mayaWithACost(), testInfo.outputPath("maya.json"));

  // Maya invites her mother to see only.
  await mayaPhone.goto("/sharing/invite");
  await mayaPhone.getByRole("radio", { name: /See only/ }).check();
  await mayaPhone.getByRole("button", { name: "Create an invite link" }).click();
  const invite = await mayaPhone.getByRole("textbox", { name: "Invite link" }).inputValue();
  await mayaPhone.getByRole("link", { name: "Compare the safety code" }).click();

  const ruth = await phone(browser);
  await ruth.goto(invite);
  await createAccount(ruth, uniqueUsername("ruth"));
  await ruth.getByRole("button", { name: "Join this record" }).click();
  const code = await safetyCodeOn(ruth);
  await expect(mayaPhone.getByText("Waiting for you to compare the safety code")).toBeVisible({
    timeout: 15_000,
  });
  expect(await safetyCodeOn(mayaPhone)).toBe(code);
  await mayaPhone.getByRole("button", { name: "The codes match — share" }).click();
  await expect(ruth.getByRole("heading", { name: "You're in" })).toBeVisible({ timeout: 20_000 });
  await ruth.getByRole("link", { name: "Go to Today" }).click();
  await expectSynced(ruth);

  // Her mother reads the record, but the cost never reached her phone.
  await ruth.goto("/journal");
  await expect(ruth.getByText("Scan went fine.")).toBeVisible();
  await ruth.goto("/sharing/members");
  const theirs = costsSection(ruth);
  await expect(
    theirs.getByText(
      "Costs are not shared with you. The person whose record this is chooses whether people who can see only see them.",
    ),
  ).toBeVisible({ timeout: 15_000 });
  await expect(ruth.getByRole("switch")).toHaveCount(0);
  const before = await storedText(ruth);
  expect(before).toContain("Scan went fine.");
  expect(before).not.toContain(COST);
  expect(before).not.toContain("1234.5");
  await expectNoAxeViolations(ruth, "sharing, for a viewer without costs");
  // The Costs section says the same, and shows no totals (not even the bank's fees).
  await ruth.goto("/costs");
  await expect(ruth.getByText(/^Costs are not shared with you\./)).toBeVisible();
  await expect(ruth.getByText(COST)).toHaveCount(0);
  await expectNoAxeViolations(ruth, "costs, for a viewer without costs");
  await ruth.goto("/sharing/members");
  await shot(ruth, "costs-viewer-not-shared", { bothSchemes: true });

  // Maya's switch: off, and worded for what it does.
  await mayaPhone.goto("/sharing/members");
  const costsSwitch = mayaPhone.getByRole("switch", {
    name: "Show costs to people who can see only",
  });
  await expect(costsSwitch).toHaveAttribute("aria-checked", "false");
  await expect(
    mayaPhone.getByText(/the ones they have already seen stay on their phones/),
  ).toBeVisible();
  await shot(mayaPhone, "costs-owner-switch", { bothSchemes: true });
  await costsSwitch.click();
  await expect(mayaPhone.getByText("People who can see only now see costs.")).toBeVisible();
  await expect(costsSwitch).toHaveAttribute("aria-checked", "true");
  await expectNoAxeViolations(mayaPhone, "sharing, the owner's costs switch");

  // Her mother's phone, at its next sync, has the earlier cost too.
  await ruth.reload();
  await expect(costsSection(ruth).getByText("Costs are shared with you.")).toBeVisible({
    timeout: 20_000,
  });
  await expect.poll(() => storedText(ruth), { timeout: 20_000 }).toContain(COST);
  await ruth.goto("/costs");
  await expect(ruth.getByText(COST)).toBeVisible({ timeout: 20_000 });
  // Read only: no way to add, and no empty card where the form would be.
  await expect(ruth.getByRole("button", { name: "Add a cost" })).toHaveCount(0);
  await expect(ruth.locator("main .card").filter({ hasText: /^\s*$/ })).toHaveCount(0);
  await expect(ruth.getByText(/^Costs are not shared with you\./)).toHaveCount(0);
  await ruth.goto("/sharing/members");

  // Off again: said plainly, and the switch stays where Maya put it after a reload.
  await costsSwitch.click();
  await expect(
    mayaPhone.getByText("Costs you add from now on are kept from people who can see only."),
  ).toBeVisible();
  await mayaPhone.reload();
  await expect(costsSwitch).toHaveAttribute("aria-checked", "false", { timeout: 15_000 });
  await ruth.reload();
  await expect(costsSection(ruth).getByText(/^Costs are not shared with you\./)).toBeVisible({
    timeout: 20_000,
  });

  await ruth.context().close();
  await mayaPhone.context().close();
});
