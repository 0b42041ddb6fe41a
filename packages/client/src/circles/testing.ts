/**
 * What the circle tests share (tests only): Maya with a record, an account
 * and her two circles, readers joining by link, letting the waiting in.
 */
import { expect } from "vitest";
import type { TrellisClient } from "../client.ts";
import type { syncDevices, TestDevice } from "../sync/test-devices.ts";
import { TEST_SERVER } from "../sync/test-devices.ts";

export const ORIGIN = "https://trellis.test";

export async function startJourney(client: TrellisClient): Promise<void> {
  const r = await client.record("JourneyCreated", {
    displayName: "Maya",
    dateOfBirth: "1988-03-02",
    homeZone: "Europe/London",
    createdAt: "2025-05-12T21:00:00+01:00[Europe/London]",
  });
  expect(r.ok).toBe(true);
}

export function ok<T>(r: { ok: true; value: T } | { ok: false; error: { reason: string } }): T {
  if (!r.ok) throw new Error(`expected success, got ${r.error.reason}`);
  return r.value;
}

export const fragmentOf = (link: string) => link.slice(link.indexOf("#"));

/** The circle fixtures on the devices of one test file. */
export function circleFixtures(devices: ReturnType<typeof syncDevices>) {
  /** Maya with a record, an account, and the two circles with a status each. */
  async function mayaWithCircles() {
    const maya = await devices.device();
    await startJourney(maya.client);
    await devices.account(maya, "maya");
    const c = maya.sync.circles;
    const parents = ok(await c.create("Parents")).circleId;
    const work = ok(await c.create("Work")).circleId;
    ok(
      await c.setStatus(parents, {
        template: "in-treatment",
        text: "In treatment. Please don't ask; we'll share news when we're ready.",
      }),
    );
    ok(await c.setStatus(work, { template: "taking-a-break", text: "We're taking a break." }));
    return { maya, parents, work };
  }

  async function reader(link: string, credentials?: { username: string; password: string }) {
    const d = await devices.device();
    const joined = await d.sync.circles.join({
      serverUrl: TEST_SERVER,
      fragment: fragmentOf(link),
      deviceName: "Mum's tablet",
      ...credentials,
    });
    return { device: d, circleId: ok(joined).circleId };
  }

  return { mayaWithCircles, reader };
}

/** The owner lets the one waiting member of `circleId` in. */
export async function letWaitingIn(maya: TestDevice, circleId: string, label: string) {
  const members = ok(await maya.sync.circles.members(circleId));
  const waiting = members.find((m) => m.status === "pending");
  if (!waiting) throw new Error("nobody waiting");
  ok(await maya.sync.circles.letIn(circleId, waiting.accountId, label));
  return waiting.accountId;
}
