/**
 * Application command checks Discord applies on registration, so a bad definition fails here as it
 * would in production: names (1–32, lower case, no spaces, for slash commands), descriptions
 * (1–100), localisation keys (Discord's locale list: "fr", not "fr-FR"), ≤ 25 options and choices,
 * subcommands not mixed with plain options, required options first, choices xor autocomplete.
 */
import { type FormError, FormErrors, textLength } from "./errors.ts";
import type { Json } from "./types.ts";

type Path = Array<string | number>;

/** The locales Discord accepts in `*_localizations`. */
export const DISCORD_LOCALES = new Set(
  "id da de en-GB en-US es-ES es-419 fr hr it lt hu nl no pl pt-BR ro fi sv-SE vi tr cs el bg ru uk hi th zh-CN ja zh-TW ko".split(
    " ",
  ),
);

const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;
const CHOICE_TYPES = new Set([3, 4, 10]);

const invalidName: FormError = {
  code: "APPLICATION_COMMAND_INVALID_NAME",
  message: "Command name is invalid",
};
const badLength = (min: number, max: number): FormError => ({
  code: "BASE_TYPE_BAD_LENGTH",
  message: `Must be between ${min} and ${max} in length.`,
});

/** Checks a list of command definitions (a bulk overwrite); errors are keyed by index as Discord does. */
export function checkCommandList(commands: unknown[]): FormErrors {
  const found = new FormErrors();
  const seen = new Set<string>();
  commands.forEach((command, index) => {
    const body = (typeof command === "object" && command !== null ? command : {}) as Json;
    checkCommand(found, body, [index]);
    const key = `${body.type ?? 1}:${String(body.name)}`;
    if (seen.has(key)) {
      found.add([index, "name"], {
        code: "APPLICATION_COMMANDS_DUPLICATE_NAME",
        message: `Application command names must be unique`,
      });
    }
    seen.add(key);
  });
  const chatInput = commands.filter((command) => ((command as Json)?.type ?? 1) === 1).length;
  if (chatInput > 100)
    found.add([], { code: "BASE_TYPE_MAX_LENGTH", message: "Must be 100 or fewer in length." });
  return found;
}

export function checkCommand(found: FormErrors, command: Json, path: Path): void {
  const type = command.type ?? 1;
  if (![1, 2, 3, 4].includes(type as number)) {
    found.add([...path, "type"], {
      code: "ENUM_TYPE_COERCE",
      message: `Value "${String(type)}" is not a valid enum value.`,
    });
    return;
  }
  const slash = type === 1;
  checkName(found, command.name, [...path, "name"], slash);
  checkLocalizations(found, command.name_localizations, [...path, "name_localizations"], (value, at) =>
    checkName(found, value, at, slash),
  );
  if (slash) {
    checkDescription(found, command.description, [...path, "description"]);
    checkLocalizations(
      found,
      command.description_localizations,
      [...path, "description_localizations"],
      (value, at) => checkDescription(found, value, at),
    );
    if (command.options !== undefined && command.options !== null) {
      checkOptions(found, command.options, [...path, "options"], 0);
    }
  } else if (command.description !== undefined && command.description !== "") {
    found.add([...path, "description"], {
      code: "BASE_TYPE_MAX_LENGTH",
      message: "Must be 0 or fewer in length.",
    });
  }
  const permissions = command.default_member_permissions;
  if (
    permissions !== undefined &&
    permissions !== null &&
    !(typeof permissions === "string" && /^\d+$/.test(permissions))
  ) {
    found.add([...path, "default_member_permissions"], {
      code: "BASE_TYPE_INVALID",
      message: "Invalid permissions.",
    });
  }
}

function checkName(found: FormErrors, name: unknown, path: Path, slash: boolean): void {
  if (typeof name !== "string") {
    found.add(path, { code: "BASE_TYPE_REQUIRED", message: "This field is required" });
    return;
  }
  const length = textLength(name);
  if (length < 1 || length > 32) found.add(path, badLength(1, 32));
  else if (slash && (!CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase()))
    found.add(path, invalidName);
}

function checkDescription(found: FormErrors, description: unknown, path: Path): void {
  if (typeof description !== "string") {
    found.add(path, { code: "BASE_TYPE_REQUIRED", message: "This field is required" });
    return;
  }
  const length = textLength(description);
  if (length < 1 || length > 100) found.add(path, badLength(1, 100));
}

function checkLocalizations(
  found: FormErrors,
  value: unknown,
  path: Path,
  checkValue: (value: unknown, path: Path) => void,
): void {
  if (value === undefined || value === null) return;
  for (const [locale, text] of Object.entries(value as Json)) {
    if (!DISCORD_LOCALES.has(locale)) {
      found.add([...path, locale], { code: "LOCALE_INVALID", message: `Invalid locale "${locale}".` });
    } else {
      checkValue(text, [...path, locale]);
    }
  }
}

