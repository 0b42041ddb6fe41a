// @vitest-environment happy-dom
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { enter, mountEachTest } from "../../testing/mount.tsx";
import { SelectField } from "./SelectField.tsx";

const view = mountEachTest();

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

const select = () => view.host.querySelector("select")!;
const described = () =>
  (select().getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent);

describe("SelectField", () => {
  it("offers the options in order, labelled, and gives back the one chosen", async () => {
    const picked: string[] = [];
    await view.render(<Level onPick={(v) => picked.push(v)} />);
    expect(view.host.querySelector("label")!.htmlFor).toBe(select().id);
    expect([...select().options].map((o) => [o.value, o.textContent])).toEqual([
      ["", "Not recorded"],
      ["low", "Low"],
      ["high", "High"],
    ]);
    expect(described()).toEqual(["As the report says it."]);
    await enter(select(), "high");
    expect(picked).toEqual(["high"]);
    expect(select().value).toBe("high");
  });

  it("is read out with its error, and shows as a field in error", async () => {
    await view.render(<Level error="Choose a level." onPick={() => {}} />);
    expect(select().getAttribute("aria-invalid")).toBe("true");
    expect(described()).toEqual(["As the report says it.", "Choose a level."]);
    expect(select().closest(".field")!.classList.contains("field-invalid")).toBe(true);
  });

  it("gives back a number option as the number it is", async () => {
    const picked: number[] = [];
    await view.render(
      <SelectField
        id="every"
        label="Every"
        options={[1, 2, 7].map((n) => ({ value: n, label: `Every ${n} days` }))}
        value={1}
        onChange={(n) => picked.push(n)}
      />,
    );
    await enter(select(), "7");
    expect(picked).toEqual([7]);
  });

  it("is read out with the other lines that describe it first", async () => {
    await view.render(
      <>
        <p id="number">The emergency number is 911.</p>
        <SelectField
          id="country"
          label="Country"
          hint="For the crisis lines."
          also={["number"]}
          options={[{ value: "US", label: "United States" }]}
          value="US"
          onChange={() => {}}
        />
      </>,
    );
    expect(described()).toEqual(["The emergency number is 911.", "For the crisis lines."]);
  });
});
