import { createRequire as __goGuardCreateRequire } from 'node:module'; const require = __goGuardCreateRequire(import.meta.url);
import {
  ConfigError,
  GoCommand,
  INPUT_DEFAULTS,
  countsLine,
  debug,
  emitAnnotations,
  getInput,
  info,
  parseConfig,
  renderSummary,
  runGate,
  setFailed,
  setOutput,
  summary,
  warning,
  writeReports
} from "./chunks/chunk-YVN3J6RX.js";

// src/event.ts
import * as fs from "node:fs";
var ZERO_SHA = /^0+$/;
function baseFromEvent(eventPath) {
  if (!eventPath || !fs.existsSync(eventPath)) return void 0;
  const event = JSON.parse(fs.readFileSync(eventPath, "utf8"));
  const prBase = event.pull_request?.base?.sha;
  if (prBase) return prBase;
  if (event.before && !ZERO_SHA.test(event.before)) return event.before;
  return void 0;
}

// src/main.ts
var coreLogger = { info, warning, debug };
function readInputs() {
  const raw = {};
  for (const name of Object.keys(INPUT_DEFAULTS)) raw[name] = getInput(name);
  raw["base-ref"] ||= baseFromEvent(process.env.GITHUB_EVENT_PATH) ?? "";
  return raw;
}
function describeError(error) {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof Error) return `go-guard failed: ${error.message}`;
  return `go-guard failed: ${String(error)}`;
}
async function run() {
  try {
    const config = parseConfig(readInputs());
    const go = new GoCommand(config.goBinary);
    const result = await runGate(config, go, coreLogger);
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    if (config.annotations) emitAnnotations(result.findings, config.workingDirectory, workspace);
    try {
      const written = await writeReports(config, result, go, workspace);
      setOutput("findings", result.findings.length);
      setOutput("blocking", result.blocking);
      setOutput("modules", JSON.stringify(result.scope.modules.map((m) => m.relDir)));
      if (written.reportFile) setOutput("report-file", written.reportFile);
      if (written.sarifFile) setOutput("sarif-file", written.sarifFile);
    } finally {
      if (config.summary) await summary.addRaw(renderSummary(result)).write();
    }
    const broken = result.steps.filter((s) => s.error !== void 0);
    if (broken.length > 0) {
      setFailed(`go-guard failed: ${broken.map((s) => `step ${s.step}: ${s.error}`).join("; ")}`);
    } else if (result.blocking > 0) {
      setFailed(`go-guard: ${result.blocking} blocking finding(s) (fail-on: ${config.failOn}); ${countsLine(result.findings)}`);
    } else {
      info(`go-guard: passed; ${countsLine(result.findings)}`);
    }
  } catch (error) {
    setFailed(describeError(error));
  }
}

// src/index.ts
await run();
