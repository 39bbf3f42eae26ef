/**
 * Interaction callbacks and the interaction webhook (edits of `@original`, follow-ups), with
 * Discord's rules: one callback per interaction (40060), within the deadline after it was sent
 * (10062); the webhook works only after a callback and for 15 minutes; a first follow-up after a
 * deferral fills the deferred `@original` instead of posting a new message.
 */
import { checkChoiceList } from "./command-validation.ts";
import { apiError, errors, FormErrors, type RouteResult } from "./errors.ts";
import { checkMessageBody } from "./message-limits.ts";
import type { Route, RouteContext } from "./router.ts";
import { applyEdit, asJson, buildMessageJson } from "./routes-messages.ts";
import type { InteractionState, StandInState } from "./state.ts";
import type { Json, PostedMessage } from "./types.ts";

const EPHEMERAL = 64;
const LOADING = 128;
/** Callback types a slash command (2) and an autocomplete request (4) may answer with. */
const ALLOWED_CALLBACKS: Record<number, number[]> = { 2: [4, 5, 9], 4: [8] };

export function interactionRoutes(state: StandInState): Route[] {
  const createMessage = (
    record: InteractionState,
    body: Json,
    context: RouteContext,
    extra: Json,
  ): PostedMessage => {
    const id = state.nextId();
    const payload = record.payload;
    const user = (payload.member as Json | undefined)?.user ?? payload.user;
    return {
      id,
      channelId: record.channelId,
      payload: body,
      message: buildMessageJson(state, {
        id,
        channelId: record.channelId,
        body,
        files: context.files,
        extra: {
          webhook_id: state.config.applicationId,
          application_id: state.config.applicationId,
          interaction_metadata: {
            id: record.id,
            type: record.type,
            user,
            name: (payload.data as Json).name,
            authorizing_integration_owners: payload.authorizing_integration_owners,
          },
          ...extra,
        },
      }),
      edits: [],
      files: context.files,
    };
  };

  const callback = (context: RouteContext): RouteResult => {
    const record = state.interactions.get(context.params.interactionId ?? "");
    if (!record) return errors.unknownInteraction();
    if (record.token !== context.params.token) return errors.invalidWebhookToken();
    if (record.callback) return errors.alreadyAcknowledged();
    if (state.config.now() - record.injectedAt > state.config.callbackDeadlineMs)
      return errors.unknownInteraction();
    const body = asJson(context.body);
    const type = body.type as number;
    const data = asJson(body.data);
    if (!ALLOWED_CALLBACKS[record.type]?.includes(type)) {
      return errors.invalidFormBody({
        type: {
          _errors: [
            { code: "INTERACTION_RESPONSE_TYPE_INVALID", message: "Invalid interaction response type" },
          ],
        },
      });
    }
    if (type === 4) {
      const invalid = checkMessageBody(data, { prefix: ["data"], files: context.files.length });
      if (invalid) return invalid;
      const flags = (typeof data.flags === "number" ? data.flags : 0) & (EPHEMERAL | 4 | 4096);
      record.original = createMessage(record, data, context, { type: 20, flags });
    } else if (type === 5) {
      const flags = ((typeof data.flags === "number" ? data.flags : 0) & EPHEMERAL) | LOADING;
      record.original = createMessage(record, {}, context, { type: 20, flags });
      record.loading = true;
    } else if (type === 8) {
      const invalid = checkAutocompleteResult(record, data);
      if (invalid) return invalid;
    }
    record.callback = body.data === undefined ? { type } : { type, data };
    state.changed();
    if (context.query.get("with_response") !== "true") return { status: 204 };
    const original = record.original;
    return {
      status: 200,
      body: {
        interaction: {
          id: record.id,
          type: record.type,
          activity_instance_id: null,
          response_message_id: original?.id ?? null,
          response_message_loading: record.loading,
          response_message_ephemeral: original
            ? ((original.message.flags as number) & EPHEMERAL) !== 0
            : false,
        },
        ...(original ? { resource: { type, message: original.message } } : {}),
      },
    };
  };

  /** The interaction behind a webhook URL, or the error Discord gives for it. */
  const webhookRecord = (context: RouteContext): InteractionState | RouteResult => {
    const record = state.interactionsByToken.get(context.params.token ?? "");
    if (!record || context.params.appId !== state.config.applicationId) return errors.unknownWebhook();
    if (state.config.now() - record.injectedAt > state.config.interactionTokenLifetimeMs) {
      return errors.invalidWebhookToken();
    }
    if (!record.callback || record.type !== 2) return errors.unknownWebhook();
    return record;
  };
  const webhookMessage = (
    context: RouteContext,
  ): { record: InteractionState; posted: PostedMessage } | RouteResult => {
    const record = webhookRecord(context);
    if ("status" in record) return record;
    const id = context.params.messageId;
    const posted =
      id === "@original" ? record.original : record.followUps.find((candidate) => candidate.id === id);
    return posted ? { record, posted } : errors.unknownMessage();
  };
  const finishLoading = (record: InteractionState) => {
    if (!record.loading || !record.original) return;
    record.loading = false;
    record.original.message.flags = (record.original.message.flags as number) & ~LOADING;
  };

  return [
    {
      method: "POST",
      pattern: "/interactions/:interactionId/:token/callback",
      auth: false,
      handle: callback,
    },
    {
      method: "POST",
      pattern: "/webhooks/:appId/:token",
      auth: false,
      handle: (context) => {
        const record = webhookRecord(context);
        if ("status" in record) return record;
        const body = asJson(context.body);
        const invalid = checkMessageBody(body, { files: context.files.length });
        if (invalid) return invalid;
        let posted: PostedMessage;
        if (record.loading && record.original) {
          // Discord turns the first follow-up after a deferral into the deferred message itself.
          posted = record.original;
          posted.payload = body;
          applyEdit(state, posted, { ...body, flags: undefined });
          finishLoading(record);
        } else {
          const flags = (typeof body.flags === "number" ? body.flags : 0) & (EPHEMERAL | 4 | 4096);
          posted = createMessage(record, body, context, { flags });
        }
        record.followUps.push(posted);
        state.changed();
        return context.query.get("wait") === "true" ? { status: 200, body: posted.message } : { status: 204 };
      },
    },
    {
      method: "GET",
      pattern: "/webhooks/:appId/:token/messages/:messageId",
      auth: false,
      handle: (context) => {
        const hit = webhookMessage(context);
        return "status" in hit ? hit : { status: 200, body: hit.posted.message };
      },
    },
    {
      method: "PATCH",
      pattern: "/webhooks/:appId/:token/messages/:messageId",
      auth: false,
      handle: (context) => {
        const hit = webhookMessage(context);
        if ("status" in hit) return hit;
        const body = asJson(context.body);
        const invalid = checkMessageBody(body, { partial: true });
        if (invalid) return invalid;
        // Flags other than suppress-embeds cannot change on edit (the ephemeral bit stays as sent).
        const flags = (hit.posted.message.flags as number) & ~4 & ~LOADING;
        applyEdit(state, hit.posted, body);
        hit.posted.message.flags = flags | (typeof body.flags === "number" ? body.flags & 4 : 0);
        finishLoading(hit.record);
        state.changed();
        return { status: 200, body: hit.posted.message };
      },
    },
    {
      method: "DELETE",
      pattern: "/webhooks/:appId/:token/messages/:messageId",
      auth: false,
      handle: (context) => {
        const hit = webhookMessage(context);
        if ("status" in hit) return hit;
        if (hit.posted === hit.record.original) hit.record.original = undefined;
        hit.record.followUps = hit.record.followUps.filter((posted) => posted !== hit.posted);
        state.changed();
        return { status: 204 };
      },
    },
  ];
}

function checkAutocompleteResult(record: InteractionState, data: Json): RouteResult | undefined {
  const choices = data.choices;
  if (!Array.isArray(choices)) {
    return errors.invalidFormBody({
      data: { choices: { _errors: [{ code: "BASE_TYPE_REQUIRED", message: "This field is required" }] } },
    });
  }
  const found = new FormErrors();
  if (choices.length > 25)
    found.add(["choices"], { code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length." });
  checkChoiceList(found, choices, focusedType(asJson(record.payload.data).options), ["choices"]);
  return found.empty ? undefined : apiError(400, 50035, "Invalid Form Body", found.toJson(["data"]));
}

/** The type of the option the user is typing in, searched through subcommands. */
function focusedType(options: unknown): number | undefined {
  if (!Array.isArray(options)) return undefined;
  for (const option of options as Json[]) {
    if (option.focused === true) return option.type as number;
    const inner = focusedType(option.options);
    if (inner !== undefined) return inner;
  }
  return undefined;
}
