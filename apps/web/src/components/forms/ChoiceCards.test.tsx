// @vitest-environment happy-dom
import { act, useState } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n.tsx";
import { refusalText } from "../../i18n/refusals.ts";
import { clientEachTest, InApp, mountEachTest } from "../../testing/mount.tsx";
import { ChoiceChecks, ChoiceGroup } from "./ChoiceCards.tsx";
import { type Form, useForm } from "./use-form.ts";

const embryos = [
  { value: "e1", title: "4AA · Day-5 blastocyst", body: "Frozen at Hudson Fertility" },
  { value: "e2", title: "4AB · Day-5 blastocyst", body: "Frozen at Hudson Fertility" },
];

let form!: Form<"embryoIds" | "outcome">;
let chosen: string[] = [];

/** Which embryos, and what happened: the two ways the pregnancy forms ask with cards. */
function Cards() {
  form = useForm<"embryoIds" | "outcome">();
  const [ids, setIds] = useState<string[]>([]);
  const [kind, setKind] = useState<"negative" | "birth" | null>(null);
  chosen = ids;
  return (
    <form>
      <ChoiceChecks
        {...form.field("embryoIds")}
        legend="Which embryos"
        hint="From the bank."
        options={embryos}
        values={ids}
        onChange={setIds}
      />
      <ChoiceGroup
        {...form.field("outcome")}
        legend="What happened"
        options={[
          { value: "negative", title: "Negative test" },
          { value: "birth", title: "Birth", body: "A baby, or babies, born." },
        ]}
        value={kind}
        onChange={setKind}
      />
    </form>
  );
}

const app = clientEachTest();
const view = mountEachTest();

beforeEach(() =>
  view.render(
    <InApp client={app.client}>
      <Cards />
    </InApp>,
  ),
);

const box = (title: string) =>
  [...view.host.querySelectorAll("label")]
    .find((l) => l.querySelector(".choice-title")?.textContent === title)!
    .querySelector("input")!;
const described = (el: Element) =>
  (el.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent)
    .join(" ");

describe("choice cards", () => {
  it("check and uncheck embryos, and mark the chosen cards", async () => {
    await act(async () => box("4AB · Day-5 blastocyst").click());
    await act(async () => box("4AA · Day-5 blastocyst").click());
    expect(chosen).toEqual(["e2", "e1"]);
    await act(async () => box("4AB · Day-5 blastocyst").click());
    expect(chosen).toEqual(["e1"]);
    expect(box("4AA · Day-5 blastocyst").closest("label")!.className).toBe("choice choice-on");
    expect(box("4AB · Day-5 blastocyst").closest("label")!.className).toBe("choice");
  });

  it("choose one answer of a group, said with its line", async () => {
    await act(async () => box("Birth").click());
    expect(box("Birth").checked).toBe(true);
    expect(box("Negative test").checked).toBe(false);
    expect(view.host.textContent).toContain("A baby, or babies, born.");
  });

  it("take a refusal about any embryo beside the list, read with its legend, focus on the first card", async () => {
    const list = view.host.querySelector("fieldset")!;
    expect(described(list)).toBe("From the bank.");
    const refused = { reason: "unknown-embryo", field: "payload.embryoIds.1" } as const;
    await act(async () => form.refuse(refused));
    const words = refusalText(createI18n(["en"]), refused);
    expect(words).not.toBe("");
    expect(described(list)).toBe(`From the bank. ${words}`);
    expect(document.activeElement).toBe(box("4AA · Day-5 blastocyst"));
  });

  it("show a local check beside the group it is about", async () => {
    await act(async () => form.fail({ outcome: "This is needed." }));
    const group = view.host.querySelectorAll("fieldset")[1]!;
    expect(described(group)).toBe("This is needed.");
    expect(document.activeElement).toBe(box("Negative test"));
  });
});