/** `level` 0: command's options; 1: inside a subcommand group; 2: inside a subcommand. */
function checkOptions(found: FormErrors, options: unknown, path: Path, level: number): void {
  if (!Array.isArray(options)) {
    found.add(path, { code: "BASE_TYPE_ARRAY", message: "Must be an array." });
    return;
  }
  if (options.length > 25)
    found.add(path, { code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length." });
  const list = options.map((option) => (typeof option === "object" && option !== null ? option : {}) as Json);
  const subs = list.filter((option) => option.type === SUBCOMMAND || option.type === SUBCOMMAND_GROUP).length;
  if (subs > 0 && subs < list.length) {
    found.add(path, {
      code: "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
      message: "Sub-command and sub-command group option types are mutually exclusive to all other types",
    });
  }
  const names = new Set<string>();
  let optionalSeen = false;
  list.forEach((option, index) => {
    const at = [...path, index];
    const type = option.type as number;
    checkName(found, option.name, [...at, "name"], true);
    checkDescription(found, option.description, [...at, "description"]);
    checkLocalizations(found, option.name_localizations, [...at, "name_localizations"], (value, where) =>
      checkName(found, value, where, true),
    );
    checkLocalizations(
      found,
      option.description_localizations,
      [...at, "description_localizations"],
      (value, where) => checkDescription(found, value, where),
    );
    if (names.has(String(option.name))) {
      found.add([...at, "name"], {
        code: "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS",
        message: "Option names must be unique",
      });
    }
    names.add(String(option.name));
    const allowed =
      level === 0 ? type >= 1 && type <= 11 : level === 1 ? type === SUBCOMMAND : type >= 3 && type <= 11;
    if (!allowed) {
      found.add([...at, "type"], {
        code: "APPLICATION_COMMAND_OPTION_TYPE_INVALID",
        message: "Invalid option type",
      });
      return;
    }
    if (type === SUBCOMMAND || type === SUBCOMMAND_GROUP) {
      const next = type === SUBCOMMAND_GROUP ? 1 : 2;
      if (option.options !== undefined) checkOptions(found, option.options, [...at, "options"], next);
      return;
    }
    if (option.required === true && optionalSeen) {
      found.add([...at, "required"], {
        code: "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
        message: "Required options must be placed before non-required options",
      });
    }
    if (option.required !== true) optionalSeen = true;
    checkChoices(found, option, at);
  });
}

function checkChoices(found: FormErrors, option: Json, path: Path): void {
  const type = option.type as number;
  if (option.autocomplete === true && !CHOICE_TYPES.has(type)) {
    found.add([...path, "autocomplete"], {
      code: "APPLICATION_COMMAND_OPTION_TYPE_INVALID",
      message: "Invalid option type",
    });
  }
  if (option.choices === undefined || option.choices === null) return;
  if (!CHOICE_TYPES.has(type) || !Array.isArray(option.choices)) {
    found.add([...path, "choices"], {
      code: "APPLICATION_COMMAND_OPTION_TYPE_INVALID",
      message: "Invalid option type",
    });
    return;
  }
  if (option.autocomplete === true && option.choices.length > 0) {
    found.add([...path, "autocomplete"], {
      code: "APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE",
      message: "Autocomplete cannot be set with choices",
    });
  }
  if (option.choices.length > 25)
    found.add([...path, "choices"], {
      code: "BASE_TYPE_MAX_LENGTH",
      message: "Must be 25 or fewer in length.",
    });
  checkChoiceList(found, option.choices, type, [...path, "choices"]);
}

/** Choices of an option definition or of an autocomplete result (`type` 3 string, 4 integer, 10 number). */
export function checkChoiceList(
  found: FormErrors,
  choices: unknown[],
  type: number | undefined,
  path: Path,
): void {
  choices.forEach((choice, index) => {
    const item = (typeof choice === "object" && choice !== null ? choice : {}) as Json;
    const name = item.name;
    if (typeof name !== "string" || textLength(name) < 1 || textLength(name) > 100) {
      found.add([...path, index, "name"], badLength(1, 100));
    }
    const value = item.value;
    const valueOk =
      typeof value === "string"
        ? type !== 4 && type !== 10 && textLength(value) <= 100
        : typeof value === "number" && type !== 3 && (type !== 4 || Number.isInteger(value));
    if (!valueOk)
      found.add([...path, index, "value"], { code: "BASE_TYPE_INVALID", message: "Invalid choice value." });
  });
}
