import { type CliCommand, printJson, stringOption } from "./command-types.ts";

export const deployCommandsCommand: CliCommand = {
  name: "deploy-commands",
  usage: "deploy-commands [--guild ID]",
  summary: "register the slash commands (idempotent)",
  options: { guild: { type: "string" } },
  async run(app, context) {
    const { deployCommands } = await import("../discord/deploy-commands.ts");
    const guildId = stringOption(context, "guild") ?? app.config.env.DISCORD_GUILD_ID;
    const deployed = await deployCommands(app, guildId ? { guildId } : {});
    if (context.json) printJson(context, deployed);
    else
      context.io.out(
        `Registered ${deployed.commands.length} commands ${guildId ? `in guild ${guildId}` : "globally (may take up to an hour to appear)"}.`,
      );
    return 0;
  },
};
