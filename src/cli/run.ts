import packageJson from "../../package.json" with { type: "json" };
import { RetentionInputError, RetentionOptionsError } from "../input/errors";
import { readArgs } from "./args";
import { paint, useColor } from "./color";
import { CommandContext, type CliIo } from "./context";
import { CliError, EXIT_OK, EXIT_USAGE } from "./errors";
import { commandHelp, generalHelp } from "./help";
import { nearest, typoBudget } from "../core/suggest";
import { escapeControlCharacters } from "../io/escapeControl";

/** A message as stderr gets it: its own lines kept, control characters within each escaped. */
export const printable = (message: string): string => message.split("\n").map(escapeControlCharacters).join("\n");

type Command = (ctx: CommandContext) => Promise<number>;

/**
 * The subcommands, in a Map so that `constructor` or `__proto__` is an unknown command, not an
 * inherited member. Each is loaded when it runs, so a run compiles only the code of its command
 * (`summary` does not load the report, the fits or zod).
 */
const COMMANDS: ReadonlyMap<string, () => Promise<Command>> = new Map<string, () => Promise<Command>>([
  ["report", async () => (await import("./commands/report")).reportCommand],
  ["summary", async () => (await import("./commands/summary")).summaryCommand],
  ["fit", async () => (await import("./commands/clv")).fitCommand],
  ["predict", async () => (await import("./commands/clv")).predictCommand],
  ["cohorts", async () => (await import("./commands/cohorts")).cohortsCommand],
  ["defections", async () => (await import("./commands/defections")).defectionsCommand],
  ["segments", async () => (await import("./commands/segments")).segmentsCommand],
  ["nps", async () => (await import("./commands/nps")).npsCommand],
  ["funnel", async () => (await import("./commands/funnel")).funnelCommand],
  ["lifecycle", async () => (await import("./commands/lifecycle")).lifecycleCommand],
  ["follow-ups", async () => (await import("./commands/followUps")).followUpsCommand],
  ["spend", async () => (await import("./commands/spend")).spendCommand],
  ["points", async () => (await import("./commands/points")).pointsCommand],
  ["breadth", async () => (await import("./commands/breadth")).breadthCommand],
  ["validate", async () => (await import("./commands/validate")).validateCommand],
  ["demo", async () => (await import("./commands/demo")).demoCommand],
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
    const load = COMMANDS.get(command);
    if (load === undefined) {
      const names = [...COMMANDS.keys()];
      const guess = nearest(command, names, typoBudget(command));
      return error(`unknown command "${command}"${guess === null ? "" : `; did you mean "${guess}"?`} (commands: ${names.join(", ")})`);
    }
    if (values.help === true) {
      io.stdout.write(commandHelp(command) ?? "");
      return EXIT_OK;
    }
    const handler = await load();
    return await handler(new CommandContext(values, io));
  } catch (caught) {
    if (caught instanceof CliError) return error(caught.message);
    if (caught instanceof RetentionOptionsError) return error(`option ${caught.message}`);
    if (caught instanceof RetentionInputError) return error(caught.message);
    return error(`internal error: ${caught instanceof Error ? (caught.stack ?? caught.message) : String(caught)}`);
  }
}
