import { addDays, Temporal } from "@trellis/domain";
import { describe, expect, it } from "vitest";
import { fiveYearJourney } from "./journey.ts";
import { renderTodayHtml } from "./render-today.tsx";

/**
 * The bench renders the real Today screen outside a browser; this keeps that
 * possible (every hook needs a server snapshot) and checks what it renders
 * for an owner and for a viewer on an evening between cycles.
 */
describe("Today rendered outside a browser", () => {
  const { recorder, lastDay } = fiveYearJourney({ notesTo: 200 });
  const day = addDays(lastDay, -30);
  const nowMs = Temporal.PlainDateTime.from(`${day}T20:00`).toZonedDateTime(
    "America/New_York",
  ).epochMilliseconds;

  it("greets her and offers the daily check-in", () => {
    const html = renderTodayHtml(recorder.state, nowMs);
    expect(html).toContain("Hello, Maya.");
    expect(html).toMatch(/>Check in</);
    expect(html).not.toContain("read-only-note");
  });

  it("shows a viewer the same day with nothing to record, and says why", () => {
    const html = renderTodayHtml(recorder.state, nowMs, { canRecord: false });
    expect(html).toContain("Hello, Maya.");
    expect(html).not.toMatch(/>Check in</);
    expect(html).toContain("read-only-note");
  });
});
