import { expect, type Page, test } from "@playwright/test";
import { mayaWholeJourney } from "./embryos-fixture.ts";
import {
  expectNoAxeViolations,
  nav,
  openFromMore,
  shot as picture,
  restore,
  setUpJourney,
} from "./helpers.ts";

test.use({ timezoneId: "America/New_York" });

/** The whole page, and in phone-high slices to look at closely. */
const shot = (page: Page, name: string) => picture(page, name, { slices: true });

/** The bank's counts as the summary shows them: "Frozen" -> 5, ... */
async function statusCounts(page: Page): Promise<Record<string, number>> {
  await expect(page.locator(".status-counts")).toBeVisible();
  return page
    .locator(".status-counts div")
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.querySelector("dt")!.textContent!.trim(),
          Number(r.querySelector("dd")!.textContent),
        ]),
      ),
    );
}

async function openBank(page: Page) {
  await nav(page, "Embryos");
  await expect(page.getByRole("heading", { level: 1, name: "Embryos" })).toBeVisible();
}

test("a retrieval day by day, five blastocysts, three euploid; one transferred; betas; a loss recorded gently; the bank counts right at every step", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: new Date("2026-03-20T19:00:00-04:00") });
  await setUpJourney(page);

  // An empty bank says what will appear and how to start.
  await openBank(page);
  await expect(page.getByRole("heading", { name: "No retrievals yet" })).toBeVisible();
  await shot(page, "embryos-empty");
  await expectNoAxeViolations(page, "embryos, empty");

  // Day 0.
  await page.getByRole("link", { name: "Record a retrieval" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record a retrieval" })).toBeVisible();
  await page.getByLabel("Date of the retrieval").fill("2026-03-10");
  await page.getByLabel("Clinic").fill("Hudson Fertility");
  await page.getByLabel("Follicles at the trigger").fill("15");
  await page.getByLabel("Eggs retrieved").fill("12");
  await page.getByLabel("Mature eggs (MII)").fill("13");
  await shot(page, "retrieval-new");
  await expectNoAxeViolations(page, "record a retrieval");
  await page.getByRole("button", { name: "Save the retrieval" }).click();
  // More mature eggs than eggs: refused, in words, beside the field; nothing saved.
  await expect(
    page.getByText(/13 mature \(MII\) eggs is more than the 12 retrieved/),
  ).toBeVisible();
  await expect(page.getByLabel("Mature eggs (MII)")).toHaveAccessibleDescription(
    /13 mature \(MII\) eggs is more than the 12 retrieved/,
  );
  await expect(page.getByLabel("Mature eggs (MII)")).toBeFocused();
  await shot(page, "retrieval-refused");
  await page.getByLabel("Mature eggs (MII)").fill("10");
  await page.getByRole("button", { name: "Save the retrieval" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Retrieval, Tue, Mar 10, 2026" }),
  ).toBeVisible();
  await expect(
    page.getByText("12 eggs retrieved, 10 mature (MII) (15 follicles at the trigger)"),
  ).toBeVisible();

  // Day 1: an impossible count is refused with the reason; then the real one.
  await page.getByRole("button", { name: "Add the day-1 report" }).click();
  await page.getByLabel("Normally fertilized (2PN)").fill("11");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(
    page.getByText(/11 normally fertilized \(2PN\) eggs is more than the 10 mature \(MII\) eggs/),
  ).toBeVisible();
  await expect(page.getByLabel("Normally fertilized (2PN)")).toHaveAccessibleDescription(
    /11 normally fertilized \(2PN\) eggs is more than the 10 mature \(MII\) eggs/,
  );
  await shot(page, "day1-refused");
  await page.getByLabel("Normally fertilized (2PN)").fill("8");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("ICSI: 10 mature (MII), 8 normally fertilized (2PN)")).toBeVisible();

  // Day 3.
  await page.getByRole("button", { name: "Add the day-3 report" }).click();
  await page.getByLabel("Embryos still developing").fill("7");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("7 embryos still developing")).toBeVisible();

  // Day 5: three blastocysts, one grade typed wrong first.
  await page.getByRole("button", { name: "Add blastocysts" }).click();
  const grades5 = ["4aa", "4AB", "5BB"];
  for (const [i, grade] of grades5.entries()) {
    if (i > 0) await page.getByRole("button", { name: "Add another blastocyst" }).click();
    const row = page.getByRole("group", { name: `Blastocyst ${i + 1}` });
    await row.getByLabel("Grade").fill(i === 2 ? "5BD" : grade);
    await row.getByRole("checkbox", { name: "Biopsied for testing" }).check();
  }
  await expect(page.getByText("Understood as 4AA")).toBeVisible();
  await page.getByRole("button", { name: "Save the report" }).click();
  await expect(
    page.getByText('"5BD" is not a Gardner grade: the letters go from A to C'),
  ).toBeVisible();
  await expect(
    page.getByRole("group", { name: "Blastocyst 3" }).getByLabel("Grade"),
  ).toHaveAccessibleDescription(/"5BD" is not a Gardner grade/);
  await page.getByRole("group", { name: "Blastocyst 3" }).getByLabel("Grade").fill("5BB");
  await shot(page, "blastocyst-form");
  await expectNoAxeViolations(page, "blastocyst report");
  await page.getByRole("button", { name: "Save the report" }).click();
  await expect(page.getByText("Day 5: 3 blastocysts")).toBeVisible();

  // Day 6: two more.
  await page.getByRole("button", { name: "Add blastocysts" }).click();
  await expect(page.getByRole("radio", { name: "Day 6" })).toBeChecked();
  for (const [i, grade] of ["3BB", "4BC"].entries()) {
    if (i > 0) await page.getByRole("button", { name: "Add another blastocyst" }).click();
    const row = page.getByRole("group", { name: `Blastocyst ${i + 1}` });
    await row.getByLabel("Grade").fill(grade);
    await row.getByRole("checkbox", { name: "Biopsied for testing" }).check();
  }
  await page.getByRole("button", { name: "Save the report" }).click();
  await expect(page.getByText("Day 5: 3 blastocysts · Day 6: 2 blastocysts")).toBeVisible();

  // PGT-A weeks later: three euploid, one aneuploid, one mosaic (low).
  await page.getByRole("button", { name: "Add test results" }).click();
  const results: [RegExp, string][] = [
    [/^Result for 4AA/, "Euploid"],
    [/^Result for 4AB/, "Euploid"],
    [/^Result for 5BB/, "Aneuploid"],
    [/^Result for 3BB/, "Mosaic"],
    [/^Result for 4BC/, "Euploid"],
  ];
  for (const [label, result] of results)
    await page.getByLabel(label).selectOption({ label: result });
  await page.getByLabel("Mosaic level").selectOption({ label: "Low" });
  await shot(page, "pgt-form");
  await expectNoAxeViolations(page, "test results form");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("5 of 5 biopsied blastocysts have a result")).toBeVisible();
  await expect(
    page.getByRole("figure", { name: /This retrieval beside what is typical at 40/ }),
  ).toBeVisible();
  await shot(page, "cohort-detail");
  await expectNoAxeViolations(page, "retrieval with its reports");

  // The bank: five frozen, three euploid, one mosaic; the funnel beside the typical one with its sources.
  await openBank(page);
  await expect(page.getByText("5 embryos in the bank")).toBeVisible();
  await expect(page.getByText("3 euploid · 1 mosaic")).toBeVisible();
  expect(await statusCounts(page)).toEqual({ Frozen: 5 });
  const funnel = page.getByRole("figure", { name: /This retrieval beside what is typical at 40/ });
  await expect(funnel).toContainText(
    "Here: Eggs 12, Mature (MII) 10, Fertilized (2PN) 8, Blastocysts 5, Euploid 3.",
  );
  for (const source of [
    "Sunkara et al. 2011 (checked)",
    "Romanski et al. 2022 (checked)",
    "Franasiak et al. 2014 (secondary source)",
  ]) {
    await expect(funnel.getByText(/^Typical figures from:/)).toContainText(source);
  }
  await expect(
    funnel.getByRole("table", { name: /Counts at each step/ }).getByRole("row"),
  ).toHaveCount(6);
  await shot(page, "bank");
  await expectNoAxeViolations(page, "embryo bank");

  // A transfer of one euploid embryo.
  await openFromMore(page, "Transfers & outcomes");
  await expect(page.getByRole("heading", { name: "No transfers yet" })).toBeVisible();
  await page.getByRole("link", { name: "Plan a transfer" }).click();
  await page.getByRole("checkbox", { name: /^4AA · Day-5 blastocyst · PGT-A: euploid/ }).check();
  await page.getByRole("radio", { name: "Medicated" }).check();
  await page.getByLabel("Lining at the last scan, mm").fill("9.1");
  await shot(page, "transfer-new");
  await expectNoAxeViolations(page, "plan a transfer");
  await page.getByRole("button", { name: "Save the transfer" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Transfer, Fri, Mar 20, 2026" }),
  ).toBeVisible();
  await openBank(page);
  await expect(page.getByText("4 embryos in the bank")).toBeVisible();
  expect(await statusCounts(page)).toEqual({ Frozen: 4, Transferred: 1 });
  await expect(page.getByText(/^Transferred on Fri, Mar 20, 2026$/)).toBeVisible();

  // Betas, nine and eleven days later: each rise against the slowest usual rise, and an ultrasound decides.
  await page.clock.setFixedTime(new Date("2026-03-31T19:00:00-04:00"));
  await page.reload();
  await openFromMore(page, "Transfers & outcomes");
  await page.getByRole("link", { name: "Transfer, Fri, Mar 20, 2026" }).click();
  for (const [date, value] of [
    ["2026-03-29", "120"],
    ["2026-03-31", "290"],
  ] as const) {
    await page.getByRole("button", { name: "Add a beta" }).click();
    await page.getByLabel("Date of the blood test").fill(date);
    await page.getByLabel("Beta hCG, mIU/mL").fill(value);
    await page.getByRole("button", { name: "Save beta" }).click();
    await expect(page.getByText(`${value} mIU/mL`, { exact: false }).first()).toBeVisible();
  }
  await expect(
    page.getByText(
      /Sun, Mar 29 to Tue, Mar 31: up 142% in 2 days, doubling about every 38 hours\./,
    ),
  ).toBeVisible();
  await expect(
    page.getByText(/slowest rise usually seen from a value like 120 is 49%: in the usual range/),
  ).toBeVisible();
  await expect(page.getByText(/only an ultrasound can tell where a pregnancy is/)).toBeVisible();
  await expect(page.getByRole("figure", { name: /Beta hCG in mIU\/mL/ })).toBeVisible();
  await expect(page.getByText("Estimated due date: Sun, Dec 6, 2026")).toBeVisible();
  await expect(page.getByText("Today: 4 weeks 2 days")).toBeVisible();
  await shot(page, "transfer-betas");
  await expectNoAxeViolations(page, "transfer with betas");
  await openBank(page);
  expect(await statusCounts(page)).toEqual({ Frozen: 4, Transferred: 1 });

  // A miscarriage, recorded through the gentle flow.
  await page.clock.setFixedTime(new Date("2026-04-20T19:00:00-04:00"));
  await page.reload();
  await openFromMore(page, "Transfers & outcomes");
  await page.getByRole("link", { name: "Transfer, Fri, Mar 20, 2026" }).click();
  await page.getByRole("button", { name: "Record what happened" }).click();
  await page.getByRole("radio", { name: /^Miscarriage/ }).check();
  await page.getByLabel("Weeks", { exact: true }).fill("7");
  await page.getByLabel("Days", { exact: true }).fill("3");
  await shot(page, "outcome-form");
  await expectNoAxeViolations(page, "outcome form");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const sorry = page.getByRole("heading", { name: "We are so sorry" });
  await expect(sorry).toBeFocused();
  await expect(page.getByText("Miscarriage at 7 weeks 3 days, Mon, Apr 20, 2026")).toBeVisible();
  await expect(
    page.getByText("In an emergency, call your local emergency services first."),
  ).toBeVisible();
  await expect(page.getByText("Postpartum Support International")).toBeVisible();
  await expect(page.getByText("Numbers can change: check the website.")).toBeVisible();
  // No dates of a pregnancy any more, and nothing that cheers.
  await expect(page.getByText(/Estimated due date/)).toHaveCount(0);
  await shot(page, "loss-care");
  await expectNoAxeViolations(page, "after a loss");
  await page.getByRole("button", { name: "Turn on quiet mode" }).click();
  await expect(page.getByText(/Quiet mode is on\. You can turn it off in Settings/)).toBeVisible();

  // The bank still counts the same: the transferred embryo stays transferred.
  await openBank(page);
  expect(await statusCounts(page)).toEqual({ Frozen: 4, Transferred: 1 });
  await expect(page.getByText("4 embryos in the bank")).toBeVisible();

  // Today has nothing about pregnancy.
  await nav(page, "Today");
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expect(page.getByRole("main").getByText(/due date|weeks|pregnan|beta/i)).toHaveCount(0);

  // Remembrance, offered from the loss, filled in with its date.
  await openFromMore(page, "Transfers & outcomes");
  await page.getByRole("link", { name: "Transfer, Fri, Mar 20, 2026" }).click();
  await page.getByText("Someone to talk to").click();
  await page.getByRole("link", { name: "Make a remembrance page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Remembrance" })).toBeVisible();
  await expect(page.getByLabel("The day you remember (optional)")).toHaveValue("2026-04-20");
  await page.getByLabel("Name (optional)").fill("Little one");
  await page.getByLabel("A few words (optional)").fill("Seven weeks of hoping.");
  // Kept on this phone unless she chooses to share it; the card says so.
  await expect(
    page.getByRole("checkbox", { name: "Share this with the people you share Trellis with" }),
  ).not.toBeChecked();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Little one" })).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Little one" }).getByText("Only on this device"),
  ).toBeVisible();
  await shot(page, "remembrance");
  await expectNoAxeViolations(page, "remembrance");

  // Quiet mode shows as on in Settings, one tap to turn off.
  await page.goto("/settings");
  await expect(page.getByRole("switch", { name: "Quiet mode" })).toHaveAttribute(
    "aria-checked",
    "true",
  );

  // A storage fee due soon shows on Today, with one tap to mark it paid.
  await page.goto("/embryos/fees");
  await page.getByRole("button", { name: "Add a storage fee" }).click();
  await page.getByLabel("Clinic", { exact: true }).fill("Hudson Fertility");
  await page.getByLabel("Amount").fill("850");
  await page.getByLabel("Next due date").fill("2026-05-01");
  await page.getByRole("button", { name: "Save the fee" }).click();
  await expect(page.getByText("Next due Fri, May 1, 2026")).toBeVisible();
  await shot(page, "fees");
  await expectNoAxeViolations(page, "storage fees");
  await nav(page, "Today");
  await expect(
    page.getByText("Embryos at Hudson Fertility: $850.00, due Fri, May 1, 2026"),
  ).toBeVisible();
  await shot(page, "today-fee");
  await page
    .getByRole("button", { name: "Mark the fee at Hudson Fertility due Fri, May 1, 2026 as paid" })
    .click();
  await expect(page.getByText("Marked as paid. Next due Sat, May 1, 2027.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Storage fee due" })).toHaveCount(0);
});

