// @vitest-environment happy-dom
import { act } from "react";
import { describe, expect, it } from "vitest";
import { enter, mountEachTest } from "../../testing/mount.tsx";
import { ConfirmButton } from "./buttons.tsx";
import { FormButtons } from "./FormButtons.tsx";
import { CheckField, NumberField, TextField, TimeField } from "./inputs.tsx";
import { PillCheck, PillChecks } from "./PillGroup.tsx";

const view = mountEachTest();

const buttons = () => [...view.host.querySelectorAll("button")];
const idle = { busy: false, formError: null };
const busy = { busy: true, formError: null };

describe("the form's buttons", () => {
  it("say what the form is doing while busy, in the form's own words when it has them", async () => {
    await view.render(<FormButtons form={busy} label="Sign in" busyLabel="Signing in…" />);
    expect(buttons().map((b) => [b.textContent, b.disabled])).toEqual([["Signing in…", true]]);
    await view.render(<FormButtons form={busy} label="Save" />);
    expect(buttons()[0]!.textContent).toBe("Saving…");
  });

  it("wait while the caller holds them back, and keep a cancel button with its own words", async () => {
    let cancelled = false;
    await view.render(
      <FormButtons
        form={idle}
        label="Continue"
        disabled
        onCancel={() => {
          cancelled = true;
        }}
        cancelLabel="Back"
      />,
    );
    expect(buttons().map((b) => [b.textContent, b.disabled])).toEqual([
      ["Continue", true],
      ["Back", false],
    ]);
    act(() => buttons()[1]!.click());
    expect(cancelled).toBe(true);
  });

  it("stay in reach at the bottom of a long form when sticky", async () => {
    await view.render(
      <FormButtons form={{ busy: false, formError: "Not saved: why." }} label="Start" sticky />,
    );
    expect(buttons()[0]!.parentElement!.className).toBe("sticky-action");
    expect(view.host.querySelector("[role=alert]")?.textContent).toBe("Not saved: why.");
  });
});

describe("a button that asks first", () => {
  it("looks as its tone says and waits while its form is busy", async () => {
    await view.render(
      <ConfirmButton
        tone="danger"
        disabled
        label="Revoke"
        spoken="Revoke the link made on Monday"
        title="Revoke this link?"
        body="It stops working."
        cancelLabel="Cancel"
        onConfirm={() => {}}
      />,
    );
    const button = buttons()[0]!;
    expect(button.className).toBe("button button-danger");
    expect(button.disabled).toBe(true);
    expect(button.getAttribute("aria-label")).toBe("Revoke the link made on Monday");
  });

  it("is quiet unless told otherwise", async () => {
    await view.render(
      <ConfirmButton
        label="Remove"
        title="Remove?"
        body="."
        cancelLabel="Keep"
        onConfirm={() => {}}
      />,
    );
    expect(buttons()[0]!.className).toBe("button button-quiet");
    expect(buttons()[0]!.disabled).toBe(false);
  });
});

describe("text and time fields", () => {
  it("take a password as typed: hidden, not capitalised, not corrected", async () => {
    await view.render(
      <TextField
        id="pw"
        label="Password"
        type="password"
        verbatim
        autoComplete="current-password"
        value=""
        onChange={() => {}}
      />,
    );
    const input = view.host.querySelector("input")!;
    expect({
      type: input.type,
      capitalize: input.getAttribute("autocapitalize"),
      spellcheck: input.getAttribute("spellcheck"),
      complete: input.getAttribute("autocomplete"),
    }).toEqual({
      type: "password",
      capitalize: "none",
      spellcheck: "false",
      complete: "current-password",
    });
  });

  it("leave the keyboard alone for other words", async () => {
    await view.render(<TextField id="note" label="Note" value="" onChange={() => {}} />);
    expect(view.host.querySelector("input")!.hasAttribute("autocapitalize")).toBe(false);
  });

  it("ask for a time of day with the field's error tied to it", async () => {
    await view.render(
      <TimeField id="at" label="Taken at" error="This is needed." value="" onChange={() => {}} />,
    );
    const input = view.host.querySelector("input")!;
    expect(input.type).toBe("time");
    expect(document.getElementById(input.getAttribute("aria-describedby")!)?.textContent).toBe(
      "This is needed.",
    );
  });
});

describe("a question answered with any of a few pills", () => {
  it("is read with its hint, each pill a checkbox in one row", async () => {
    await view.render(
      <PillChecks legend="Any of these?" hint="Tick all that apply.">
        <PillCheck label="Headache" checked={false} onChange={() => {}} />
        <PillCheck label="Chest pain" checked onChange={() => {}} />
      </PillChecks>,
    );
    const group = view.host.querySelector("fieldset")!;
    expect(group.querySelector("legend")!.textContent).toBe("Any of these?");
    expect(document.getElementById(group.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Tick all that apply.",
    );
    expect(
      [...group.querySelectorAll<HTMLInputElement>(".pill-row input")].map((i) => [
        i.type,
        i.checked,
      ]),
    ).toEqual([
      ["checkbox", false],
      ["checkbox", true],
    ]);
  });

  it("is left out when none of its pills is asked", async () => {
    await view.render(<PillChecks legend="Any of these?">{[].map(() => null)}</PillChecks>);
    expect(view.host.querySelector("fieldset")).toBeNull();
  });
});

describe("number and yes-or-no fields", () => {
  it("bring the number pad for whole steps and the decimal keyboard otherwise, empty while not a number", async () => {
    const modes = [];
    for (const step of ["1", "5", "any"]) {
      await view.render(
        <NumberField id="n" label="Minutes" step={step} value={Number.NaN} onChange={() => {}} />,
      );
      const input = view.host.querySelector("input")!;
      modes.push([input.inputMode, input.value]);
    }
    expect(modes).toEqual([
      ["numeric", ""],
      ["numeric", ""],
      ["decimal", ""],
    ]);
  });

  it("give back the number typed", async () => {
    const typed: number[] = [];
    await view.render(
      <NumberField id="n" label="Days" step="1" value={3} onChange={(n) => typed.push(n)} />,
    );
    const input = view.host.querySelector("input")!;
    await enter(input, "7");
    expect(typed).toEqual([7]);
  });

  it("read a checkbox with its hint and give back whether it is ticked", async () => {
    const ticked: boolean[] = [];
    await view.render(
      <CheckField
        id="names"
        label="Show medicine names"
        hint="Others may see your lock screen."
        checked={false}
        onChange={(on) => ticked.push(on)}
      />,
    );
    const box = view.host.querySelector<HTMLInputElement>("input[type=checkbox]")!;
    expect(box.closest("label")!.textContent).toBe("Show medicine names");
    expect(document.getElementById(box.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Others may see your lock screen.",
    );
    await act(async () => box.click());
    expect(ticked).toEqual([true]);
  });
});
