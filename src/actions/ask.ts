import { type AnswerResult, answerQuestion } from "../facts/answer.ts";
import type { App } from "../main.ts";
import type { Lang } from "../model.ts";
import type { FactBase } from "../pipeline/fact-base.ts";
import { listTopics, requireTopic } from "./topics.ts";

export interface AskRequest {
  guildId?: string;
  topic?: string;
  /** Reply language; default: the question's. */
  lang?: Lang;
}

/** `ask` / `/ask`: an answer from the fact base with its sources, or null when it does not know. */
export async function askQuestion(
  app: App,
  facts: FactBase,
  question: string,
  request: AskRequest = {},
): Promise<AnswerResult> {
  if (request.topic) await requireTopic(app, request.topic, request.guildId);
  return answerQuestion(question, facts, {
    ...request,
    now: app.now(),
    // Read only when nothing answers and the facts found suggest no topic: most questions never
    // need them, and a store read on each one is latency (a quarter of a millisecond or more).
    topics: async () => (await listTopics(app, request.guildId)).map((t) => t.id),
  });
}
