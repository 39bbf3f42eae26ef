/**
 * Discord's error bodies: `{ code, message }`, and for bad input the nested "Invalid Form Body"
 * tree (`{ embeds: { 0: { title: { _errors: [{ code, message }] } } } }`).
 */

/** What a route answers; the server adds headers and serialises `body` as JSON. */
export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function apiError(status: number, code: number, message: string, errors?: unknown): RouteResult {
  return { status, body: errors === undefined ? { message, code } : { message, code, errors } };
}

export const errors = {
  unauthorized: () => apiError(401, 0, "401: Unauthorized"),
  notFound: () => apiError(404, 0, "404: Not Found"),
  methodNotAllowed: () => apiError(405, 0, "405: Method Not Allowed"),
  unknownChannel: () => apiError(404, 10003, "Unknown Channel"),
  unknownGuild: () => apiError(404, 10004, "Unknown Guild"),
  unknownMember: () => apiError(404, 10007, "Unknown Member"),
  unknownMessage: () => apiError(404, 10008, "Unknown Message"),
  unknownWebhook: () => apiError(404, 10015, "Unknown Webhook"),
  unknownCommand: () => apiError(404, 10063, "Unknown application command"),
  unknownInteraction: () => apiError(404, 10062, "Unknown interaction"),
  missingAccess: () => apiError(403, 50001, "Missing Access"),
  missingPermissions: () => apiError(403, 50013, "Missing Permissions"),
  emptyMessage: () => apiError(400, 50006, "Cannot send an empty message"),
  invalidWebhookToken: () => apiError(401, 50027, "Invalid Webhook Token"),
  alreadyAcknowledged: () => apiError(400, 40060, "Interaction has already been acknowledged."),
  invalidFormBody: (tree: unknown) => apiError(400, 50035, "Invalid Form Body", tree),
  internal: () => apiError(500, 0, "500: Internal Server Error"),
};

/** Messages Discord writes for the common form-error codes. */
export const formMessages = {
  maxLength: (max: number) => ({
    code: "BASE_TYPE_MAX_LENGTH",
    message: `Must be ${max} or fewer in length.`,
  }),
  minLength: (min: number) => ({
    code: "BASE_TYPE_MIN_LENGTH",
    message: `Must be ${min} or more in length.`,
  }),
  required: () => ({ code: "BASE_TYPE_REQUIRED", message: "This field is required" }),
  notString: (value: unknown) => ({
    code: "BASE_TYPE_STRING",
    message: `Could not interpret "${JSON.stringify(value)}" as string.`,
  }),
};

/** One entry of an `_errors` list in Discord's "Invalid Form Body" tree. */
export interface FormError {
  code: string;
  message: string;
}

/** Collects errors at JSON paths and builds Discord's nested error tree. */
export class FormErrors {
  private readonly tree: Record<string, unknown> = {};
  private count = 0;

  add(path: Array<string | number>, error: FormError): void {
    let node = this.tree;
    for (const key of path) {
      const name = String(key);
      node[name] ??= {};
      node = node[name] as Record<string, unknown>;
    }
    node._errors ??= [];
    (node._errors as FormError[]).push(error);
    this.count++;
  }

  get empty(): boolean {
    return this.count === 0;
  }

  /** The tree, nested under `prefix` (e.g. `data` for interaction callbacks). */
  toJson(prefix: Array<string | number> = []): unknown {
    return prefix.reduceRight<unknown>((inner, key) => ({ [String(key)]: inner }), this.tree);
  }
}

/** Discord measures text in Unicode code points, not UTF-16 units (discord-api-docs#1315). */
export function textLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
