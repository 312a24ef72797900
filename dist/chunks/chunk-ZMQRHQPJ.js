import { createRequire as __goGuardCreateRequire } from 'node:module'; const require = __goGuardCreateRequire(import.meta.url);
import {
  BoundedLines,
  INPUT_DEFAULTS,
  RULES,
  SEVERITIES,
  SEVERITY_ICON,
  blobLinks,
  code,
  compareFindings,
  compareText,
  countBySeverity,
  countsLine,
  escapeMarkdown,
  findingRow,
  gateFailed,
  isBlocking,
  location,
  modulesLine,
  redactSecrets,
  samePlace,
  verdictLine
} from "./chunk-23QYM4ZX.js";
import {
  error,
  getInput,
  notice,
  setSecret,
  warning
} from "./chunk-UW4H7KUS.js";

// src/github.ts
import * as path2 from "node:path";

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
function pullRequestFromEvent(eventPath) {
  if (!eventPath || !fs.existsSync(eventPath)) return void 0;
  const event = JSON.parse(fs.readFileSync(eventPath, "utf8"));
  const pr = event.pull_request;
  if (typeof pr?.number !== "number" || !Number.isSafeInteger(pr.number)) return void 0;
  const head = pr.head?.repo?.full_name;
  const base = pr.base?.repo?.full_name;
  return {
    number: pr.number,
    headSha: typeof pr.head?.sha === "string" ? pr.head.sha : void 0,
    // A deleted fork leaves head.repo null: still not the base repository.
    fromFork: base !== void 0 && head !== base
  };
}

// src/pull-request.ts
import { createHash } from "node:crypto";
import * as path from "node:path";

// src/report/annotations.ts
var ANNOTATION_LIMITS = { perSeverity: 10, total: 50 };
function fixOf(f) {
  return f.fix ?? RULES[f.rule].fix;
}
function annotationMessage(f) {
  return f.fixInMessage ? f.message : `${f.message}
Fix: ${fixOf(f)}`;
}
function planAnnotations(findings, limits = ANNOTATION_LIMITS) {
  const perSeverity = /* @__PURE__ */ new Map();
  const annotations = [];
  let shownFindings = 0;
  for (const f of [...findings].sort(compareFindings)) {
    const places = [{ file: f.file, line: f.line }, ...f.also ?? []];
    const n = perSeverity.get(f.severity) ?? 0;
    if (n + places.length > limits.perSeverity || annotations.length + places.length > limits.total) continue;
    perSeverity.set(f.severity, n + places.length);
    shownFindings++;
    for (const place of places) {
      annotations.push({ severity: f.severity, title: `go-guard ${f.rule}`, message: annotationMessage(f), ...place });
    }
  }
  const hidden = findings.length - shownFindings;
  if (hidden > 0 && annotations.length > 0) {
    annotations[annotations.length - 1].message += `
(${hidden} more finding${hidden === 1 ? " is" : "s are"} listed in the job summary: GitHub shows a limited number of annotations.)`;
  }
  return annotations;
}

// src/report/checkrun.ts
var ANNOTATIONS_PER_REQUEST = 50;
var MESSAGE_CHARS = 6e4;
var TITLE_CHARS = 255;
var LEVEL = {
  error: "failure",
  warning: "warning",
  notice: "notice"
};
function checkAnnotation(f, repoPath) {
  const also = (f.also ?? []).map((p) => `${p.file}:${p.line}`);
  const message = `${annotationMessage(f)}${also.length > 0 ? `
Also at: ${also.join(", ")}` : ""}`;
  return {
    path: repoPath(f.file) ?? f.file,
    start_line: f.line,
    end_line: f.line,
    annotation_level: LEVEL[f.severity],
    title: `go-guard ${f.rule}`.slice(0, TITLE_CHARS),
    message: message.length > MESSAGE_CHARS ? `${message.slice(0, MESSAGE_CHARS)}\u2026` : message
  };
}
function annotationBatches(annotations) {
  const batches = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return batches.length > 0 ? batches : [[]];
}
function checkConclusion(result) {
  return gateFailed(result) ? "failure" : "success";
}
function checkOutput(result, failOn) {
  return {
    title: gateFailed(result) ? `${result.blocking} blocking finding(s): ${countsLine(result.findings)}` : `passed: ${countsLine(result.findings)}`,
    summary: [
      verdictLine(result),
      "",
      `\`fail-on: ${failOn}\`; modules: ${modulesLine(result, 20)}.`,
      "",
      `Every finding is an annotation of this check run (${result.findings.length} in all).`
    ].join("\n")
  };
}

