/**
 * Log serializers. Logs may contain what a request was (method, route, status)
 * but never what it carried: no bodies, no headers, no query strings, and no
 * error details that can quote input.
 */

interface RequestLike {
  method?: string;
  url?: string;
  routeOptions?: { url?: string };
}

export function serializeRequest(req: RequestLike): { [key: string]: unknown } {
  return { method: req.method, url: req.url?.split("?")[0] };
}

export function serializeResponse(res: { statusCode?: number }): { [key: string]: unknown } {
  return { statusCode: res.statusCode };
}

/**
 * Keeps an error's type, code, message and stack, and drops every other
 * property. PostgreSQL errors carry `detail` / `where` fields that can
 * contain row values (e.g. "Failing row contains (...)", which would include
 * ciphertext); parse errors (SyntaxError) quote the text they failed on.
 */
export interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

export function serializeError(value: unknown): SerializedError {
  if (!(value instanceof Error)) return { type: typeof value, message: "", stack: "" };
  const quotesInput = value instanceof SyntaxError;
  const message = quotesInput ? "(message withheld: it may quote request input)" : value.message;
  const stackLines = (value.stack ?? "").split("\n");
  const stack = quotesInput
    ? [`${value.name}: ${message}`, ...stackLines.filter((line) => /^\s+at /.test(line))].join("\n")
    : (value.stack ?? "");
  const code = (value as { code?: unknown }).code;
  return {
    type: value.name,
    message,
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    stack,
  };
}
