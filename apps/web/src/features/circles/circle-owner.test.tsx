// @vitest-environment happy-dom
/**
 * The circle section on the owner's phone, against an in-memory `Circles`:
 * what it says without an account, making a circle, the status line in one
 * tap, the how-to-help note, letting someone in, removing them calmly, and
 * taking a post back.
 */
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en.ts";
import { clientEachTest, mountEachTest } from "../../testing/mount.tsx";
import { CircleScreen } from "./CircleScreen.tsx";
import { CirclesHome } from "./CirclesHome.tsx";
import { fakeCircles } from "./fake-circles.ts";
import { button, click, InCircles, labelled, settle, typeInto } from "./testing.tsx";

const view = mountEachTest();
const device = clientEachTest();

describe("the circle section", () => {
  it("says plainly that circles need an account, and links to making one", async () => {
    const circles = fakeCircles();
    await view.render(
      <InCircles client={device.client} circles={circles} account={null}>
        <CirclesHome />
      </InCircles>,
    );
    expect(view.host.textContent).toContain(en["circles.needAccount.title"]);
    expect(view.host.textContent).toContain("Your record stays private");
    const link = [...view.host.querySelectorAll("a")].find(
      (a) => a.textContent === en["circles.needAccount.create"],
    );
    expect(link?.getAttribute("href")).toBe("/account/create");
    expect(view.host.textContent).not.toContain(en["circles.new.title"]);
  });

  it("makes a circle from a suggestion in one tap, and refuses one without a name", async () => {
    const circles = fakeCircles();
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <CirclesHome />
      </InCircles>,
    );
    await settle();
    expect(view.host.textContent).toContain(en["circles.empty"]);
    await click(button(view.host, en["circles.new.create"]));
    expect(view.host.textContent).toContain(en["circles.new.nameNeeded"]);
    expect((await circles.list()).ok && (await circles.list())).toMatchObject({ value: [] });

    await click(button(view.host, "Parents"));
    expect(labelled(view.host, en["circles.new.name"]).value).toBe("Parents");
    await click(button(view.host, en["circles.new.create"]));
    const list = await circles.list();
    expect(list.ok && list.value.map((c) => c.name)).toEqual(["Parents"]);
    expect(location.pathname).toBe(`/circle/c/${list.ok && list.value[0]!.circleId}`);
  });

  it("shows what is new and who waits, but no counts in quiet mode", async () => {
    const circles = fakeCircles();
    const work = circles.add({ name: "Work", unseen: 2 });
    circles.someoneWaits(work, "colleague");
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <CirclesHome />
      </InCircles>,
    );
    await settle();
    expect(view.host.textContent).toContain("2 new");
    expect(view.host.textContent).toContain("1 person waiting to be let in");

    await device.client.changeDeviceSettings({ quietMode: true });
    await settle();
    expect(view.host.textContent).not.toContain("2 new");
  });
});