// src/report/comment.ts
var COMMENT_LIMIT_BYTES = 65536;
var TRAILER_BYTES = 2048;
var DRIFT = {
  "sum-module-added": "added",
  "sum-module-removed": "removed",
  "sum-major-upgrade": "major upgrade",
  "sum-module-upgraded": "upgraded",
  "sum-module-downgraded": "downgraded"
};
function driftRow(f, links) {
  const removed = f.rule === "sum-module-removed";
  const module = f.previous && f.previous.module !== f.module ? `${f.previous.module} \u2192 ${f.module}` : f.module ?? "";
  const base = removed ? f.version : f.previous?.version;
  const head = removed ? void 0 : f.version;
  return `| ${DRIFT[f.rule]} | ${code(module)} | ${base ? code(base) : ""} | ${head ? code(head) : ""} | ${location(f.file, f.line, links)} |`;
}
function renderComment(result, options) {
  const out = new BoundedLines((options.limitBytes ?? COMMENT_LIMIT_BYTES) - TRAILER_BYTES);
  const counts = countBySeverity(result.findings);
  const failed = gateFailed(result);
  out.tryAdd(
    options.marker,
    `### go-guard ${failed ? "\u274C fails" : "\u2705 passes"}`,
    "",
    failed ? `**${result.blocking} blocking finding(s)** (\`fail-on: ${options.failOn}\`)${result.steps.some((s) => s.error) ? "; a step could not run to the end" : ""}.` : `No blocking finding (\`fail-on: ${options.failOn}\`).`,
    "",
    `| ${SEVERITIES.map((s) => `${SEVERITY_ICON[s]} ${s}`).reverse().join(" | ")} |`,
    "|---|---|---|",
    `| ${[...SEVERITIES].reverse().map((s) => counts[s]).join(" | ")} |`
  );
  const notes = [];
  const broken = result.steps.filter((s) => s.error !== void 0);
  if (broken.length > 0) {
    out.tryAdd("", ...broken.map((s) => `- step ${s.step} failed: ${escapeMarkdown(s.error ?? "")}`));
  }
  const blocking = result.findings.filter((f) => isBlocking(f, options.failOn));
  if (blocking.length > 0) {
    const related = samePlace(result.findings);
    out.tryAdd("", "#### Blocking findings", "", "| severity | rule | location | message |", "|---|---|---|---|");
    const shown = blocking.findIndex((f) => !out.tryAdd(findingRow(f, related.get(f), options.links)));
    if (shown >= 0) {
      notes.push(`${blocking.length - shown} more blocking finding(s) did not fit in a comment: see the job summary.`);
    }
  }
  const drift = Object.keys(DRIFT).flatMap(
    (rule) => result.findings.filter((f) => f.rule === rule).sort((a, b) => compareText(a.module ?? "", b.module ?? "") || compareText(a.file, b.file))
  );
  if (drift.length > 0) {
    out.tryAdd("", "#### go.sum changes", "", "| change | module | base | head | where |", "|---|---|---|---|---|");
    const shown = drift.findIndex((f) => !out.tryAdd(driftRow(f, options.links)));
    if (shown >= 0) notes.push(`${drift.length - shown} more go.sum change(s) did not fit: see the job summary.`);
  }
  const trailer = [
    ...notes.length > 0 ? ["", ...notes.map((n) => `> ${n}`)] : [],
    "",
    `<sub>${escapeMarkdown(options.identity)} \xB7 updated on every run${options.links ? ` \xB7 commit ${code(options.links.sha, "text")}` : ""}</sub>`
  ];
  return `${[...out.lines, ...trailer].join("\n")}
`;
}

