/**
 * The gateway half, over `ws`: HELLO on connect; IDENTIFY → READY (guilds unavailable) then one
 * GUILD_CREATE per guild; heartbeat → ACK; RESUME → the events missed since `seq`, then RESUMED.
 * Sessions outlive their socket (so a dropped client can resume) until the client closes with
 * 1000/1001. Compression: `compress=zlib-stream` and IDENTIFY `compress: true` are both honoured.
 * Not modelled: heartbeat timeouts, presence and voice updates, member chunking.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import zlib from "node:zlib";
import { type WebSocket, WebSocketServer } from "ws";
import { guildCreateJson } from "./guilds.ts";
import type { StandInState } from "./state.ts";
import type { GatewayStats, Json } from "./types.ts";

const GUILDS_INTENT = 1;
const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
const REPLAY_LIMIT = 1000;

interface Payload {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

/** A close code and reason, for a payload the gateway refuses. */
type Refusal = [number, string];

interface Session {
  id: string;
  shard: [number, number];
  intents: number;
  seq: number;
  connection: Connection | undefined;
  /** Dispatches sent in this session, for replay on RESUME. */
  sent: Payload[];
}

interface Connection {
  socket: WebSocket;
  session: Session | undefined;
  /** Shared deflate context for `compress=zlib-stream`. */
  stream: zlib.Deflate | undefined;
  /** IDENTIFY `compress: true`: every later payload is zlib-deflated on its own. */
  deflateEach: boolean;
}

export type Gateway = ReturnType<typeof createGateway>;

