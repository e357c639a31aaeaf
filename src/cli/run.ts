import packageJson from "../../package.json" with { type: "json" };
import { RetentionInputError, RetentionOptionsError } from "../input/errors";
import { readArgs } from "./args";
import { cohortsCommand } from "./commands/cohorts";
import { defectionsCommand } from "./commands/defections";
import { demoCommand } from "./commands/demo";
import { fitCommand, predictCommand, summaryCommand } from "./commands/clv";
import { npsCommand } from "./commands/nps";
import { reportCommand } from "./commands/report";
import { segmentsCommand } from "./commands/segments";
import { paint, useColor } from "./color";
import { CommandContext, type CliIo } from "./context";
import { CliError, EXIT_OK, EXIT_USAGE } from "./errors";
import { commandHelp, generalHelp } from "./help";
import { nearest, typoBudget } from "../core/suggest";
import { escapeControlCharacters } from "../io/escapeControl";

/** A message as stderr gets it: its own lines kept, control characters within each escaped. */
export const printable = (message: string): string => message.split("\n").map(escapeControlCharacters).join("\n");

/** The subcommands, in a Map so that `constructor` or `__proto__` is an unknown command, not an inherited member. */
const COMMANDS: ReadonlyMap<string, (ctx: CommandContext) => Promise<number>> = new Map([
  ["report", reportCommand],
  ["summary", summaryCommand],
  ["fit", fitCommand],
  ["predict", predictCommand],
  ["cohorts", cohortsCommand],
  ["defections", defectionsCommand],
  ["segments", segmentsCommand],
  ["nps", npsCommand],
  ["demo", demoCommand],
]);

/**
 * Runs `retention-metrics` with `argv` (without node and script) and returns the exit code:
 * 0 ok, 1 a threshold crossed, 2 bad usage or bad input. Never calls `process.exit`.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const error = (message: string): number => {
    io.stderr.write(`${paint("error", "red", useColor(io))}: ${printable(message)}\n`);
    return EXIT_USAGE;
  };
  try {
    const { command, values } = readArgs(argv);
    if (values.version === true) {
      io.stdout.write(`${packageJson.version}\n`);
      return EXIT_OK;
    }
    if (command === undefined || command === "help") {
      (values.help === true || command === "help" ? io.stdout : io.stderr).write(generalHelp(packageJson.version));
      return values.help === true || command === "help" ? EXIT_OK : EXIT_USAGE;
    }
    const handler = COMMANDS.get(command);
    if (handler === undefined) {
      const names = [...COMMANDS.keys()];
      const guess = nearest(command, names, typoBudget(command));
      return error(`unknown command "${command}"${guess === null ? "" : `; did you mean "${guess}"?`} (commands: ${names.join(", ")})`);
    }
    if (values.help === true) {
      io.stdout.write(commandHelp(command) ?? "");
      return EXIT_OK;
    }
    return await handler(new CommandContext(values, io));
  } catch (caught) {
    if (caught instanceof CliError) return error(caught.message);
    if (caught instanceof RetentionOptionsError) return error(`option ${caught.message}`);
    if (caught instanceof RetentionInputError) return error(caught.message);
    return error(`internal error: ${caught instanceof Error ? (caught.stack ?? caught.message) : String(caught)}`);
  }
}