// src/pull-request.ts
var ApiCallError = class extends Error {
  constructor(call, status, detail, rateLimited = false) {
    super(detail);
    this.call = call;
    this.status = status;
    this.rateLimited = rateLimited;
    this.name = "ApiCallError";
  }
  call;
  status;
  rateLimited;
};
function jobIdentity(env, config, workspace) {
  const workflow = (env.GITHUB_WORKFLOW_REF ?? env.GITHUB_WORKFLOW ?? "").replace(/@.*$/s, "");
  const job = env.GITHUB_JOB ?? "";
  const dir = path.relative(workspace, config.workingDirectory).split(path.sep).join("/") || ".";
  const modules = config.modules?.join(", ") ?? "";
  const key = createHash("sha256").update(JSON.stringify([workflow, job, dir, modules])).digest("hex").slice(0, 16);
  const shorten = (text, max) => text.length > max ? `${text.slice(0, max)}\u2026` : text;
  const identity = [
    "go-guard",
    `job ${shorten(job, 100) || "(unknown)"}`,
    ...dir === "." ? [] : [`working-directory ${shorten(dir, 200)}`],
    ...modules ? [`modules ${shorten(modules, 200)}`] : []
  ].join(" \xB7 ");
  const scope = [...dir === "." ? [] : [dir], ...modules ? [modules] : []].join(": ");
  const checkName = scope ? `go-guard (${shorten(scope, 80)})` : "go-guard";
  return { marker: `<!-- go-guard comment ${key} -->`, identity, checkName };
}
function trustedAuthor(c) {
  return c.user?.type === "Bot" || ["OWNER", "MEMBER", "COLLABORATOR"].includes(c.author_association ?? "");
}
async function publishComment(api, target, config, result, logger) {
  if (target.pullNumber === void 0) {
    logger.info("go-guard: the event is not a pull request, so no pull request comment is written.");
    return;
  }
  const comments = await api.listComments(target.repository, target.pullNumber);
  const ours = comments.find((c) => c.body?.startsWith(target.marker) && trustedAuthor(c));
  if (ours === void 0 && config.commentSummaryInPr === "on-failure" && !gateFailed(result)) return;
  const body = renderComment(result, {
    failOn: config.failOn,
    marker: target.marker,
    identity: target.identity,
    links: target.links
  });
  if (ours) await api.updateComment(target.repository, ours.id, body);
  else await api.createComment(target.repository, target.pullNumber, body);
}
async function publishCheckRun(api, target, config, result, logger) {
  if (target.headSha === void 0) {
    logger.info("go-guard: no commit SHA in the environment (GITHUB_SHA), so no check run is created.");
    return;
  }
  const batches = annotationBatches(result.findings.map((f) => checkAnnotation(f, target.repoPath)));
  const output = checkOutput(result, config.failOn);
  const conclusion = checkConclusion(result);
  const done = { status: "completed", conclusion };
  const id = await api.createCheckRun(target.repository, target.checkName, target.headSha, {
    ...batches.length === 1 ? done : { status: "in_progress" },
    output: { ...output, annotations: batches[0] }
  });
  for (let i = 1; i < batches.length; i++) {
    try {
      await api.updateCheckRun(target.repository, id, {
        ...i === batches.length - 1 ? done : {},
        output: { ...output, annotations: batches[i] }
      });
    } catch (error2) {
      const missing = batches.slice(i).reduce((n, b) => n + b.length, 0);
      const summary = `${output.summary}

${missing} annotation(s) could not be added: see the job summary.`;
      await api.updateCheckRun(target.repository, id, { ...done, output: { ...output, summary, annotations: [] } }).catch(() => void 0);
      throw error2;
    }
  }
}
function describeFailure(what, permission, error2, target) {
  if (!(error2 instanceof ApiCallError)) {
    return `${what}: ${redactSecrets(error2 instanceof Error ? error2.message : String(error2))}`;
  }
  const call = `${what} (${error2.call})`;
  const detail = redactSecrets(error2.message);
  if (error2.rateLimited || error2.status === 429)
    return `${call} hit GitHub's rate limit (${detail}); the next run retries`;
  switch (error2.status) {
    case void 0:
      return `${call} could not reach the GitHub API at ${target.apiUrl} (${detail})`;
    case 401:
      return `${call} was refused: the token is not valid (${detail}); check the \`github-token\` input`;
    case 403:
    case 404:
      return `${call} was refused with ${error2.status} (${detail}): the token needs \`${permission}\`${target.fromFork ? ", which a pull request from a fork does not get under `on: pull_request`" : ""}`;
    default:
      return `${call} failed with ${error2.status} (${detail})`;
  }
}
async function publish(api, target, config, result, logger) {
  const failures = [];
  if (config.commentSummaryInPr !== "never") {
    await publishComment(api, target, config, result, logger).catch(
      (e) => failures.push(describeFailure("the pull request comment", "pull-requests: write", e, target))
    );
  }
  if (config.checkRun) {
    await publishCheckRun(api, target, config, result, logger).catch(
      (e) => failures.push(describeFailure("the go-guard check run", "checks: write", e, target))
    );
  }
  if (failures.length > 0) {
    logger.warning(
      `go-guard could not write to GitHub: ${failures.join("; ")}. The verdict and the findings are unaffected: the annotations and the job summary hold them.`
    );
  }
}

