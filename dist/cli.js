import { createRequire as __goGuardCreateRequire } from 'node:module'; const require = __goGuardCreateRequire(import.meta.url);
import {
  GoCommand,
  VERSION,
  renderJson,
  renderSarif,
  reportPlace,
  runGate,
  stderrLogger,
  writeReports
} from "./chunks/chunk-TSFBHZSZ.js";
import {
  ConfigError,
  INPUT_DEFAULTS,
  countsLine,
  parseConfig,
  redactSecrets,
  traceProcesses,
  verdict
} from "./chunks/chunk-23QYM4ZX.js";
import "./chunks/chunk-WYOLP7NZ.js";

// src/cli.ts
import { parseArgs } from "node:util";

// src/report/text.ts
function renderText(result) {
  const lines = result.findings.flatMap((f) => [
    `${f.file}:${f.line}: ${f.severity}: [${f.rule}] ${f.message}`,
    ...f.fix === void 0 ? [] : [`    fix: ${f.fix}`]
  ]);
  for (const s of result.steps) {
    lines.push(`step ${s.step}: ${s.status}${s.error ? ` (${s.error})` : ""} in ${(s.durationMs / 1e3).toFixed(2)} s`);
  }
  lines.push(`go-guard: ${countsLine(result.findings)}; ${result.blocking} blocking`);
  return `${lines.join("\n")}
`;
}

// src/cli.ts
var FORMATS = ["text", "json", "sarif", "github"];
var CLI_DEFAULTS = { annotations: "false", summary: "false", cache: "false" };
var ACTION_ONLY = ["github-token", "comment-summary-in-pr", "check-run"];
var USAGE = `usage: go-guard [dir] [flags]

Runs go-guard's checks on the Go repository in dir (default: the current directory) and prints
the findings. Every Action input is a flag of the same name; a flag given twice adds a line, as a
multi-line input would (--allow-replace 'github.com/old/* => github.com/fork/*' --allow-replace ...).

flags:
${[
  ["--base <ref>", "the same as --base-ref: the commit-ish to diff go.sum against"],
  ["--format <format>", `${FORMATS.join(", ")} (default: text)`],
  ["--verbose", "log what each step runs, on standard error"],
  ["--help, -h", "print this and exit"],
  ["--version", "print go-guard's version and exit"],
  ...Object.entries(INPUT_DEFAULTS).filter(([name]) => !ACTION_ONLY.includes(name)).map(([name, value]) => {
    const fallback = CLI_DEFAULTS[name] ?? value;
    return [`--${name} <value>`, fallback === "" ? "" : `(default: ${fallback})`];
  })
].map(([flag, text]) => `  ${flag.padEnd(34)}${text}`.trimEnd()).join("\n")}

The README's inputs table says what each input means.
Exit status: 0 passed, 1 blocking findings, 2 usage or internal error.`;
function parse(argv) {
  const inputOptions = Object.fromEntries(
    Object.keys(INPUT_DEFAULTS).map((name) => [name, { type: "string", multiple: true }])
  );
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...inputOptions,
      base: { type: "string" },
      format: { type: "string", default: "text" },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
      version: { type: "boolean", default: false }
    }
  });
  if (values.help) {
    process.stdout.write(`${USAGE}
`);
    process.exit(0);
  }
  if (values.version) {
    process.stdout.write(`${VERSION}
`);
    process.exit(0);
  }
  if (positionals.length > 1) throw new ConfigError("dir", positionals.join(" "), "one directory");
  const format = values.format;
  if (!FORMATS.includes(format)) throw new ConfigError("format", format, FORMATS.join(", "));
  const raw = {};
  for (const name of Object.keys(INPUT_DEFAULTS)) {
    const given = values[name];
    if (given && ACTION_ONLY.includes(name))
      throw new ConfigError(
        name,
        name === "github-token" ? "***" : given.join(" "),
        "nothing: only the Action posts to a pull request; the CLI prints"
      );
    if (given) raw[name] = given.join("\n");
  }
  if (positionals[0] !== void 0) raw["working-directory"] = positionals[0];
  if (values.base !== void 0) raw["base-ref"] = values.base;
  return { raw, format, verbose: values.verbose };
}
async function main() {
  let parsed;
  try {
    parsed = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`go-guard: ${error instanceof Error ? error.message : String(error)}
${USAGE}
`);
    return 2;
  }
  try {
    const config = parseConfig({ ...CLI_DEFAULTS, ...parsed.raw });
    const go = new GoCommand(config.goBinary, process.env, config.variables);
    const logger = stderrLogger(parsed.verbose);
    if (parsed.verbose) traceProcesses(logger.debug);
    const result = await runGate(config, go, logger, { audit: parsed.format === "json" });
    const place = { ...reportPlace(config), cwd: process.cwd() };
    await writeReports(config, result, go, place);
    switch (parsed.format) {
      case "json":
        process.stdout.write(redactSecrets(`${JSON.stringify(renderJson(result, VERSION, result.audit), null, 2)}
`));
        break;
      case "sarif":
        process.stdout.write(
          `${JSON.stringify(renderSarif(result.findings, VERSION, place.toWorkspace, place.informationUri), null, 2)}
`
        );
        break;
      case "github":
        ;
        (await import("./chunks/github-I6XTZ6WK.js")).emitAnnotations(result.findings, place.toWorkspace);
        break;
      default:
        process.stdout.write(renderText(result));
    }
    const outcome = verdict(result.steps, result.blocking);
    if (outcome.outcome === "broken") process.stderr.write(`go-guard failed: ${outcome.message}
`);
    return { broken: 2, blocked: 1, passed: 0 }[outcome.outcome];
  } catch (error) {
    process.stderr.write(`go-guard: ${redactSecrets(error instanceof Error ? error.message : String(error))}
`);
    return 2;
  }
}
process.exitCode = await main();
