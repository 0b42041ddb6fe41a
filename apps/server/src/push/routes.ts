/**
 * The push relay's HTTP API (no account needed): `GET /push/key`,
 * `POST /push/devices`, `PUT /push/devices/:deviceId/schedule` and
 * `DELETE /push/devices/:deviceId`, the last two with
 * `Authorization: Bearer <device secret>`. See docs/push.md.
 */
import { pushScheduleRequest } from "@trellis/sync";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { consume, rateCounter } from "../auth/rate-limit.ts";
import { serverHmac } from "../auth/secrets.ts";
import type { AppContext } from "../context.ts";
import { invalidRequest, unauthenticated } from "../http/errors.ts";
import { jsonBody, noContent, parseJsonRequest } from "../http/route-helpers.ts";
import { parseUuidParam, requireNoQuery } from "../http/validation.ts";
import { DAY_SECONDS } from "../quotas/checks.ts";
import { checkSchedule } from "./schedule.ts";
import {
  checkPushDevice,
  createPushDevice,
  deletePushDevice,
  replaceQueue,
  SECRET_BYTES,
} from "./store.ts";

const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/;

/** The bearer secret of a push device request, or 401. Never echoes the header. */
function bearerSecret(request: FastifyRequest): Buffer {
  const header = request.headers.authorization;
  const match = typeof header === "string" ? BEARER.exec(header) : null;
  const secret = match ? Buffer.from(match[1]!, "base64url") : undefined;
  if (
    secret === undefined ||
    secret.byteLength !== SECRET_BYTES ||
    secret.toString("base64url") !== match![1]
  ) {
    throw unauthenticated(
      "Send the push device's secret as Authorization: Bearer <secret> (from POST /push/devices).",
    );
  }
  return secret;
}

/** Unknown device and wrong secret answer alike: register a new device. */
const unknownDevice = () =>
  unauthenticated(
    "This push device is not registered here (or the secret is wrong); register a new one with POST /push/devices.",
  );

export function registerPushRoutes(api: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  api.get("/push/key", async (request) => {
    requireNoQuery(request.query);
    const secrets = await ctx.secrets();
    return { publicKey: secrets.vapid.publicKey.toString("base64url") };
  });

  api.post("/push/devices", async (request) => {
    requireNoQuery(request.query);
    // No body, or an empty JSON object.
    if (request.body !== undefined && request.body !== null) {
      const body = jsonBody(request);
      if (
        typeof body !== "object" ||
        Array.isArray(body) ||
        Object.keys(body as object).length > 0
      ) {
        throw invalidRequest("POST /push/devices takes no body (or an empty object {}).");
      }
    }
    const secrets = await ctx.secrets();
    await consume(
      db,
      [rateCounter(secrets, "push-device-ip", request.ip, ctx.rateLimits.pushDevicePerAddress)],
      (minutes) =>
        `Too many push devices registered from this address. Please wait ${minutes} min and try again.`,
    );
    return createPushDevice(db);
  });

  api.put<{ Params: { deviceId: string } }>(
    "/push/devices/:deviceId/schedule",
    async (request, reply) => {
      const deviceId = parseUuidParam(request.params.deviceId, "deviceId");
      const secret = bearerSecret(request);
      const body = parseJsonRequest(request, pushScheduleRequest);
      const schedule = checkSchedule(body, ctx.push.allowHosts);
      const secrets = await ctx.secrets();
      await db.transaction(async (tx) => {
        if (!(await checkPushDevice(tx, deviceId, secret, true))) throw unknownDevice();
        const limit = ctx.quotas.pushSchedulesPerDay;
        // The shared counter of auth/rate-limit.ts, one per device and day.
        await consume(
          tx,
          [
            {
              key: serverHmac(secrets, "quota|push-schedules", deviceId),
              rule: { limit, windowSeconds: DAY_SECONDS },
            },
          ],
          () =>
            `This push device has sent its schedule ${limit} times today, as many as this server takes; try again later.`,
        );
        await replaceQueue(tx, deviceId, schedule.endpoint, schedule.items);
      });
      return noContent(reply);
    },
  );

  api.delete<{ Params: { deviceId: string } }>(
    "/push/devices/:deviceId",
    async (request, reply) => {
      const deviceId = parseUuidParam(request.params.deviceId, "deviceId");
      const secret = bearerSecret(request);
      requireNoQuery(request.query);
      await db.transaction(async (tx) => {
        if (!(await checkPushDevice(tx, deviceId, secret, true))) throw unknownDevice();
        await deletePushDevice(tx, deviceId);
      });
      return noContent(reply);
    },
  );
}
