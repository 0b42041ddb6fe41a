// @vitest-environment happy-dom
import { act, useState } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SelectField } from "./SelectField.tsx";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;

beforeEach(() => {
  host = document.body.appendChild(document.createElement("div"));
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const levels = [
  { value: "", label: "Not recorded" },
  { value: "low", label: "Low" },
  { value: "high", label: "High" },
] as const;

/** A mosaic level chosen from a list, as a form holds it. */
function Level({ error, onPick }: { error?: string; onPick: (v: string) => void }) {
  const [value, setValue] = useState<(typeof levels)[number]["value"]>("");
  return (
    <SelectField
      id="level"
      label="Mosaic level"
      hint="As the report says it."
      error={error}
      options={levels}
      value={value}
      onChange={(v) => {
        setValue(v);
        onPick(v);
      }}
    />
  );
}

const select = () => host.querySelector("select")!;
const described = () =>
  (select().getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent);

describe("SelectField", () => {
  it("offers the options in order, labelled, and gives back the one chosen", async () => {
    const picked: string[] = [];
    await act(async () => root.render(<Level onPick={(v) => picked.push(v)} />));
    expect(host.querySelector("label")!.htmlFor).toBe(select().id);
    expect([...select().options].map((o) => [o.value, o.textContent])).toEqual([
      ["", "Not recorded"],
      ["low", "Low"],
      ["high", "High"],
    ]);
    expect(described()).toEqual(["As the report says it."]);
    await act(async () => {
      select().value = "high";
      select().dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(picked).toEqual(["high"]);
    expect(select().value).toBe("high");
  });

  it("is read out with its error, and shows as a field in error", async () => {
    await act(async () => root.render(<Level error="Choose a level." onPick={() => {}} />));
    expect(select().getAttribute("aria-invalid")).toBe("true");
    expect(described()).toEqual(["As the report says it.", "Choose a level."]);
    expect(select().closest(".field")!.classList.contains("field-invalid")).toBe(true);
  });
});
