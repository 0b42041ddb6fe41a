// @vitest-environment happy-dom
import { type EventStorage, memoryStorage, openClient, type TrellisClient } from "@trellis/client";
import { act, type FormEvent, useState } from "react";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n.tsx";
import { refusalText } from "../../i18n/refusals.ts";
import { clientEachTest, InApp, mountEachTest } from "../../testing/mount.tsx";
import { FieldError } from "./Field.tsx";
import { FormButtons } from "./FormButtons.tsx";
import { TextField } from "./inputs.tsx";
import { type FormOptions, type Found, useForm } from "./use-form.ts";

const i18n = createI18n(["en"]);
const writtenAt = "2026-03-02T21:00:00-05:00[America/New_York]";

/** A memory log whose writes wait until `open()`: the save is seen under way. */
function gatedStorage(): EventStorage & { open(): void } {
  const inner = memoryStorage();
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    ...inner,
    async appendEvents(events, origin) {
      await gate;
      return inner.appendEvents(events, origin);
    },
    open,
  };
}

type Name = "note" | "title";

/**
 * A note form as a feature would write it: a title (a plain input wired by
 * hand) and the note (a kit `TextField`), a local check, and a save.
 */
function NoteForm({
  options,
  check,
  text,
}: {
  options?: FormOptions<Name>;
  check?: () => Found<Name>;
  text: string;
}) {
  const form = useForm<Name>(options);
  const [title, setTitle] = useState("");
  async function save(e: FormEvent) {
    e.preventDefault();
    if (check && form.fail(check())) return;
    await form.record("JournalNoteAdded", { noteId: form.newId(), text, writtenAt });
  }
  return (
    <form onSubmit={save} noValidate>
      <label htmlFor={form.id("title")}>Title</label>
      <input {...form.input("title")} value={title} onChange={(e) => setTitle(e.target.value)} />
      <FieldError {...form.field("title")} />
      <TextField {...form.field("note")} label="Note" value={text} onChange={() => {}} />
      <FormButtons form={form} label="Save note" />
    </form>
  );
}

const app = clientEachTest();
const view = mountEachTest();

const show = (form: React.ReactNode, c: TrellisClient = app.client) =>
  view.render(<InApp client={c}>{form}</InApp>);

async function submit() {
  await act(async () => {
    view.host.querySelector("form")!.requestSubmit();
  });
}

const input = (label: string) => {
  const id = [...view.host.querySelectorAll("label")].find((l) => l.textContent === label)!.htmlFor;
  return document.getElementById(id) as HTMLInputElement;
};

/** How the page shows a field in error: what assistive tech hears and what has focus. */
function shownAt(el: HTMLInputElement) {
  return {
    invalid: el.getAttribute("aria-invalid"),
    description: (el.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent)
      .join(" "),
    inRedField: el.closest(".field")?.classList.contains("field-invalid") ?? false,
    focused: document.activeElement === el,
  };
}

const tooShort = refusalText(i18n, {
  reason: "too-short",
  field: "payload.text",
  params: { min: 1 },
});

describe("useForm", () => {
  it("puts a refusal beside the field it names, through the form's map", async () => {
    await show(<NoteForm text="" options={{ from: { text: "note" } }} />);
    await submit();
    expect(tooShort).toBe("Please write something here.");
    expect(shownAt(input("Note"))).toEqual({
      invalid: "true",
      description: tooShort,
      inRedField: true,
      focused: true,
    });
    expect(view.host.querySelector("[role=alert]")).toBeNull();
    expect(app.client.state.eventCount).toBe(0);
  });

  it("says a refusal about a field the form does not show on the form's own line", async () => {
    await show(<NoteForm text="" />);
    await submit();
    expect(view.host.querySelector("[role=alert]")?.textContent).toBe(`Not saved: ${tooShort}`);
    expect(input("Note").getAttribute("aria-invalid")).toBeNull();
    expect(input("Title").getAttribute("aria-invalid")).toBeNull();
  });

  it("is busy while recording, then not, and clears what it showed once saved", async () => {
    const storage = gatedStorage();
    const gated = await openClient({ storage });
    const button = () => view.host.querySelector<HTMLButtonElement>("button[type=submit]")!;
    await show(<NoteForm text="" options={{ from: { text: "note" } }} />, gated);
    await submit();
    expect(input("Note").getAttribute("aria-invalid")).toBe("true");

    await show(<NoteForm text="Scan at 8" options={{ from: { text: "note" } }} />, gated);
    await submit();
    expect(button().disabled).toBe(true);
    expect(button().textContent).toBe("Saving…");
    expect(input("Note").getAttribute("aria-invalid")).toBe("true");

    await act(async () => {
      storage.open();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(button().disabled).toBe(false);
    expect(button().textContent).toBe("Save note");
    expect(input("Note").getAttribute("aria-invalid")).toBeNull();
    expect(gated.state.eventCount).toBe(1);
    gated.close();
  });

  it("moves focus to the first field in error, in the order the form reads", async () => {
    await show(
      <NoteForm text="Scan at 8" check={() => ({ note: "Later field.", title: "First field." })} />,
    );
    await submit();
    expect(shownAt(input("Title"))).toMatchObject({ invalid: "true", focused: true });
    expect(shownAt(input("Note"))).toMatchObject({ invalid: "true", focused: false });
    expect(app.client.state.eventCount).toBe(0);
  });

  it("shows a local check exactly as it shows a refusal", async () => {
    // Ids differ from one form to the next; everything else must not.
    const page = () => view.host.innerHTML.replace(/(id|for|aria-describedby)="[^"]*"/g, '$1=""');
    await show(<NoteForm key="local" text="" check={() => ({ note: tooShort })} />);
    await submit();
    const local = { at: shownAt(input("Note")), page: page() };
    expect(local.at.invalid).toBe("true");

    await show(<NoteForm key="refused" text="" options={{ from: { text: "note" } }} />);
    expect(input("Note").getAttribute("aria-invalid")).toBeNull();
    await submit();
    expect({ at: shownAt(input("Note")), page: page() }).toEqual(local);
  });

  it("says a refusal for a list action in a toast when asked to", async () => {
    await show(<NoteForm text="" options={{ formLine: "toast" }} />);
    await submit();
    expect(view.host.querySelector("[role=alert]")).toBeNull();
    expect(view.host.querySelector("[role=status]")?.textContent).toBe(`Not saved: ${tooShort}`);
  });

  it("lets the form word a refusal beside its field", async () => {
    const options: FormOptions<Name> = {
      from: { text: "note" },
      words: (text, p, field) => `${field} (${p.reason}): ${text}`,
    };
    await show(<NoteForm text="" options={options} />);
    await submit();
    expect(shownAt(input("Note")).description).toBe(`note (too-short): ${tooShort}`);
  });

  it("lets the form word its own line, inline or in a toast", async () => {
    const formWords = (text: string) => `Quiet mode could not be turned off: ${text}`;
    await show(<NoteForm text="" options={{ formWords }} />);
    await submit();
    expect(view.host.querySelector("[role=alert]")?.textContent).toBe(formWords(tooShort));

    await show(<NoteForm key="toast" text="" options={{ formWords, formLine: "toast" }} />);
    await submit();
    expect(view.host.querySelector("[role=status]")?.textContent).toBe(formWords(tooShort));
  });
});
