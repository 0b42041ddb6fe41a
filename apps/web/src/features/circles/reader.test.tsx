// @vitest-environment happy-dom
/**
 * The reader's side, against an in-memory `Circles`: the join page (who
 * invited is not known yet; read on this device by default), the wait until
 * the person lets them in, and a circle read with its status first, replies
 * and reactions only where a post allows them.
 */
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en.ts";
import { clientEachTest, mountEachTest } from "../../testing/mount.tsx";
import { CircleScreen } from "./CircleScreen.tsx";
import type { PostInput } from "./circles-api.ts";
import { fakeCircles } from "./fake-circles.ts";
import { JoinCircle } from "./JoinCircle.tsx";
import { ReaderHome } from "./ReaderHome.tsx";
import { button, click, InCircles, labelled, settle, typeInto } from "./testing.tsx";

const view = mountEachTest();
const device = clientEachTest();
const fragment = "#v=circle-parents&i=invite-1&t=token&o=ownerkey";

describe("the join page", () => {
  it("says what a bad link is, and offers nothing to join", async () => {
    await view.render(
      <InCircles client={device.client} circles={fakeCircles()} account={null}>
        <JoinCircle fragment="#v=circle-parents&i=invite-1" onLetIn={() => {}} />
      </InCircles>,
    );
    expect(view.host.textContent).toContain(en["join.bad"]);
    expect(() => button(view.host, en["join.join"])).toThrow();
  });

  it("reads on this device only by default, then waits to be let in", async () => {
    const circles = fakeCircles();
    await view.render(
      <InCircles client={device.client} circles={circles} account={null}>
        <JoinCircle fragment={fragment} onLetIn={() => {}} />
      </InCircles>,
    );
    expect(view.host.textContent).toContain("You've been invited to read news in a Trellis circle");
    const radios = [...view.host.querySelectorAll<HTMLInputElement>("input[type=radio]")];
    expect(radios.map((r) => [r.value, r.checked])).toEqual([
      ["device", true],
      ["account", false],
    ]);
    expect(view.host.querySelector("input[type=password]")).toBeNull();

    await click(button(view.host, en["join.join"]));
    expect(view.host.textContent).toContain(en["join.waiting.title"]);
    expect(view.host.textContent).toContain(en["join.waiting.body"]);
    expect(circles.circle("circle-parents").state).toBe("waiting");
  });

  it("asks for a username and password only for a reader account", async () => {
    const circles = fakeCircles();
    await view.render(
      <InCircles client={device.client} circles={circles} account={null}>
        <JoinCircle fragment={fragment} onLetIn={() => {}} />
      </InCircles>,
    );
    await click(view.host.querySelector<HTMLInputElement>("input[value=account]")!);
    await click(button(view.host, en["join.join"]));
    expect(view.host.textContent).toContain(en["join.usernameNeeded"]);
    expect(view.host.textContent).toContain(en["join.passwordShort"]);
    expect((await circles.list()).ok && (await circles.list())).toMatchObject({ value: [] });
  });
});

describe("the reader's home", () => {
  const post = (text: string, allow: Partial<PostInput> = {}): PostInput => ({
    circleIds: ["c"],
    text,
    replies: false,
    reactions: false,
    ...allow,
  });

  it("shows the status first, the how-to-help note, and replies or reactions only where allowed", async () => {
    const circles = fakeCircles();
    const parents = circles.add({
      circleId: "c",
      name: "Parents",
      role: "viewer",
      status: {
        text: en["circle.status.template.in-treatment"],
        template: "in-treatment",
        setAt: "2026-12-01T10:00:00Z",
      },
      helpNote: { text: "A meal on Fridays would help.", setAt: "2026-12-01T10:00:00Z" },
    });
    await circles.post(post("Closed post."));
    await circles.post(post("Open post.", { replies: true, reactions: true }));
    const list = await circles.list();
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <ReaderHome circles={list.ok ? list.value : []} onOwnRecord={() => {}} />
      </InCircles>,
    );
    await settle();
    const text = view.host.textContent ?? "";
    const status = text.indexOf(en["circle.status.template.in-treatment"]);
    expect(status).toBeGreaterThan(-1);
    expect(status).toBeLessThan(text.indexOf("A meal on Fridays would help."));
    expect(text.indexOf("A meal on Fridays would help.")).toBeLessThan(text.indexOf("Open post."));
    expect(text).toContain(en["family.title"]);

    const articles = [...view.host.querySelectorAll("article.post")];
    const [open, closed] = articles as [HTMLElement, HTMLElement];
    expect(open.textContent).toContain("Open post.");
    expect(closed.querySelector("textarea")).toBeNull();
    expect(closed.querySelectorAll("button")).toHaveLength(0);
    await typeInto(labelled(open, en["circle.reply.label"]), "Thinking of you both.");
    await click(button(open, en["circle.reply.send"]));
    expect(circles.circle(parents).posts[0]?.replyList.map((r) => r.text)).toEqual([
      "Thinking of you both.",
    ]);
    await click(button(view.host, en["circle.react.hug"]));
    expect(circles.circle(parents).posts[0]?.myReaction).toBe("hug");
  });

  it("shows a circle not yet opened to the reader as waiting, not as missing", async () => {
    const circles = fakeCircles();
    const id = circles.add({ name: "", role: "viewer", state: "waiting", members: [] });
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <CircleScreen circleId={id} />
      </InCircles>,
    );
    await settle();
    expect(view.host.textContent).toContain(en["join.waiting.body"]);
    expect(view.host.textContent).not.toContain(en["circle.notFound"]);
  });

  it("stops reading on this phone only when asked twice: leaves every circle, erases what the phone kept", async () => {
    const circles = fakeCircles();
    circles.add({ circleId: "p", name: "Parents", role: "viewer" });
    circles.add({ name: "", role: "viewer", state: "waiting", members: [] });
    localStorage.setItem("trellis.circles.reader", "yes");
    await device.client.changeDeviceSettings({ quietMode: true });
    expect(device.client.deviceSettings.quietMode).toBe(true);
    const list = await circles.list();
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <ReaderHome circles={list.ok ? list.value : []} onOwnRecord={() => {}} />
      </InCircles>,
    );
    await settle();
    const stopping = [...view.host.querySelectorAll("section")].find(
      (s) => s.querySelector("h2")?.textContent === en["reader.stop.title"],
    );
    if (!stopping) throw new Error("no section for this phone");
    await click(button(stopping, en["reader.stop.start"]));
    expect(stopping.textContent).toContain(en["reader.stop.confirmBody"]);
    // Not yet: asking is not doing.
    const still = await circles.list();
    expect(still.ok && still.value).toHaveLength(2);
    await click(button(stopping, en["form.cancel"]));
    expect(() => button(stopping, en["reader.stop.confirm"])).toThrow();

    await click(button(stopping, en["reader.stop.start"]));
    await click(button(stopping, en["reader.stop.confirm"]));
    const after = await circles.list();
    expect(after.ok && after.value).toEqual([]);
    expect(localStorage.getItem("trellis.circles.reader")).toBeNull();
    // Erased: quiet mode, switched on above, is back to its default.
    expect(device.client.deviceSettings.quietMode).toBe(false);
  });
});
