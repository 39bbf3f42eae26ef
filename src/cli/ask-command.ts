import { askQuestion } from "../actions/ask.ts";
import { renderAnswerText } from "../facts/answer.ts";
import { UserError } from "../i18n/messages.ts";
import type { Lang } from "../model.ts";
import { openFactBase } from "../pipeline/fact-base.ts";
import { type CliCommand, printJson, stringOption } from "./command-types.ts";

export const askCommand: CliCommand = {
  name: "ask",
  usage: 'ask "QUESTION" [--topic ID] [--lang en|fr]',
  summary: "an answer from the fact base, with sources",
  options: { topic: { type: "string" }, lang: { type: "string" } },
  async run(app, context) {
    const question = context.positionals.join(" ").trim();
    if (!question)
      throw new UserError("usage", {
        text: 'ask needs a question, e.g. newsdesk ask "Who is TikTok\'s US partner?"',
      });
    const lang = stringOption(context, "lang");
    if (lang !== undefined && lang !== "en" && lang !== "fr")
      throw new UserError("usage", { text: "--lang is en or fr" });
    const topic = stringOption(context, "topic");
    const result = await askQuestion(app, openFactBase(app), question, {
      ...(topic ? { topic } : {}),
      ...(lang ? { lang: lang as Lang } : {}),
    });
    if (context.json) {
      const { question: q, answer, confidence, citations } = result;
      printJson(context, { question: q, answer, confidence, citations, lang: result.lang });
    } else {
      context.io.out(renderAnswerText(result));
    }
    return 0;
  },
};
