import { createRequire as __goGuardCreateRequire } from 'node:module'; const require = __goGuardCreateRequire(import.meta.url);
import {
  ConfigError,
  GoCommand,
  INPUT_DEFAULTS,
  VERSION,
  countsLine,
  emitAnnotations,
  parseConfig,
  renderJson,
  renderSarif,
  reportPlace,
  runGate,
  writeReports
} from "./chunks/chunk-4XV6QJR3.js";

// src/cli.ts
import { parseArgs } from "node:util";

// src/logger.ts
function stderrLogger(verbose) {
  return {
    info: (m) => process.stderr.write(`${m}
`),
    warning: (m) => process.stderr.write(`warning: ${m}
`),
    debug: (m) => {
      if (verbose) process.stderr.write(`debug: ${m}
`);
    }
  };
}

// src/report/text.ts
function renderText(result) {
  const lines = result.findings.map((f) => `${f.file}:${f.line}: ${f.severity}: [${f.rule}] ${f.message}`);
  for (const s of result.steps) {
    lines.push(`step ${s.step}: ${s.status}${s.error ? ` (${s.error})` : ""} in ${(s.durationMs / 1e3).toFixed(2)} s`);
  }
  lines.push(`go-guard: ${countsLine(result.findings)}; ${result.blocking} blocking`);
  return `${lines.join("\n")}
`;
}

// src/cli.ts
var FORMATS = ["text", "json", "sarif", "github"];
var USAGE = `usage: go-guard [dir] [--base <ref>] [--fail-on error|warning|notice|never] [--format ${FORMATS.join("|")}]
                [--<input> <value> ...] [--verbose]

Runs go-guard's checks on the Go repository in dir (default: the current directory).
Every Action input is a flag of the same name (for example --checks verify,replace,
--allow-replace 'github.com/old/* => github.com/fork/*', --max-new-modules 5).
--base is --base-ref: the commit-ish to diff go.sum against.
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
    const config = parseConfig({ annotations: "false", summary: "false", cache: "false", ...parsed.raw });
    const go = new GoCommand(config.goBinary);
    const result = await runGate(config, go, stderrLogger(parsed.verbose));
    const place = { ...reportPlace(config), cwd: process.cwd() };
    await writeReports(config, result, go, place);
    switch (parsed.format) {
      case "json":
        process.stdout.write(`${JSON.stringify(renderJson(result, VERSION), null, 2)}
`);
        break;
      case "sarif":
        process.stdout.write(
          `${JSON.stringify(renderSarif(result.findings, VERSION, place.toWorkspace, place.informationUri), null, 2)}
`
        );
        break;
      case "github":
        emitAnnotations(result.findings, place.toWorkspace);
        break;
      default:
        process.stdout.write(renderText(result));
    }
    const broken = result.steps.filter((s) => s.error !== void 0);
    for (const s of broken) process.stderr.write(`go-guard: step ${s.step} failed: ${s.error}
`);
    if (broken.length > 0) return 2;
    return result.blocking > 0 ? 1 : 0;
  } catch (error) {
    process.stderr.write(`go-guard: ${error instanceof Error ? error.message : String(error)}
`);
    return 2;
  }
}
process.exitCode = await main();
