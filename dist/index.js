import { createRequire as __goGuardCreateRequire } from 'node:module'; const require = __goGuardCreateRequire(import.meta.url);
import {
  GoCommand,
  actionsLogger,
  loadScope,
  manifestDir,
  moduleDirsInRepository,
  reportPlace,
  runGate,
  writeReports
} from "./chunks/chunk-TSFBHZSZ.js";
import {
  baseFromEvent,
  emitAnnotations,
  headLinks,
  publishToGitHub,
  takeGitHubToken
} from "./chunks/chunk-ZMQRHQPJ.js";
import {
  ConfigError,
  INPUT_DEFAULTS,
  countsLine,
  parseConfig,
  redactSecrets,
  renderSummary,
  traceProcesses,
  verdict
} from "./chunks/chunk-23QYM4ZX.js";
import {
  getInput,
  info,
  isDebug,
  setFailed,
  setOutput,
  summary
} from "./chunks/chunk-UW4H7KUS.js";
import "./chunks/chunk-WYOLP7NZ.js";

// src/cache.ts
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
var loadCache = () => import("./chunks/cache-KB7R2JSV.js");
var actionsCacheStore = {
  // Either cache service (v1 or v2) needs its URL in the environment (isFeatureAvailable in
  // @actions/cache lib/cache.js); without one the library is not worth loading to say no.
  available: async () => Boolean(process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL) && (await loadCache()).isFeatureAvailable(),
  restore: async (paths, key, restoreKeys) => (await loadCache()).restoreCache(paths, key, restoreKeys),
  save: async (paths, key) => {
    await (await loadCache()).saveCache(paths, key);
  }
};
async function moduleCachePlan(go, scope) {
  const env = await go.env();
  const sums = createHash("sha256");
  for (const m of scope.modules) sums.update(`${m.goSumFile}\0${m.goSumText ?? ""}\0`);
  const prefix = `go-guard-modcache-${env.GOOS}-${env.GOARCH}-${env.GOVERSION}-`;
  return { paths: [env.GOMODCACHE], key: `${prefix}${sums.digest("hex").slice(0, 32)}`, restoreKeys: [prefix] };
}
async function toolchainCachePlan(go) {
  const env = await go.env();
  return {
    paths: [manifestDir(go.variables, go.baseEnv)],
    key: `go-guard-toolchain-${env.GOVERSION}-${env.GOOS}-${env.GOARCH}-v1`,
    restoreKeys: []
  };
}
function describe(error) {
  return error instanceof Error ? error.message : String(error);
}
async function restoreCache(store, what, makePlan, logger) {
  try {
    if (!await store.available()) {
      logger.warning(`go-guard: the Actions cache service is not available here; ${what} is neither restored nor saved`);
      return void 0;
    }
    const plan = await makePlan();
    plan.restored = await store.restore(plan.paths, plan.key, plan.restoreKeys);
    logger.info(
      plan.restored ? `go-guard: restored ${what} from ${plan.restored}` : `go-guard: no cache entry for ${what}`
    );
    return plan;
  } catch (error) {
    logger.warning(`go-guard: restoring ${what} failed; going on without it: ${describe(error)}`);
    return void 0;
  }
}
async function saveCache(store, plan, logger) {
  if (plan === void 0 || plan.restored === plan.key) return;
  if (!plan.paths.every((p) => existsSync(p))) return;
  try {
    await store.save(plan.paths, plan.key);
    logger.info(`go-guard: saved ${plan.key}`);
  } catch (error) {
    logger.warning(`go-guard: saving ${plan.key} failed; the next run starts cold: ${describe(error)}`);
  }
}

// src/main.ts
var coreLogger = actionsLogger();
function readInputs() {
  const raw = {};
  for (const name of Object.keys(INPUT_DEFAULTS)) raw[name] = getInput(name);
  raw["base-ref"] ||= baseFromEvent(process.env.GITHUB_EVENT_PATH) ?? "";
  return raw;
}
function describeError(error) {
  if (error instanceof ConfigError) return redactSecrets(error.message);
  if (error instanceof Error) return `go-guard failed: ${redactSecrets(error.message)}`;
  return `go-guard failed: ${redactSecrets(String(error))}`;
}
async function run() {
  const token = takeGitHubToken();
  if (isDebug()) traceProcesses(coreLogger.debug);
  try {
    const config = parseConfig(readInputs());
    const go = new GoCommand(config.goBinary, process.env, config.variables);
    const scope = await loadScope(config.workingDirectory, config.modules, go);
    const plans = config.cache ? await Promise.all([
      restoreCache(actionsCacheStore, "the module cache", () => moduleCachePlan(go, scope), coreLogger),
      config.checks.has("toolchain") ? restoreCache(
        actionsCacheStore,
        "the verified toolchain manifests",
        () => toolchainCachePlan(go),
        coreLogger
      ) : void 0
    ]) : [];
    const result = await runGate(config, go, coreLogger, { scope });
    for (const plan of plans) await saveCache(actionsCacheStore, plan, coreLogger);
    const place = reportPlace(config);
    if (config.annotations) emitAnnotations(result.findings, place.toWorkspace);
    try {
      const written = await writeReports(config, result, go, place);
      setOutput("findings", result.findings.length);
      setOutput("blocking", result.blocking);
      setOutput("modules", JSON.stringify(moduleDirsInRepository(result.scope)));
      if (written.reportFile) setOutput("report-file", written.reportFile);
      if (written.sarifFile) setOutput("sarif-file", written.sarifFile);
      if (written.sbomFile) setOutput("sbom-file", written.sbomFile);
    } finally {
      if (config.summary && process.env.GITHUB_STEP_SUMMARY) {
        const options = { failOn: config.failOn, links: headLinks(place), reportFile: config.reportFile };
        await summary.addRaw(renderSummary(result, options)).write();
      }
      await publishToGitHub(config, result, place, token, coreLogger);
    }
    const outcome = verdict(result.steps, result.blocking);
    if (outcome.outcome === "broken") setFailed(`go-guard failed: ${outcome.message}`);
    else if (outcome.outcome === "blocked")
      setFailed(
        `go-guard: ${outcome.blocking} blocking finding(s) (fail-on: ${config.failOn}); ${countsLine(result.findings)}`
      );
    else info(`go-guard: passed; ${countsLine(result.findings)}`);
  } catch (error) {
    setFailed(describeError(error));
  }
}

// src/index.ts
await run();