// src/github.ts
function emitAnnotations(findings, toWorkspace) {
  for (const a of planAnnotations(findings)) {
    const props = { title: a.title, file: toWorkspace(a.file), startLine: a.line };
    if (a.severity === "error") error(a.message, props);
    else if (a.severity === "warning") warning(a.message, props);
    else notice(a.message, props);
  }
}
function takeGitHubToken() {
  const token = getInput("github-token");
  delete process.env["INPUT_GITHUB-TOKEN"];
  if (token === "" || token === INPUT_DEFAULTS["github-token"]) return void 0;
  setSecret(token);
  return token;
}
function headSha(env) {
  return pullRequestFromEvent(env.GITHUB_EVENT_PATH)?.headSha ?? env.GITHUB_SHA;
}
function repoPathFrom(toWorkspace) {
  return (file) => {
    const rel = toWorkspace(file);
    return rel.startsWith("../") || rel === ".." || path2.isAbsolute(rel) ? void 0 : rel;
  };
}
function headLinks(place, env = process.env) {
  return blobLinks(
    { serverUrl: env.GITHUB_SERVER_URL, repository: env.GITHUB_REPOSITORY, sha: headSha(env) },
    repoPathFrom(place.toWorkspace)
  );
}
var API_TIMEOUT_MS = 3e4;
function apiCallError(call, error2) {
  const e = error2;
  const status = e.response === void 0 ? void 0 : e.status;
  const rateLimited = status === 429 || status === 403 && e.response?.headers?.["x-ratelimit-remaining"] === "0";
  const detail = (e.message ?? String(error2)).split("\n")[0].slice(0, 300);
  return new ApiCallError(call, status, detail, rateLimited);
}
async function octokitApi(token, apiUrl) {
  const { getOctokit } = await import("./github-QMZQ5BUO.js");
  const octokit = getOctokit(token, { baseUrl: apiUrl });
  const request = () => ({ signal: AbortSignal.timeout(API_TIMEOUT_MS) });
  const call = async (what, fn) => {
    try {
      return await fn();
    } catch (error2) {
      throw apiCallError(what, error2);
    }
  };
  return {
    listComments: ({ owner, repo }, pullNumber) => call(
      `GET /repos/${owner}/${repo}/issues/${pullNumber}/comments`,
      () => octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: pullNumber,
        per_page: 100,
        request: request()
      })
    ),
    createComment: ({ owner, repo }, pullNumber, body) => call(`POST /repos/${owner}/${repo}/issues/${pullNumber}/comments`, async () => {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: pullNumber, body, request: request() });
    }),
    updateComment: ({ owner, repo }, commentId, body) => call(`PATCH /repos/${owner}/${repo}/issues/comments/${commentId}`, async () => {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body, request: request() });
    }),
    createCheckRun: ({ owner, repo }, name, sha, update) => call(`POST /repos/${owner}/${repo}/check-runs`, async () => {
      const created = await octokit.rest.checks.create({
        owner,
        repo,
        name,
        head_sha: sha,
        ...update,
        request: request()
      });
      return created.data.id;
    }),
    updateCheckRun: ({ owner, repo }, checkRunId, update) => call(`PATCH /repos/${owner}/${repo}/check-runs/${checkRunId}`, async () => {
      await octokit.rest.checks.update({ owner, repo, check_run_id: checkRunId, ...update, request: request() });
    })
  };
}
async function publishToGitHub(config, result, place, token, logger) {
  if (config.commentSummaryInPr === "never" && !config.checkRun) return;
  const env = process.env;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (token === void 0 || !owner || !repo) {
    logger.warning(
      `go-guard: comment-summary-in-pr and check-run need ${token === void 0 ? "the github-token input" : "GITHUB_REPOSITORY"}; nothing was written to the pull request. The verdict and the findings are unaffected.`
    );
    return;
  }
  try {
    const apiUrl = env.GITHUB_API_URL || "https://api.github.com";
    const pr = pullRequestFromEvent(env.GITHUB_EVENT_PATH);
    const target = {
      repository: { owner, repo },
      pullNumber: pr?.number,
      fromFork: pr?.fromFork,
      headSha: headSha(env),
      apiUrl,
      links: headLinks(place, env),
      repoPath: repoPathFrom(place.toWorkspace),
      ...jobIdentity(env, config, place.cwd)
    };
    await publish(await octokitApi(token, apiUrl), target, config, result, logger);
  } catch (error2) {
    logger.warning(
      `go-guard could not write to GitHub: ${redactSecrets(error2 instanceof Error ? error2.message : String(error2))}`
    );
  }
}

export {
  baseFromEvent,
  emitAnnotations,
  takeGitHubToken,
  headLinks,
  publishToGitHub
};