export function createGateway(state: StandInState, url: () => string) {
  const server = new WebSocketServer({ noServer: true });
  const sessions = new Map<string, Session>();
  const connections = new Set<Connection>();
  const stats: Omit<GatewayStats, "open"> = {
    connections: 0,
    identifies: 0,
    resumes: 0,
    replayed: 0,
    heartbeats: 0,
  };
  const log = state.config.log;

  const send = (connection: Connection, payload: Payload): void => {
    const text = JSON.stringify(payload);
    const { socket, stream } = connection;
    if (stream) {
      stream.write(text);
      stream.flush(zlib.constants.Z_SYNC_FLUSH, () => {
        const chunk = stream.read() as Buffer | null;
        if (chunk && socket.readyState === socket.OPEN) socket.send(chunk);
      });
    } else if (connection.deflateEach) {
      socket.send(zlib.deflateSync(text));
    } else {
      socket.send(text);
    }
  };

  const dispatchTo = (session: Session, t: string, d: unknown): void => {
    session.seq++;
    const payload: Payload = { op: 0, d, s: session.seq, t };
    session.sent.push(payload);
    if (session.sent.length > REPLAY_LIMIT) session.sent.shift();
    if (session.connection) send(session.connection, payload);
  };

  /** Which shard receives a guild's events: `(guild_id >> 22) % shard_count`, as Discord. */
  const shardOf = (guildId: string | undefined, count: number) =>
    guildId === undefined ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(count));

  /** Validates IDENTIFY and starts a session; returns the close Discord would send instead. */
  const identify = (connection: Connection, d: Json): Refusal | undefined => {
    if (connection.session) return [4005, "Already authenticated."];
    if (d.token !== state.config.token) return [4004, "Authentication failed."];
    const shard = (Array.isArray(d.shard) ? d.shard : [0, 1]) as [number, number];
    if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) return [4010, "Invalid shard."];
    if (typeof d.intents !== "number") return [4013, "Invalid intent(s)."];
    if (d.intents & PRIVILEGED_INTENTS && !state.config.allowPrivilegedIntents)
      return [4014, "Disallowed intent(s)."];
    connection.deflateEach = d.compress === true && !connection.stream;
    const session: Session = {
      id: randomBytes(16).toString("hex"),
      shard,
      intents: d.intents,
      seq: 0,
      connection,
      sent: [],
    };
    sessions.set(session.id, session);
    connection.session = session;
    stats.identifies++;
    const guilds = [...state.guilds.values()].filter((guild) => shardOf(guild.id, shard[1]) === shard[0]);
    dispatchTo(session, "READY", {
      v: 10,
      user_settings: {},
      user: state.config.botUser,
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      session_type: "normal",
      resume_gateway_url: url(),
      shard,
      application: { id: state.config.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
      _trace: ["stand-in"],
    });
    if (session.intents & GUILDS_INTENT) {
      for (const guild of guilds) dispatchTo(session, "GUILD_CREATE", guildCreateJson(state, guild));
    }
    return undefined;
  };

  /** Re-attaches a session to this socket, replays what it missed, then RESUMED. */
  const resume = (connection: Connection, d: Json): Refusal | undefined => {
    if (connection.session) return [4005, "Already authenticated."];
    if (d.token !== state.config.token) return [4004, "Authentication failed."];
    const session = sessions.get(String(d.session_id));
    if (!session) {
      send(connection, { op: 9, d: false, s: null, t: null });
      return undefined;
    }
    const seq = typeof d.seq === "number" ? d.seq : 0;
    if (seq > session.seq) return [4007, "Invalid seq."];
    if (session.connection) session.connection.socket.terminate();
    session.connection = connection;
    connection.session = session;
    stats.resumes++;
    for (const payload of session.sent) {
      if (payload.s === null || payload.s <= seq) continue;
      send(connection, payload);
      stats.replayed++;
    }
    dispatchTo(session, "RESUMED", { _trace: ["stand-in"] });
    return undefined;
  };

  const receive = (connection: Connection, data: string): Refusal | undefined => {
    let payload: Json;
    try {
      payload = JSON.parse(data) as Json;
    } catch {
      return [4002, "Error while decoding payload."];
    }
    const d = (payload.d ?? {}) as Json;
    switch (payload.op) {
      case 1:
        stats.heartbeats++;
        send(connection, { op: 11, d: null, s: null, t: null });
        return undefined;
      case 2:
        return identify(connection, d);
      case 6:
        return resume(connection, d);
      case 3:
      case 4:
      case 8:
        return connection.session ? undefined : [4003, "Not authenticated."];
      default:
        log(`stand-in gateway: unknown opcode ${String(payload.op)}`);
        return [4001, "Unknown opcode."];
    }
  };

  /** Checks the connection URL's `v`, `encoding` and `compress`. */
  const checkQuery = (query: URLSearchParams): Refusal | undefined => {
    if (query.get("v") !== "10") return [4012, "Invalid API version."];
    if ((query.get("encoding") ?? "json") !== "json") return [4002, "The stand-in speaks JSON only."];
    const compress = query.get("compress");
    if (compress !== null && compress !== "zlib-stream")
      return [4000, `Unsupported compression ${compress}.`];
    return undefined;
  };

  server.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    const query = new URL(request.url ?? "/", "http://stand-in.invalid").searchParams;
    const connection: Connection = {
      socket,
      session: undefined,
      stream: query.get("compress") === "zlib-stream" ? zlib.createDeflate() : undefined,
      deflateEach: false,
    };
    connections.add(connection);
    stats.connections++;
    socket.on("close", (code) => {
      connections.delete(connection);
      connection.stream?.close();
      const session = connection.session;
      if (session?.connection === connection) session.connection = undefined;
      // A client that closes normally ends its session; any other close leaves it resumable.
      if (session && (code === 1000 || code === 1001)) sessions.delete(session.id);
    });
    socket.on("message", (data, isBinary) => {
      const refusal: Refusal | undefined = isBinary
        ? [4002, "Error while decoding payload."]
        : receive(connection, data.toString());
      if (refusal) socket.close(...refusal);
    });
    const refusal = checkQuery(query);
    if (refusal) {
      socket.close(...refusal);
      return;
    }
    send(connection, {
      op: 10,
      d: { heartbeat_interval: state.config.heartbeatIntervalMs, _trace: [] },
      s: null,
      t: null,
    });
  });

  return {
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
      if (!request.url?.startsWith("/gateway")) {
        socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
        return;
      }
      server.handleUpgrade(request, socket, head, (ws) => server.emit("connection", ws, request));
    },
    /** Sends an event to every session (buffered while disconnected) whose shard owns `guildId`. */
    dispatch(t: string, d: unknown, guildId: string | undefined, intent?: number): number {
      let reached = 0;
      for (const session of sessions.values()) {
        if (shardOf(guildId, session.shard[1]) !== session.shard[0]) continue;
        if (intent !== undefined && !(session.intents & intent)) continue;
        dispatchTo(session, t, d);
        reached++;
      }
      return reached;
    },
    drop(code?: number): void {
      for (const connection of connections) {
        if (code === undefined) connection.socket.terminate();
        else connection.socket.close(code, "stand-in dropped the connection");
      }
    },
    stats: (): GatewayStats => ({ ...stats, open: connections.size }),
    identifies: () => stats.identifies,
    close(): Promise<void> {
      for (const connection of connections) connection.socket.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export const GUILDS_INTENT_BIT = GUILDS_INTENT;
