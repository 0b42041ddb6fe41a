// @vitest-environment happy-dom
import { act } from "react";
import { describe, expect, it } from "vitest";
import { clientEachTest, InApp, mountEachTest } from "../../testing/mount.tsx";
import { QuietButton } from "./buttons.tsx";
import { ChangeOrRemove } from "./ChangeOrRemove.tsx";

const app = clientEachTest();
const view = mountEachTest();

describe("change or remove an entry", () => {
  it("says each action with the entry's name from its words, other actions between", async () => {
    let editing = false;
    await view.render(
      <InApp client={app.client}>
        <ChangeOrRemove
          words="clinics"
          name="Hudson Fertility"
          onEdit={() => {
            editing = true;
          }}
          onRemove={() => {}}
        >
          <QuietButton label="Make current" onClick={() => {}} />
        </ChangeOrRemove>
      </InApp>,
    );
    const buttons = [
      ...view.host.querySelectorAll(".record-actions > button"),
    ] as HTMLButtonElement[];
    expect(buttons.map((b) => [b.textContent, b.getAttribute("aria-label")])).toEqual([
      ["Change", "Change Hudson Fertility"],
      ["Make current", null],
      ["Remove", "Remove Hudson Fertility"],
    ]);
    await act(async () => buttons[0]!.click());
    expect(editing).toBe(true);
  });
});
