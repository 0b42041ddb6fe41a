/**
 * Validating request bodies against the zod schemas of the wire contract
 * (@trellis/sync), turning the first problem into an `invalid-request`
 * whose message starts with the field it is about
 * (`rootKeyWraps.exportKey must be unpadded base64url.`). Messages never
 * quote the value that was sent.
 */
import { invalidRequest } from "./errors.ts";

/** What we need of a zod schema. */
export interface WireSchema<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
}

interface Issue {
  code?: string;
  path?: readonly PropertyKey[];
  message?: string;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  keys?: readonly string[];
  values?: readonly unknown[];
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A client-chosen key, shortened and quoted when it isn't a plain name. */
function keyText(key: string): string {
  if (IDENTIFIER.test(key) && key.length <= 40) return key;
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

/** `["events", 2, "body"]` -> `events[2].body`. */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else {
      const text = keyText(String(part));
      out += out === "" ? text : `.${text}`;
    }
  }
  return out;
}

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "an array",
};

/** zod's own messages start like this; a schema's custom message ("must be a lowercase UUID") does not. */
const isDefaultMessage = (message: string) => /^(Invalid|Too |Unrecognized|Expected)/.test(message);

function describeIssue(issue: Issue): string {
  const path = issue.path ?? [];
  const field = fieldName(path);
  const subject = field === "" ? "The request body" : field;
  const custom =
    issue.message !== undefined && !isDefaultMessage(issue.message) ? issue.message : undefined;
  switch (issue.code) {
    case "invalid_type": {
      if (/received undefined$/.test(issue.message ?? "")) return `${subject} is required.`;
      if (field === "") return "The request body must be a JSON object.";
      return `${subject} must be ${EXPECTED[issue.expected ?? ""] ?? issue.expected ?? "something else"}.`;
    }
    case "too_small":
    case "too_big": {
      if (custom !== undefined) return `${subject} ${custom}.`;
      const small = issue.code === "too_small";
      const bound = Number(small ? issue.minimum : issue.maximum);
      const atLeast = small ? "at least" : "at most";
      if (issue.origin === "string")
        return `${subject} must be ${atLeast} ${bound} characters long.`;
      if (issue.origin === "array") return `${subject} must hold ${atLeast} ${bound} items.`;
      return `${subject} must be ${atLeast} ${bound}.`;
    }
    case "invalid_value": {
      const values = (issue.values ?? []).map((v) => JSON.stringify(v)).join(", ");
      return `${subject} must be one of ${values}.`;
    }
    case "unrecognized_keys": {
      const key = issue.keys?.[0] ?? "";
      return `${fieldName([...path, key])} is not an allowed field.`;
    }
    default:
      return `${subject} ${custom ?? "is not in the right format"}.`;
  }
}

/** Parses `value` with `schema`, or throws a 400 `invalid-request` naming the field. */
export function parseWith<T>(schema: WireSchema<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = (result.error.issues[0] ?? {}) as Issue;
  throw invalidRequest(describeIssue(first));
}

/**
 * Decodes canonical unpadded base64url (the schemas already checked the
 * alphabet). With `bytes`, also checks the decoded length.
 */
export function decodeBase64Url(text: string, field: string, bytes?: number): Buffer {
  const decoded = Buffer.from(text, "base64url");
  if (decoded.toString("base64url") !== text) {
    throw invalidRequest(`${field} must be canonical unpadded base64url.`);
  }
  if (bytes !== undefined && decoded.byteLength !== bytes) {
    throw invalidRequest(`${field} must be ${bytes} bytes (it is ${decoded.byteLength}).`);
  }
  return decoded;
}