for (const scheme of ["light", "dark"] as const) {
  test(`a long journey restored: every new screen passes axe in ${scheme} mode at 375 px`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.clock.install({ time: new Date("2024-06-13T19:00:00-04:00") });
    await page.emulateMedia({ colorScheme: scheme });
    const { file, ids } = mayaWholeJourney();
    await restore(page, file);

    await openBank(page);
    await expect(page.getByText("1 embryo in the bank")).toBeVisible();
    expect(await statusCounts(page)).toEqual({
      Frozen: 1,
      Transferred: 6,
      Discarded: 1,
      "Transferred to a carrier": 1,
    });
    await expect(page.getByRole("heading", { name: "Retrieval, Wed, Apr 15, 2015" })).toBeVisible();
    // Sex stays hidden until asked for.
    await expect(page.getByText(/Sex on the report/)).toHaveCount(0);
    await page.getByRole("checkbox", { name: "Show sex where it was recorded" }).check();
    await expect(page.getByText("Sex on the report: female (XX)")).toBeVisible();
    await page.getByRole("radio", { name: "In the bank now" }).check();
    await expect(page.locator(".embryo-card")).toHaveCount(1);
    await page.getByRole("radio", { name: "All embryos" }).check();

    const screens: [string, string, string][] = [
      ["bank-full", "/embryos", "Embryos"],
      ["cohort-2015", `/embryos/retrieval/${ids.r1}`, "Retrieval, Wed, Apr 15, 2015"],
      ["cohort-2022", `/embryos/retrieval/${ids.r2}`, "Retrieval, Mon, Feb 14, 2022"],
      ["thaw-eggs", "/embryos/eggs/thaw", "Thaw frozen eggs"],
      ["frozen-eggs-new", "/embryos/eggs/new", "Add eggs frozen earlier"],
      ["fees-list", "/embryos/fees", "Storage fees"],
      ["transfers", "/transfers", "Transfers & outcomes"],
      ["transfer-birth", `/transfers/${ids.t2}`, "Transfer, Mon, Aug 10, 2015"],
      ["transfer-loss", `/transfers/${ids.t4}`, "Transfer, Mon, Jun 1, 2020"],
      ["transfer-carrier", `/transfers/${ids.t6}`, "Transfer, Wed, Mar 8, 2023"],
      ["transfer-asks", `/transfers/${ids.t8}`, "Transfer, Mon, Jun 3, 2024"],
      ["paths", "/transfers/paths", "Carrier and adoption paths"],
      ["path-carrier", `/transfers/paths/${ids.path}`, "Jess"],
      ["remembrance-list", "/remembrance", "Remembrance"],
      ["settings", "/settings", "Settings"],
      ["today-overdue-fee", "/", "Today"],
    ];
    for (const [name, path, heading] of screens) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      if (path.startsWith("/embryos/retrieval") || path === "/embryos") {
        await expect(page.getByRole("figure").first()).toBeVisible();
      }
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
      await shot(page, `${name}-${scheme}`);
      await expectNoAxeViolations(page, `${path} (${scheme})`);
    }

    // After the 2024 loss, the next pregnancy's dates wait until asked for.
    await page.goto(`/transfers/${ids.t8}`);
    await expect(
      page.getByRole("heading", { name: "Pregnancy details are out of sight" }),
    ).toBeVisible();
    await expect(page.getByText(/Estimated due date/)).toHaveCount(0);
    await page.getByRole("button", { name: "Not now" }).click();
    await expect(
      page.getByText("They stay hidden. You can choose again here whenever you like."),
    ).toBeVisible();
    await page.getByRole("button", { name: "Show due date and weeks" }).click();
    await expect(page.getByText("Estimated due date: Wed, Feb 19, 2025")).toBeVisible();
    // The overdue fee is on Today; pregnancy is not.
    await nav(page, "Today");
    await expect(
      page.getByText(/Embryos and eggs at Harbor Reproductive: \$1,000\.00, was due/),
    ).toBeVisible();
    await expect(page.getByRole("main").getByText(/due date|weeks|pregnan/i)).toHaveCount(0);
  });
}