describe("a circle's page", () => {
  it("sets the status in one tap from a template, in the person's own words, and clears it", async () => {
    const circles = fakeCircles();
    const parents = circles.add({ name: "Parents" });
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <CircleScreen circleId={parents} />
      </InCircles>,
    );
    await settle();
    expect(view.host.textContent).toContain(en["circle.status.none"]);
    const words = en["circle.status.template.in-treatment"];
    await click(button(view.host, words));
    expect(circles.circle(parents).status).toMatchObject({ text: words, template: "in-treatment" });
    expect(button(view.host, words).getAttribute("aria-pressed")).toBe("true");

    await click(button(view.host, en["circle.status.setOwn"]));
    expect(view.host.textContent).toContain(en["circle.status.empty"]);
    expect(circles.circle(parents).status?.template).toBe("in-treatment");
    await typeInto(labelled(view.host, en["circle.status.own"]), "Back at work next week.");
    await click(button(view.host, en["circle.status.setOwn"]));
    expect(circles.circle(parents).status).toMatchObject({
      text: "Back at work next week.",
      template: "own",
    });

    await click(button(view.host, en["circle.status.clear"]));
    expect(circles.circle(parents).status).toBeUndefined();
    expect(view.host.textContent).toContain(en["circle.status.none"]);
  });

  it("keeps the how-to-help note the person writes", async () => {
    const circles = fakeCircles();
    const parents = circles.add({ name: "Parents" });
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <CircleScreen circleId={parents} />
      </InCircles>,
    );
    await settle();
    const note = labelled<HTMLTextAreaElement>(view.host, en["circle.help.label"]);
    await typeInto(note, "Meals help. Please don't ask about dates.");
    await click(button(view.host, en["circle.help.save"]));
    expect(circles.circle(parents).helpNote?.text).toBe(
      "Meals help. Please don't ask about dates.",
    );
  });

  it("lets a waiting person in only with a name, and removes them after a calm question", async () => {
    const circles = fakeCircles();
    const parents = circles.add({ name: "Parents" });
    circles.someoneWaits(parents, "mum");
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <CircleScreen circleId={parents} />
      </InCircles>,
    );
    await settle();
    expect(view.host.textContent).toContain(en["circle.members.waitingTitle"]);
    await click(button(view.host, /^Let in the person who joined on /));
    expect(view.host.textContent).toContain(en["circle.members.labelNeeded"]);
    expect(circles.circle(parents).members.find((m) => m.accountId === "mum")?.status).toBe(
      "pending",
    );

    await typeInto(labelled(view.host, en["circle.members.label"]), "Mum");
    await click(button(view.host, /^Let in the person who joined on /));
    expect(circles.circle(parents).members.find((m) => m.accountId === "mum")).toMatchObject({
      status: "active",
      label: "Mum",
    });

    await click(button(view.host, "Remove Mum"));
    const dialog = view.host.querySelector("dialog[open]");
    expect(dialog?.textContent).toContain("Remove Mum?");
    expect(dialog?.textContent).toContain("They will see nothing new from this circle.");
    await click(button(dialog as HTMLElement, en["circle.members.remove"]));
    expect(circles.circle(parents).members.map((m) => m.accountId)).toEqual(["me"]);
  });

  it("makes an invite link and says until when it works", async () => {
    const circles = fakeCircles(() => "2026-12-07T18:00:00.000Z");
    const work = circles.add({ name: "Work" });
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <CircleScreen circleId={work} />
      </InCircles>,
    );
    await settle();
    await click(button(view.host, en["circle.invite.create"]));
    const link = view.host.querySelector<HTMLTextAreaElement>("textarea.invite-link");
    expect(link?.value).toBe(`${location.origin}/circle#v=${work}&i=invite&t=token&o=key`);
    expect(view.host.textContent).toMatch(/It works once, until .*Dec 14/);
  });

  it("takes a post back after asking", async () => {
    const circles = fakeCircles();
    const parents = circles.add({ name: "Parents" });
    await circles.post({
      circleIds: [parents],
      text: "Scan went fine.",
      replies: false,
      reactions: false,
    });
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <CircleScreen circleId={parents} />
      </InCircles>,
    );
    await settle();
    expect(view.host.textContent).toContain("Scan went fine.");
    expect(view.host.textContent).toContain(en["circle.post.closed"]);
    await click(button(view.host, /^Take back the post of /));
    const dialog = view.host.querySelector("dialog[open]") as HTMLElement;
    await click(button(dialog, en["circle.post.takeBack"]));
    expect(circles.circle(parents).posts).toEqual([]);
    expect(view.host.textContent).not.toContain("Scan went fine.");
  });

  it("changes a sent post's words and lets it take replies, only when the person saves", async () => {
    const circles = fakeCircles();
    const parents = circles.add({ name: "Parents" });
    await circles.post({
      circleIds: [parents],
      text: "Scan on Friday.",
      replies: false,
      reactions: false,
    });
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <CircleScreen circleId={parents} />
      </InCircles>,
    );
    await settle();
    await click(button(view.host, /^Change the post of /));
    const words = labelled<HTMLTextAreaElement>(view.host, en["circle.post.text"]);
    expect(words.value).toBe("Scan on Friday.");
    await typeInto(words, "Scan moved to Monday.");
    const post = view.host.querySelector("article.post") as HTMLElement;
    await click(
      [...post.querySelectorAll<HTMLButtonElement>('[role="switch"]')].find((b) =>
        b.textContent?.includes(en["compose.replies"]),
      )!,
    );
    expect(circles.circle(parents).posts[0]).toMatchObject({
      text: "Scan on Friday.",
      replies: false,
    });
    await click(button(view.host, en["circle.post.changeSave"]));
    expect(circles.circle(parents).posts[0]).toMatchObject({
      text: "Scan moved to Monday.",
      replies: true,
      reactions: false,
    });
    expect(view.host.textContent).toContain(en["circle.post.repliesOn"]);
  });
});
