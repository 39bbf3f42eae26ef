/** Logs a real discord.js client in to a stand-in, the way newsdesk configures its own. */
import { once } from "node:events";
import { Client, type ClientOptions, Events, GatewayIntentBits, type Interaction } from "discord.js";
import type { StandIn } from "./types.ts";

/** A ready client (all guilds received); `rest` options are merged over `{ api: standIn.apiUrl }`. */
export async function connectClient(standIn: StandIn, options: Partial<ClientOptions> = {}): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...options,
    rest: { api: standIn.apiUrl, ...options.rest },
  });
  const ready = once(client, Events.ClientReady);
  await client.login(standIn.token);
  await ready;
  return client;
}

/** Resolves with the next interaction the client receives. */
export async function nextInteraction(client: Client): Promise<Interaction> {
  const [interaction] = await once(client, Events.InteractionCreate);
  return interaction as Interaction;
}

/** Polls a condition that settles asynchronously (socket teardown, background sends); fails after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
