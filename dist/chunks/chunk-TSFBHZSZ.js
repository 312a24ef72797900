import { createRequire as __goGuardCreateRequire } from 'node:module'; const require = __goGuardCreateRequire(import.meta.url);
import {
  CommitFiles,
  ConfigError,
  GitError,
  RULES,
  STEP_IDS,
  allRulesOff,
  applyProcessors,
  blockingSkip,
  build,
  canonical,
  compare,
  countBySeverity,
  findAllowingRule,
  findDenyingRule,
  ignoredPaths,
  isBlocking,
  isValid,
  major,
  mergeSteps,
  newFinding,
  parseVariables,
  redactSecrets,
  require_picomatch,
  resolveBase,
  runProcess,
  shortList,
  skipped,
  stepStatus,
  withoutCredentials
} from "./chunk-23QYM4ZX.js";
import {
  __toESM
} from "./chunk-WYOLP7NZ.js";

// src/go/command.ts
import * as fsSync from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// src/concurrency.ts
import { availableParallelism } from "node:os";
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
var Semaphore = class {
  constructor(size) {
    this.size = size;
    this.free = size;
  }
  size;
  free;
  waiting = [];
  background = [];
  async use(fn, options = {}) {
    if (this.free > 0) this.free--;
    else await new Promise((resolve4) => (options.background ? this.background : this.waiting).push(resolve4));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift() ?? this.background.shift();
      if (next) next();
      else this.free++;
    }
  }
};
var cpuBudget = new Semaphore(availableParallelism());

// src/go/command.ts
var GoCommandError = class extends Error {
  constructor(message, timedOut2 = false) {
    super(message);
    this.timedOut = timedOut2;
    this.name = "GoCommandError";
  }
  timedOut;
};
var KEPT_GOFLAGS = /^--?(tags|modcacherw|buildvcs|trimpath)(=|$)/;
function cleanGoFlags(goflags) {
  return goflags.split(/\s+/).filter((f) => KEPT_GOFLAGS.test(f)).join(" ");
}
function goErrorText(stderr) {
  return stderr.split("\n").filter((l) => !/^go: (downloading|finding|extracting|found) /.test(l)).join("\n").trim();
}
function goFailure(result) {
  return result.code === 0 ? void 0 : goErrorText(result.stderr) || `exit status ${result.code}`;
}
var GoCommand = class {
  constructor(binary, baseEnv = process.env, variables = parseVariables(baseEnv)) {
    this.binary = binary;
    this.variables = variables;
    this.baseEnv = { ...baseEnv };
  }
  binary;
  variables;
  /** Wall time spent inside go subprocesses, so go-guard can report its own share. */
  subprocessMs = 0;
  /** The environment go runs in, before go-guard's hermetic settings and without credentials: what the job set. */
  baseEnv;
  envPromise;
  hermeticEnv(options, goflags) {
    return {
      ...this.baseEnv,
      // A pull request must not choose the toolchain that judges it.
      GOTOOLCHAIN: "local",
      GOFLAGS: goflags,
      ...options.workspace ? {} : { GOWORK: "off" },
      ...options.env
    };
  }
  /** Runs go; a non-zero exit is a result, not an exception. Throws GoCommandError when go cannot run or times out. */
  async run(args, options) {
    const goflags = cleanGoFlags((await this.env()).GOFLAGS);
    return cpuBudget.use(() => this.spawn(args, options, this.hermeticEnv(options, goflags)), options);
  }
  async spawn(args, options, env) {
    const started = performance.now();
    const timeoutMs = options.timeoutMs ?? this.variables.goTimeoutMs;
    const command = `${path.basename(this.binary)} ${args.join(" ")}`;
    let result;
    try {
      result = await runProcess(this.binary, args, { cwd: options.cwd, env: withoutCredentials(env), timeoutMs });
    } catch (error) {
      throw new GoCommandError(`could not run "${command}" (go-binary: ${this.binary}): ${error.message}`);
    } finally {
      this.subprocessMs += performance.now() - started;
    }
    if (result.timedOut) {
      throw new GoCommandError(`"${command}" in ${options.cwd} timed out after ${timeoutMs / 1e3} s`, true);
    }
    if (result.signal !== null)
      throw new GoCommandError(`"${command}" in ${options.cwd} was killed by ${result.signal}`);
    return { code: result.code, stdout: result.stdout, stderr: result.stderr };
  }
  /** `go env -json` of the judged toolchain with GOTOOLCHAIN=local, read once. */
  env() {
    this.envPromise ??= (async () => {
      const result = await this.spawn(
        ["env", "-json"],
        { cwd: os.tmpdir() },
        { ...this.baseEnv, GOTOOLCHAIN: "local", GOWORK: "off" }
      );
      const broken = (why2) => new GoCommandError(
        `${this.binary} is not a working go command: "go env -json" ${why2}. Point go-binary at the go the job installed`
      );
      if (result.code !== 0 && /^go: /m.test(result.stderr))
        throw new GoCommandError(
          `go refuses the job's Go environment: "go env -json" failed: ${goErrorText(result.stderr)}. Fix the setting go names`
        );
      if (result.code !== 0) throw broken(`failed: ${goErrorText(result.stderr)}`);
      try {
        return JSON.parse(result.stdout);
      } catch {
        throw broken(`printed no JSON (${JSON.stringify(result.stdout.slice(0, 80))})`);
      }
    })();
    return this.envPromise;
  }
};
var ScratchModFile = class _ScratchModFile {
  constructor(dir, goMod, goSum) {
    this.dir = dir;
    this.goMod = goMod;
    this.goSum = goSum;
  }
  dir;
  goMod;
  goSum;
  // Made and removed with synchronous calls: a scratch copy is a directory and two small files,
  // and each thread-pool round trip cost more than the work (1.2 ms of CPU a copy made and
  // removed, 0.45 ms synchronously; a monorepo makes one per go command).
  static async create(goModText, goSumText) {
    const dir = fsSync.mkdtempSync(path.join(os.tmpdir(), "go-guard-modfile-"));
    const scratch = new _ScratchModFile(dir, path.join(dir, "go.mod"), path.join(dir, "go.sum"));
    fsSync.writeFileSync(scratch.goMod, goModText);
    if (goSumText !== void 0) fsSync.writeFileSync(scratch.goSum, goSumText);
    return scratch;
  }
  /**
   * Runs `go <args> -modfile=<scratch>` in the module directory; go's messages name the scratch
   * files, so they are rewritten to name `displayGoMod` (the user's go.mod, repository-relative).
   */
  async run(go, args, moduleDir, displayGoMod, options = {}) {
    const [verb, ...rest] = args;
    const sub = verb === "mod" ? [verb, rest[0]] : [verb];
    const tail = verb === "mod" ? rest.slice(1) : rest;
    const result = await go.run([...sub, `-modfile=${this.goMod}`, ...tail], { ...options, cwd: moduleDir });
    const displayGoSum = displayGoMod.replace(/\.mod$/, ".sum");
    const rename = (text) => text.split(this.goMod).join(displayGoMod).split(this.goSum).join(displayGoSum);
    return { ...result, stdout: rename(result.stdout), stderr: rename(result.stderr) };
  }
  /** `go <args>` once on a pristine scratch copy of the module's go.mod and go.sum, removed afterwards. */
  static async runOnce(go, module, args, options = {}) {
    const scratch = await _ScratchModFile.create(module.goModText, module.goSumText);
    try {
      return await scratch.run(go, args, module.dir, module.goModFile, options);
    } finally {
      await scratch.dispose();
    }
  }
  async dispose() {
    fsSync.rmSync(this.dir, { recursive: true, force: true });
  }
};
function parseJSONStream(text) {
  const values = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") {
      if (depth++ === 0) start = i;
    } else if (c === "}" || c === "]") {
      if (--depth === 0) values.push(JSON.parse(text.slice(start, i + 1)));
    }
  }
  return values;
}

// src/audit.ts
async function collectAudit(go, graphs, scope, proof, base) {
  const env = await go.env();
  const modules = [];
  for (const m of scope.modules) {
    const [list, graph] = await Promise.all([graphs.buildList(m), graphs.modGraph(m)]);
    const error = [list.error, graph.error].filter(Boolean).join("\n");
    modules.push({
      dir: m.relDir,
      buildList: list.modules,
      graph: graph.edges.map((e) => e.join(" ")),
      ...error ? { error } : {}
    });
  }
  return {
    toolchain: { version: env.GOVERSION, goroot: env.GOROOT, goos: env.GOOS, goarch: env.GOARCH, proof },
    base,
    modules
  };
}

// src/go/module.ts
var import_picomatch = __toESM(require_picomatch(), 1);
function canonicalVersion(v) {
  const cv = canonical(v);
  if (cv === v) return cv;
  return cv !== "" && build(v) === "+incompatible" ? `${cv}+incompatible` : cv;
}
function isDirectoryPath(p) {
  return p === "." || p === ".." || p.startsWith("./") || p.startsWith(".\\") || p.startsWith("../") || p.startsWith("..\\") || p.startsWith("/") || p.startsWith("\\") || /^[A-Za-z]:/.test(p);
}
function splitPathVersion(modulePath) {
  if (modulePath.startsWith("gopkg.in/")) {
    const m2 = /^(.+)(\.v[0-9]+)(-unstable)?$/.exec(modulePath);
    if (m2 === null || m2[2][2] === "0" && m2[2] !== ".v0") return { prefix: modulePath, pathMajor: "", ok: false };
    return { prefix: m2[1], pathMajor: m2[2] + (m2[3] ?? ""), ok: true };
  }
  const m = modulePath.includes("/v") ? /^(.+)\/v([0-9.]+)$/.exec(modulePath) : null;
  if (m === null || m[1] === "") return { prefix: modulePath, pathMajor: "", ok: true };
  const pathMajor = `/v${m[2]}`;
  if (m[2].includes(".") || m[2][0] === "0" || pathMajor === "/v1")
    return { prefix: modulePath, pathMajor: "", ok: false };
  return { prefix: m[1], pathMajor, ok: true };
}
function checkPathMajor(v, pathMajor) {
  const major2 = pathMajor.startsWith(".v") ? pathMajor.replace(/-unstable$/, "") : pathMajor;
  if (v.startsWith("v0.0.0-") && major2 === ".v1") return "";
  const m = major(v);
  if (major2 === "") {
    return m === "v0" || m === "v1" || build(v) === "+incompatible" ? "" : `should be v0 or v1, not ${m}`;
  }
  return m === major2.slice(1) ? "" : `should be ${major2.slice(1)}, not ${m}`;
}
var PSEUDO_VERSION = /^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
function isPseudoVersion(v) {
  const dash = v.indexOf("-");
  return dash !== -1 && dash !== v.lastIndexOf("-") && isValid(v) && PSEUDO_VERSION.test(v);
}
function effectiveMajor(modulePath, version) {
  const { pathMajor } = splitPathVersion(modulePath);
  const fromPath = /\d+/.exec(pathMajor)?.[0];
  return Math.max(1, Number(fromPath ?? (major(version).slice(1) || 0)));
}
function modulePathFamily(modulePath) {
  return splitPathVersion(modulePath).prefix;
}
function matchPrefixPatterns(globs, target) {
  for (const raw of globs.split(",")) {
    const glob = raw.trim().replace(/\/+$/, "");
    if (glob === "") continue;
    const n = glob.split("/").length;
    const elements = target.split("/");
    if (elements.length < n) continue;
    if (import_picomatch.default.isMatch(elements.slice(0, n).join("/"), glob, {
      dot: true,
      nonegate: true,
      noextglob: true,
      nobrace: true
    }))
      return true;
  }
  return false;
}
var BAD_WINDOWS_NAMES = /* @__PURE__ */ new Set([
  "CON",
  "PRN",
  "AUX",
  "NUL",
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`COM${n}`, `LPT${n}`])
]);
var quoteRune = (c) => `'${JSON.stringify(c).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
function checkModulePathElement(elem) {
  if (elem === "") return "empty path element";
  if (/^\.+$/.test(elem)) return `invalid path element ${JSON.stringify(elem)}`;
  if (elem.startsWith(".")) return "leading dot in path element";
  if (elem.endsWith(".")) return "trailing dot in path element";
  const bad = /[^-._~0-9A-Za-z]/u.exec(elem);
  if (bad !== null) return `invalid char ${quoteRune(bad[0])}`;
  const short = elem.split(".")[0];
  if (BAD_WINDOWS_NAMES.has(short.toUpperCase())) return `"${short}" disallowed as path element component on Windows`;
  if (/~[0-9]+$/.test(short)) return "trailing tilde and digits in path element";
  return "";
}
function checkModulePath(modulePath) {
  if (modulePath === "") return "empty string";
  if (modulePath.startsWith("-")) return "leading dash";
  if (modulePath.includes("//")) return "double slash";
  if (modulePath.endsWith("/")) return "trailing slash";
  for (const elem of modulePath.split("/")) {
    const why2 = checkModulePathElement(elem);
    if (why2 !== "") return why2;
  }
  const first = modulePath.split("/")[0];
  if (!first.includes(".")) return "missing dot in first path element";
  const bad = /[^-.0-9a-z]/.exec(first);
  if (bad !== null) return `invalid char ${quoteRune(bad[0])} in first path element`;
  if (!splitPathVersion(modulePath).ok) return "invalid version";
  return "";
}
function checkModuleVersion(modulePath, version) {
  const pathError = checkModulePath(modulePath);
  if (pathError !== "") return `malformed module path ${JSON.stringify(modulePath)}: ${pathError}`;
  if (canonicalVersion(version) !== version) return `${JSON.stringify(version)} is not a canonical semantic version`;
  return "";
}

// src/go/modfile.ts
var SyntaxError = class extends Error {
  constructor(line, message) {
    super(message);
    this.line = line;
  }
  line;
};
var NONE = Object.freeze([]);
function isPunctuation(code) {
  switch (code) {
    case 10:
    case 40:
    case 41:
    case 44:
    case 91:
    case 93:
    case 123:
    case 125:
      return true;
    default:
      return false;
  }
}
var NOT_IDENT = /[\s\p{C}]/u;
function isIdentAt(text, pos) {
  const code = text.charCodeAt(pos);
  if (code < 128) return code > 32 && code < 127 && !isPunctuation(code);
  const c = String.fromCodePoint(text.codePointAt(pos) ?? 0);
  return c !== " " && !NOT_IDENT.test(c);
}
var SLASH = 47;
var Lexer = class {
  constructor(src) {
    this.src = src;
    this.advance();
  }
  src;
  kind = "eof";
  text = "";
  line = 1;
  pos = 0;
  /** The line the next token starts on. */
  nextLine = 1;
  /** An end-of-line comment's newline, the token after it. */
  newlinePending = false;
  /** The current token's kind (a call: the parser's checks must not narrow it across advance()). */
  peek() {
    return this.kind;
  }
  /** The current token's text; moves to the next token. */
  take() {
    const text = this.text;
    this.advance();
    return text;
  }
  /** An end of line: a newline, the end of the file, or an end-of-line comment. */
  atEOL() {
    return this.kind === "\n" || this.kind === "eof" || this.kind === "eolcomment";
  }
  advance() {
    const text = this.src;
    const n = text.length;
    if (this.newlinePending) {
      this.newlinePending = false;
      this.set("\n", "\n");
      this.nextLine++;
      return;
    }
    while (this.pos < n) {
      const c = text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 13) {
        this.pos++;
        continue;
      }
      if (c === SLASH && text.charCodeAt(this.pos + 1) === SLASH) {
        const pos2 = this.pos;
        const lineStart = text.lastIndexOf("\n", pos2 - 1) + 1;
        const alone = text.slice(lineStart, pos2).trim() === "";
        const end = text.indexOf("\n", pos2);
        this.set(alone ? "comment" : "eolcomment", text.slice(pos2, end === -1 ? n : end).replace(/\r$/, ""));
        this.pos = end === -1 ? n : end + 1;
        if (end !== -1) {
          if (alone) this.nextLine++;
          else this.newlinePending = true;
        }
        return;
      }
      if (c === SLASH && text.charCodeAt(this.pos + 1) === 42) {
        throw new SyntaxError(this.nextLine, "mod files must use // comments (not /* */ comments)");
      }
      break;
    }
    if (this.pos >= n) {
      this.set("eof", "");
      return;
    }
    const code = text.charCodeAt(this.pos);
    if (isPunctuation(code)) {
      const c = text[this.pos++];
      this.set(c, c);
      if (code === 10) this.nextLine++;
      return;
    }
    if (code === 34 || code === 96) {
      const start2 = this.pos++;
      while (true) {
        if (this.pos >= n) throw new SyntaxError(this.nextLine, "unexpected EOF in string");
        const d = text.charCodeAt(this.pos++);
        if (d === 10) throw new SyntaxError(this.nextLine, "unexpected newline in string");
        if (d === code) break;
        if (d === 92 && code !== 96) {
          if (this.pos >= n) throw new SyntaxError(this.nextLine, "unexpected EOF in string");
          this.pos++;
        }
      }
      this.set("string", text.slice(start2, this.pos));
      return;
    }
    if (!isIdentAt(text, this.pos)) {
      const cp = String.fromCodePoint(text.codePointAt(this.pos) ?? 0);
      throw new SyntaxError(this.nextLine, `unexpected input character ${JSON.stringify(cp)}`);
    }
    const start = this.pos;
    let pos = start;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c > 32 && c < 127 && c !== SLASH && !isPunctuation(c)) {
        pos++;
        continue;
      }
      if (!isIdentAt(text, pos) || c === SLASH && text.charCodeAt(pos + 1) === SLASH) break;
      if (c === SLASH && text.charCodeAt(pos + 1) === 42) {
        throw new SyntaxError(this.nextLine, "mod files must use // comments (not /* */ comments)");
      }
      pos += (text.codePointAt(pos) ?? 0) > 65535 ? 2 : 1;
    }
    this.pos = pos;
    this.set("ident", text.slice(start, pos));
  }
  set(kind, text) {
    this.kind = kind;
    this.text = text;
    this.line = this.nextLine;
  }
};
function parseSyntax(text, visit) {
  const lx = new Lexer(text);
  const words = [];
  let pending = [];
  const handOut = () => {
    if (pending.length === 0) return NONE;
    const given = pending;
    pending = [];
    return given;
  };
  const takeSuffix = () => {
    if (lx.peek() === "eolcomment") {
      const text2 = lx.take();
      if (lx.peek() === "\n") lx.advance();
      return [text2];
    }
    if (lx.peek() === "\n") lx.advance();
    return NONE;
  };
  const parseBlockBody = (block, wanted) => {
    if (pending.length > 0) pending = [];
    while (true) {
      const kind = lx.peek();
      if (kind === "eolcomment") {
        lx.advance();
      } else if (kind === "\n") {
        lx.advance();
        if (pending.length > 0) pending = [];
      } else if (kind === "comment") {
        pending.push(lx.take());
      } else if (kind === "eof") {
        throw new SyntaxError(lx.line, `syntax error (unterminated block started at line ${block.line})`);
      } else if (kind === ")") {
        const line = lx.line;
        lx.advance();
        if (!lx.atEOL()) throw new SyntaxError(line, "syntax error (expected newline after closing paren)");
        takeSuffix();
        return;
      } else {
        const line = lx.line;
        let count = 0;
        while (!lx.atEOL()) words[count++] = lx.take();
        const blockLine = { tokens: words.slice(0, count), line, before: handOut(), suffix: takeSuffix() };
        if (wanted) visit.line(blockLine, block);
      }
    }
  };
  while (true) {
    if (lx.peek() === "eof") return;
    if (lx.peek() === "\n") {
      lx.advance();
      if (pending.length > 0) pending = [];
      continue;
    }
    if (lx.peek() === "comment") {
      pending.push(lx.take());
      continue;
    }
    const line = lx.line;
    const tokens = [lx.take()];
    let done = false;
    while (!done) {
      if (lx.atEOL()) {
        visit.line({ tokens, line, before: handOut(), suffix: takeSuffix() });
        done = true;
      } else if (lx.peek() === "(") {
        lx.advance();
        if (lx.atEOL()) {
          const block = { tokens, line, before: handOut(), suffix: takeSuffix() };
          parseBlockBody(block, visit.block(block));
          done = true;
        } else if (lx.peek() === ")") {
          lx.advance();
          if (lx.atEOL()) {
            visit.block({ tokens, line, before: handOut(), suffix: takeSuffix() });
            done = true;
          } else {
            tokens.push("(", ")");
          }
        } else {
          tokens.push("(");
        }
      } else {
        tokens.push(lx.take());
      }
    }
    if (pending.length > 0) pending = [];
  }
}
var GO_VERSION_RE = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;
var TOOLCHAIN_RE = /^default$|^go1($|\.)/;
var DEPRECATED_RE = /(?:^|\n\n)Deprecated: *([\s\S]*?)(?:$|\n\n)/;
function unquote(s) {
  if (s.startsWith("`")) {
    if (s.length < 2 || !s.endsWith("`")) throw new Error("invalid syntax");
    return s.slice(1, -1);
  }
  if (s.length < 2 || !s.endsWith('"')) throw new Error("invalid syntax");
  const body = s.slice(1, -1);
  const simple = {
    a: "\x07",
    b: "\b",
    f: "\f",
    n: "\n",
    r: "\r",
    t: "	",
    v: "\v",
    "\\": "\\",
    '"': '"'
  };
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"' || c === "\n") throw new Error("invalid syntax");
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e in simple) {
      out += simple[e];
    } else if (e === "x" || e === "u" || e === "U") {
      const len = e === "x" ? 2 : e === "u" ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + len);
      if (!new RegExp(`^[0-9A-Fa-f]{${len}}$`).test(hex)) throw new Error("invalid syntax");
      out += String.fromCodePoint(parseInt(hex, 16));
      i += len;
    } else if (e !== void 0 && /[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) throw new Error("invalid syntax");
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else {
      throw new Error("invalid syntax");
    }
  }
  return out;
}
function parseString(s) {
  if (s.startsWith('"')) return unquote(s);
  if (s.includes('"') || s.includes("'") || s.includes("`")) throw new Error("unquoted string cannot contain quote");
  return s;
}
function parseVersion(path19, s) {
  const v = canonicalVersion(parseString(s));
  if (v === "") throw new Error(`${path19}: invalid version "${s}": must be of the form v1.2.3`);
  return v;
}
function checkMajor(path19, version) {
  const { pathMajor, ok } = splitPathVersion(path19);
  if (!ok) throw new Error(`${path19}: invalid module path`);
  if (version === void 0) return;
  const problem = checkPathMajor(version, pathMajor);
  if (problem) throw new Error(`${path19}: invalid version "${version}": ${problem}`);
}
function directiveComment(line, block) {
  const own = line.before.length > 0 || line.suffix.length > 0;
  const source = own || block === void 0 ? line : block;
  return [...source.before, ...source.suffix].filter((c) => c.startsWith("//")).map((c) => c.slice(2).trim()).join("\n");
}
function isIndirect(line) {
  if (line.suffix.length === 0) return false;
  const f = line.suffix[0].slice(2).trim().split(/\s+/);
  return f.length === 1 && f[0] === "indirect" || f.length > 1 && f[0] === "indirect;";
}
function emptyFile() {
  return { godebug: [], require: [], exclude: [], replace: [], retract: [], tool: [], ignore: [], use: [] };
}
var BLOCK_VERBS = {
  mod: /* @__PURE__ */ new Set(["module", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore"]),
  work: /* @__PURE__ */ new Set(["godebug", "use", "replace"])
};
function addDirective(f, kind, verb, args, line, block) {
  const at = line.line;
  switch (verb) {
    case "go":
      if (f.go) throw new Error("repeated go statement");
      if (args.length !== 1) throw new Error("go directive expects exactly one argument");
      if (!GO_VERSION_RE.test(args[0])) throw new Error(`invalid go version '${args[0]}': must match format 1.23.0`);
      f.go = { version: args[0], line: at };
      return;
    case "toolchain":
      if (f.toolchain) throw new Error("repeated toolchain statement");
      if (args.length !== 1) throw new Error("toolchain directive expects exactly one argument");
      if (!TOOLCHAIN_RE.test(args[0])) {
        throw new Error(`invalid toolchain version '${args[0]}': must match format go1.23.0 or default`);
      }
      f.toolchain = { name: args[0], line: at };
      return;
    case "godebug": {
      const eq = args.length === 1 && !/["`',]/.test(args[0]) ? args[0].indexOf("=") : -1;
      if (eq < 0) throw new Error("usage: godebug key=value");
      f.godebug.push({ key: args[0].slice(0, eq), value: args[0].slice(eq + 1), line: at });
      return;
    }
    case "replace":
      f.replace.push({ ...parseReplace(args), line: at });
      return;
  }
  if (kind === "work") {
    if (verb !== "use") throw new Error(`unknown directive: ${verb}`);
    if (args.length !== 1) throw new Error("usage: use local/dir");
    f.use.push({ path: parseString(args[0]), line: at });
    return;
  }
  switch (verb) {
    case "module": {
      if (f.module) throw new Error("repeated module statement");
      if (args.length !== 1) throw new Error("usage: module module/path");
      const deprecated = DEPRECATED_RE.exec(directiveComment(line, block))?.[1] ?? "";
      f.module = { path: parseString(args[0]), deprecated, line: at };
      return;
    }
    case "require":
    case "exclude": {
      if (args.length !== 2) throw new Error(`usage: ${verb} module/path v1.2.3`);
      const path19 = parseString(args[0]);
      const version = parseVersion(path19, args[1]);
      checkMajor(path19, version);
      if (verb === "require") f.require.push({ path: path19, version, indirect: isIndirect(line), line: at });
      else f.exclude.push({ path: path19, version, line: at });
      return;
    }
    case "retract": {
      const [low, high, rest] = parseInterval(args);
      if (rest.length > 0) throw new Error(`unexpected token after version: "${rest[0]}"`);
      f.retract.push({ low, high, rationale: directiveComment(line, block), line: at });
      return;
    }
    case "tool":
    case "ignore": {
      if (args.length !== 1) throw new Error(`${verb} directive expects exactly one argument`);
      f[verb].push({ path: parseString(args[0]), line: at });
      return;
    }
    default:
      throw new Error(`unknown directive: ${verb}`);
  }
}
function parseReplace(args) {
  const arrow = args.length >= 2 && args[1] === "=>" ? 1 : 2;
  if (args.length < arrow + 2 || args.length > arrow + 3 || args[arrow] !== "=>") {
    throw new Error(
      "usage: replace module/path [v1.2.3] => other/module v1.4\n	 or replace module/path [v1.2.3] => ../local/directory"
    );
  }
  const oldPath = parseString(args[0]);
  const oldVersion = arrow === 2 ? parseVersion(oldPath, args[1]) : "";
  checkMajor(oldPath, arrow === 2 ? oldVersion : void 0);
  const newPath = parseString(args[arrow + 1]);
  let newVersion = "";
  if (args.length === arrow + 2 && !isDirectoryPath(newPath)) {
    throw new Error(
      newPath.includes("@") ? "replacement module must match format 'path version', not 'path@version'" : "replacement module without version must be directory path (rooted or starting with . or ..)"
    );
  }
  if (args.length === arrow + 3) {
    newVersion = parseVersion(newPath, args[arrow + 2]);
    if (isDirectoryPath(newPath)) throw new Error(`replacement module directory path "${newPath}" cannot have version`);
  }
  return { old: { path: oldPath, version: oldVersion }, new: { path: newPath, version: newVersion } };
}
function parseInterval(args) {
  if (args.length === 0 || args[0] === "(") throw new Error("expected '[' or version");
  if (args[0] !== "[") {
    const v = parseString(args[0]);
    return [v, v, args.slice(1)];
  }
  if (args.length < 2) throw new Error("expected version after '['");
  const low = parseString(args[1]);
  if (args[2] !== ",") throw new Error("expected ',' after version");
  if (args.length < 4) throw new Error("expected version after ','");
  const high = parseString(args[3]);
  if (args[4] !== "]") throw new Error("expected ']' after version");
  return [low, high, args.slice(5)];
}
function parse(text, kind) {
  const file = emptyFile();
  const errors = [];
  const add = (verb, args, line, block) => {
    try {
      addDirective(file, kind, verb, args, line, block);
    } catch (error) {
      errors.push({ line: line.line, message: error instanceof Error ? error.message : String(error) });
    }
  };
  try {
    parseSyntax(text, {
      line: (line, block) => block ? add(block.tokens[0], line.tokens, line, block) : add(line.tokens[0], line.tokens.slice(1), line),
      block: (block) => {
        if (block.tokens.length === 1 && BLOCK_VERBS[kind].has(block.tokens[0])) return true;
        errors.push({ line: block.line, message: `unknown block type: ${block.tokens.join(" ")}` });
        return false;
      }
    });
  } catch (error) {
    if (error instanceof SyntaxError)
      return { file: emptyFile(), errors: [{ line: error.line, message: error.message }] };
    throw error;
  }
  return { file, errors };
}
function parseModFile(text) {
  return parse(text, "mod");
}
function parseWorkFile(text) {
  return parse(text, "work");
}
function replacementLookup(mod) {
  if (mod === void 0 || mod.replace.length === 0) return () => void 0;
  const byPath = /* @__PURE__ */ new Map();
  for (const r of mod.replace) {
    const same = byPath.get(r.old.path);
    if (same) same.push(r);
    else byPath.set(r.old.path, [r]);
  }
  return (path19, version) => {
    let ofAll;
    for (const r of byPath.get(path19) ?? []) {
      if (r.old.version === version) return r;
      if (r.old.version === "") ofAll ??= r;
    }
    return ofAll;
  };
}

// src/checks/replace.ts
function describe(r) {
  const side = (p, v) => v ? `${p} ${v}` : p;
  return `replace ${side(r.old.path, r.old.version)} => ${side(r.new.path, r.new.version)}`;
}
function judgeReplace(replace, file, config) {
  const what = describe(replace);
  const located = { file, line: replace.line, module: replace.old.path, version: replace.old.version || void 0 };
  if (isDirectoryPath(replace.new.path)) {
    if (config.allowLocalReplace) return void 0;
    return newFinding("replace-local-path", {
      ...located,
      message: `${what}: builds ${replace.old.path} from the local directory ${replace.new.path}, which no checksum covers. Remove it, or set allow-local-replace: true if this repository is a monorepo that means it.`
    });
  }
  if (findAllowingRule(config.allowReplace, replace.old, replace.new)) return void 0;
  return newFinding("replace-not-allowed", {
    ...located,
    message: `${what}: not matched by any allow-replace pattern${config.allowReplace.length === 0 ? " (none are set)" : ""}. Remove the replacement, or add "${replace.old.path} => ${replace.new.path}" to allow-replace.`
  });
}
var directiveKey = (r) => `${r.old.path} ${r.old.version} => ${r.new.path} ${r.new.version}`;
async function directivesAtBase(ctx, file, parse3) {
  if (!ctx.config.onlyNew) return /* @__PURE__ */ new Set();
  const base = await ctx.base();
  if ("skipped" in base) return /* @__PURE__ */ new Set();
  const text = await ctx.readAtBase(base.sha, file);
  return new Set(text === void 0 ? [] : parse3(text).file.replace.map(directiveKey));
}
function workspaceFinding(file, r) {
  return newFinding("replace-in-workspace", {
    file,
    line: r.line,
    module: r.old.path,
    version: r.old.version || void 0,
    message: `${describe(r)} in ${file}: a workspace replacement applies to every module of the workspace, outside any go.mod a reviewer checks. Move it into the go.mod that needs it (where allow-replace judges it), or remove it.`
  });
}
var replaceCheck = {
  id: "replace",
  needs: "files",
  judges: "module",
  async judge(ctx) {
    const [file, parse3, directives] = ctx.kind === "module" ? [ctx.module.goModFile, parseModFile, ctx.module.mod.file.replace] : [ctx.workspace.file, parseWorkFile, ctx.workspace.work.file.replace];
    const findings = [];
    if (ctx.config.onlyNew) {
      const base = await ctx.base();
      if ("skipped" in base)
        findings.push(
          skipped("replace", file, `only-new is set but ${base.skipped}; every directive is judged`, base.fix)
        );
    }
    const old = await directivesAtBase(ctx, file, parse3);
    for (const r of directives) {
      if (old.has(directiveKey(r))) continue;
      const finding = ctx.kind === "module" ? judgeReplace(r, file, ctx.config) : workspaceFinding(file, r);
      if (finding) findings.push(finding);
    }
    return findings;
  }
};

// src/go/buildlist.ts
async function listBuildList(go, module, options = {}) {
  const result = await ScratchModFile.runOnce(go, module, ["list", "-m", "-mod=mod", "-e", "-json", "all"], options);
  const error = goFailure(result);
  return { modules: parseJSONStream(result.stdout), ...error === void 0 ? {} : { error } };
}
async function listModGraph(go, module, options = {}) {
  const result = await ScratchModFile.runOnce(go, module, ["mod", "graph"], options);
  const edges = result.stdout.split("\n").filter(Boolean).map((l) => l.split(" "));
  const error = goFailure(result);
  return { edges, ...error === void 0 ? {} : { error } };
}
var ModuleGraphs = class {
  constructor(go) {
    this.go = go;
  }
  go;
  lists = /* @__PURE__ */ new Map();
  graphs = /* @__PURE__ */ new Map();
  buildList(module) {
    return once(this.lists, module.dir, () => listBuildList(this.go, module));
  }
  modGraph(module) {
    return once(this.graphs, module.dir, () => listModGraph(this.go, module));
  }
  /**
   * Starts both for the audit snapshot, read after the steps: in the background of the CPU
   * budget, so they fill slots the steps leave idle. A step asking first sets the priority.
   */
  prefetch(module) {
    const background = { background: true };
    once(this.lists, module.dir, () => listBuildList(this.go, module, background)).catch(() => {
    });
    once(this.graphs, module.dir, () => listModGraph(this.go, module, background)).catch(() => {
    });
  }
};
function once(runs, key, start) {
  let run = runs.get(key);
  if (run === void 0) runs.set(key, run = start());
  return run;
}
function requiredThrough(edges, main, target) {
  const next = /* @__PURE__ */ new Map();
  for (const [from, to] of edges) next.set(from, [...next.get(from) ?? [], to]);
  const via = new Map((next.get(main) ?? []).map((d) => [d, d]));
  const queue = [...via.keys()];
  for (let i = 0; i < queue.length; i++) {
    if (queue[i] === target) return via.get(target);
    for (const to of next.get(queue[i]) ?? []) {
      if (via.has(to) || to === main) continue;
      via.set(to, via.get(queue[i]));
      queue.push(to);
    }
  }
  return void 0;
}
function requirersOf(edges, targets) {
  const out = new Map(targets.map((t) => [t, []]));
  const split = (node) => {
    const at = node.lastIndexOf("@");
    const p = node.slice(0, at);
    return at < 0 || p === "go" || p === "toolchain" ? void 0 : { path: p, version: node.slice(at + 1) };
  };
  const selected = /* @__PURE__ */ new Map();
  for (const node of edges.flat()) {
    const m = split(node);
    const current = m && selected.get(m.path);
    if (m && (current === void 0 || compare(m.version, current) > 0)) selected.set(m.path, m.version);
  }
  for (const [from, to] of edges) {
    const requirer = split(from);
    const list = out.get(to);
    if (list && requirer && selected.get(requirer.path) === requirer.version && !list.includes(from)) list.push(from);
  }
  return out;
}
async function listPackageModules(go, module, patterns, test) {
  const result = await ScratchModFile.runOnce(go, module, [
    "list",
    "-mod=mod",
    "-e",
    "-deps",
    ...test ? ["-test"] : [],
    "-json=Module",
    "--",
    ...patterns
  ]);
  const used = /* @__PURE__ */ new Set();
  for (const p of parseJSONStream(result.stdout))
    if (p.Module?.Version) used.add(`${p.Module.Path}@${p.Module.Version}`);
  return used;
}

// src/go/releases.ts
import * as fs from "node:fs/promises";
import * as os2 from "node:os";
import * as path2 from "node:path";
async function listReleases(go, paths) {
  const out = /* @__PURE__ */ new Map();
  const unique = [];
  for (const p of new Set(paths)) {
    const why2 = checkModulePath(p);
    if (why2 === "") unique.push(p);
    else out.set(p, { error: `malformed module path ${JSON.stringify(p)}: ${why2}` });
  }
  if (unique.length === 0) return out;
  const dir = await fs.mkdtemp(path2.join(os2.tmpdir(), "go-guard-releases-"));
  try {
    await fs.writeFile(path2.join(dir, "go.mod"), "module go-guard-scratch\n");
    const result = await go.run(["list", "-m", "-versions", "-json", "-e", "--", ...unique], { cwd: dir });
    for (const m of parseJSONStream(result.stdout)) {
      out.set(m.Path, m.Error ? { error: m.Error.Err } : { versions: m.Versions ?? [] });
    }
    const why2 = goErrorText(result.stderr) || `go list exited with status ${result.code}`;
    for (const p of unique) if (!out.has(p)) out.set(p, { error: why2 });
  } catch (error) {
    if (!(error instanceof GoCommandError)) throw error;
    for (const p of unique) out.set(p, { error: error.message });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  return out;
}

// src/go/sumdb.ts
import * as fs2 from "node:fs/promises";
import * as os3 from "node:os";
import * as path3 from "node:path";
function fromDatabase(moduleVersion, error) {
  return error.startsWith(`${moduleVersion}: verifying `);
}
async function ask(go, dir, moduleVersions, answers) {
  let result;
  try {
    result = await go.run(["mod", "download", "-json", "--", ...moduleVersions], { cwd: dir });
  } catch (error) {
    if (!(error instanceof GoCommandError && error.timedOut)) throw error;
    for (const mv of moduleVersions) answers.set(mv, { problem: error.message });
    return error.message;
  }
  for (const d of parseJSONStream(result.stdout)) {
    const key = `${d.Path}@${d.Version}`;
    const vouched = { sum: d.Sum, goModSum: d.GoModSum };
    if (d.Error) {
      answers.set(key, {
        ...vouched,
        problem: d.Error,
        mismatch: /checksum mismatch|SECURITY ERROR/.test(d.Error),
        unfetched: !fromDatabase(key, d.Error)
      });
    } else answers.set(key, vouched);
  }
  const why2 = goErrorText(result.stderr) || `go mod download exited with status ${result.code}`;
  if (moduleVersions.length === 1 && !answers.has(moduleVersions[0])) {
    answers.set(moduleVersions[0], { problem: why2, mismatch: /checksum mismatch|SECURITY ERROR/.test(why2) });
  }
  return why2;
}
async function checkWithDatabase(go, moduleVersions) {
  const env = await go.env();
  const answers = /* @__PURE__ */ new Map();
  const valid = [];
  for (const { path: modulePath, version } of moduleVersions) {
    const why2 = checkModuleVersion(modulePath, version);
    if (why2 === "") valid.push(`${modulePath}@${version}`);
    else answers.set(`${modulePath}@${version}`, { problem: why2, malformed: true });
  }
  const unique = [...new Set(valid)].sort();
  const exempt = new Set(unique.filter((mv) => matchPrefixPatterns(env.GONOSUMDB, mv.slice(0, mv.lastIndexOf("@")))));
  const asked = unique.filter((mv) => !exempt.has(mv));
  if (env.GOSUMDB === "off" || asked.length === 0) return { database: env.GOSUMDB, exempt, answers };
  const dir = await fs2.mkdtemp(path3.join(os3.tmpdir(), "go-guard-sumdb-"));
  try {
    const why2 = await ask(go, dir, asked, answers);
    const unanswered = asked.filter((mv) => !answers.has(mv));
    const mismatch = /checksum mismatch|SECURITY ERROR/.test(why2);
    for (const mv of unanswered) {
      if (mismatch) await ask(go, dir, [mv], answers);
      else answers.set(mv, { problem: why2 });
    }
  } finally {
    await fs2.rm(dir, { recursive: true, force: true });
  }
  return { database: env.GOSUMDB, exempt, answers };
}

// src/go/sumfile.ts
function isGoSpace(c) {
  if (c <= 32) return c === 32 || c >= 9 && c <= 13;
  if (c < 133) return false;
  return c === 133 || c === 160 || c === 5760 || c >= 8192 && c <= 8202 || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288;
}
var RARE_SPACE = /[\t\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
function record(bounds, count, from, to) {
  if (2 * count < bounds.length) {
    bounds[2 * count] = from;
    bounds[2 * count + 1] = to;
  }
  return count + 1;
}
function exactFields(text, start, end, bounds) {
  let count = 0;
  let from = -1;
  for (let i = start; i < end; i++) {
    if (isGoSpace(text.charCodeAt(i))) {
      if (from >= 0) count = record(bounds, count, from, i);
      from = -1;
    } else if (from < 0) {
      from = i;
    }
  }
  return from >= 0 ? record(bounds, count, from, end) : count;
}
var LineFields = class {
  constructor(text) {
    this.text = text;
  }
  text;
  rare = -1;
  space = -1;
  /** Like exactFields for the line text[start, end), which must follow the previous one. */
  split(start, end, bounds) {
    if (this.rare < start) {
      RARE_SPACE.lastIndex = start;
      this.rare = RARE_SPACE.exec(this.text)?.index ?? this.text.length;
    }
    let stop = end;
    if (this.rare < end) {
      if (this.rare !== end - 1 || this.text.charCodeAt(this.rare) !== 13) {
        return exactFields(this.text, start, end, bounds);
      }
      stop = end - 1;
    }
    let count = 0;
    let pos = start;
    while (pos < stop) {
      if (this.text.charCodeAt(pos) === 32) {
        pos++;
        continue;
      }
      if (this.space < pos) {
        this.space = this.text.indexOf(" ", pos);
        if (this.space === -1) this.space = this.text.length;
      }
      const to = Math.min(this.space, stop);
      count = record(bounds, count, pos, to);
      pos = to + 1;
    }
    return count;
  }
};
var EMPTY_GO_MOD_HASH = "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=";
var GO_MOD_SUFFIX = "/go.mod";
function sumKey(l) {
  return `${l.path} ${l.version}${l.goMod ? GO_MOD_SUFFIX : ""}`;
}
function sameText(text, from, to, known) {
  return known !== void 0 && known.length === to - from && text.startsWith(known, from) ? known : void 0;
}
function scanSumFile(text, visit, malformed) {
  const fields2 = new LineFields(text);
  const bounds = new Int32Array(6);
  const at = {
    line: 0,
    pathFrom: 0,
    pathTo: 0,
    versionFrom: 0,
    versionTo: 0,
    keyTo: 0,
    goMod: false,
    hashFrom: 0,
    hashTo: 0
  };
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    at.line++;
    const count = fields2.split(start, end, bounds);
    const lineStart = start;
    start = end + 1;
    if (count === 0) continue;
    if (count !== 3) {
      malformed.push({ line: at.line, text: text.slice(lineStart, end), fields: count });
      continue;
    }
    if (bounds[5] - bounds[4] === EMPTY_GO_MOD_HASH.length && text.startsWith(EMPTY_GO_MOD_HASH, bounds[4])) continue;
    const keyTo = bounds[3];
    at.goMod = keyTo - bounds[2] >= GO_MOD_SUFFIX.length && text.startsWith(GO_MOD_SUFFIX, keyTo - GO_MOD_SUFFIX.length);
    at.pathFrom = bounds[0];
    at.pathTo = bounds[1];
    at.versionFrom = bounds[2];
    at.versionTo = at.goMod ? keyTo - GO_MOD_SUFFIX.length : keyTo;
    at.keyTo = keyTo;
    at.hashFrom = bounds[4];
    at.hashTo = bounds[5];
    visit(at);
  }
}
function parseSumFile(text) {
  const lines = [];
  const malformed = [];
  let prevPath;
  let prevVersion;
  scanSumFile(
    text,
    (at) => {
      const path19 = sameText(text, at.pathFrom, at.pathTo, prevPath) ?? text.slice(at.pathFrom, at.pathTo);
      const version = sameText(text, at.versionFrom, at.versionTo, prevVersion) ?? text.slice(at.versionFrom, at.versionTo);
      prevPath = path19;
      prevVersion = version;
      const goMod = at.goMod;
      const key = at.versionFrom === at.pathTo + 1 && text.charCodeAt(at.pathTo) === 32 ? text.slice(at.pathFrom, at.keyTo) : sumKey({ path: path19, version, goMod });
      lines.push({ key, path: path19, version, goMod, hash: text.slice(at.hashFrom, at.hashTo), line: at.line });
    },
    malformed
  );
  return { lines, malformed };
}
function sumLineOf(sum, path19, version, goMod) {
  const lines = sum?.lines.filter((l) => l.path === path19 && (version === void 0 || l.version === version)) ?? [];
  return lines.find((l) => goMod === void 0 || l.goMod === goMod) ?? lines[0];
}
function sumsByPath(sum) {
  const paths = /* @__PURE__ */ new Map();
  let lastPath;
  let last;
  for (const line of sum.lines) {
    let group = line.path === lastPath ? last : paths.get(line.path);
    if (group === void 0) {
      group = { lines: [], contentVersion: void 0 };
      paths.set(line.path, group);
    }
    lastPath = line.path;
    last = group;
    group.lines.push(line);
    if (!line.goMod && (group.contentVersion === void 0 || compare(line.version, group.contentVersion) > 0))
      group.contentVersion = line.version;
  }
  return paths;
}
var SAME_HASH = true;
var VERSION_FROM = 0;
var VERSION_TO = 1;
var IS_GO_MOD = 2;
var HASH_FROM = 3;
var HASH_TO = 4;
var STRIDE = 5;
var BaseSum = class {
  constructor(text) {
    this.text = text;
    let lastPath;
    let last;
    scanSumFile(
      text,
      (at) => {
        if (sameText(text, at.pathFrom, at.pathTo, lastPath) === void 0) {
          lastPath = text.slice(at.pathFrom, at.pathTo);
          last = this.byPath.get(lastPath);
          if (last === void 0) this.byPath.set(lastPath, last = []);
        }
        last.push(at.versionFrom, at.versionTo, at.goMod ? 1 : 0, at.hashFrom, at.hashTo);
      },
      []
    );
  }
  text;
  byPath = /* @__PURE__ */ new Map();
  has(path19) {
    return this.byPath.has(path19);
  }
  /** The lines of `path`, for hashOf; undefined where base has none. */
  linesOf(path19) {
    return this.byPath.get(path19);
  }
  /**
   * SAME_HASH where a base line of the key `path version[/go.mod]` (of `lines`, its path's) has
   * `hash`; otherwise the first hash base lists for the key, or undefined where base has no line
   * of it. go accepts any hash listed for a key (modfetch.checkModSum), so one match is enough.
   */
  hashOf(lines, version, goMod, hash) {
    if (lines === void 0) return void 0;
    let first = -1;
    for (let i = 0; i < lines.length; i += STRIDE) {
      if (lines[i + IS_GO_MOD] === 1 !== goMod || !this.holds(lines, i + VERSION_FROM, version)) continue;
      if (this.holds(lines, i + HASH_FROM, hash)) return SAME_HASH;
      if (first < 0) first = i;
    }
    return first < 0 ? void 0 : this.text.slice(lines[first + HASH_FROM], lines[first + HASH_TO]);
  }
  /** Each path base hashes content for, with the highest such version (the first of equals). */
  contentVersions(visit) {
    this.byPath.forEach((lines, path19) => {
      let highest;
      for (let i = 0; i < lines.length; i += STRIDE) {
        if (lines[i + IS_GO_MOD] === 1) continue;
        if (highest !== void 0 && this.holds(lines, i + VERSION_FROM, highest)) continue;
        const version = this.text.slice(lines[i + VERSION_FROM], lines[i + VERSION_TO]);
        if (highest === void 0 || compare(version, highest) > 0) highest = version;
      }
      if (highest !== void 0) visit(path19, highest);
    });
  }
  /** Whether the field at lines[from], lines[from + 1] reads `s`. */
  holds(lines, from, s) {
    return lines[from + 1] - lines[from] === s.length && this.text.startsWith(s, lines[from]);
  }
};
function indexSum(sum) {
  const index = /* @__PURE__ */ new Map();
  for (const l of sum.lines) {
    const group = index.get(l.key);
    if (group) group.push(l);
    else index.set(l.key, [l]);
  }
  return index;
}

// src/go/retractions.ts
function isSafeModuleArg({ path: path19, version }) {
  return checkModuleVersion(path19, version) === "";
}
function proxyUnavailable(goproxy) {
  return goproxy.split(/[,|]/)[0]?.trim() === "off" ? "GOPROXY=off disables the module proxy" : void 0;
}
async function listLifecycle(go, module, mods) {
  const result = await ScratchModFile.runOnce(go, module, [
    "list",
    "-m",
    "-u",
    "-retracted",
    "-e",
    // -retracted refuses vendor mode, the default where vendor/ exists.
    "-mod=mod",
    "-json=Path,Version,Retracted,Deprecated,Error",
    "--",
    ...mods.map((m) => `${m.path}@${m.version}`)
  ]);
  const error = goFailure(result);
  return { answers: parseJSONStream(result.stdout), ...error === void 0 ? {} : { error } };
}

// src/choices/lifecycle.ts
var RULE_IDS = ["sum-retracted-version", "sum-deprecated-module"];
function judgedRequirements({ module, baseMod }, hasBase) {
  const base = hasBase && baseMod !== void 0 ? baseMod.require : [];
  const atBase = new Set(base.map((b) => `${b.path} ${b.version}`));
  const replacementOf = replacementLookup(module.mod.file);
  return module.mod.file.require.filter(
    (r) => !atBase.has(`${r.path} ${r.version}`) && !isDirectoryPath(replacementOf(r.path, r.version)?.new.path ?? "")
  );
}
async function moduleFindings(ctx, judged, hasBase) {
  const { module } = judged;
  const requirements = judgedRequirements(judged, hasBase);
  if (requirements.length === 0) return [];
  const notChecked = (mods, why2) => skipped(
    "sum-drift",
    module.goModFile,
    `retractions and deprecations of ${mods.map((m) => `${m.path}@${m.version}`).join(", ")} were not checked: ${why2}`,
    "make the module proxy (`go env GOPROXY`) reachable: retractions and deprecations are read from it"
  );
  const unavailable = proxyUnavailable((await ctx.go.env()).GOPROXY);
  if (unavailable !== void 0) return [notChecked(requirements, `${unavailable}; they are read from the proxy.`)];
  const findings = [];
  const unsafe = requirements.filter((r) => !isSafeModuleArg(r));
  if (unsafe.length > 0) findings.push(notChecked(unsafe, "not a valid module path and version."));
  const asked = requirements.filter(isSafeModuleArg);
  if (asked.length === 0) return findings;
  let listed;
  try {
    listed = await listLifecycle(ctx.go, module, asked);
  } catch (error) {
    if (!(error instanceof GoCommandError)) throw error;
    return [...findings, notChecked(asked, error.message)];
  }
  const failed = [];
  const unanswered = [];
  for (const r of asked) {
    const answer = listed.answers.find((a) => a.Path === r.path && a.Version === r.version);
    const at = { file: module.goModFile, line: r.line, module: r.path, version: r.version };
    if (answer === void 0) {
      unanswered.push(`${r.path}@${r.version}`);
      continue;
    }
    if (answer.Error) {
      failed.push(`${r.path}@${r.version} (${answer.Error.Err})`);
      continue;
    }
    if (answer.Retracted?.length) {
      findings.push(
        newFinding("sum-retracted-version", {
          ...at,
          message: `${r.path}@${r.version} is retracted by its author: ${answer.Retracted.join("; ")}. Require a version that is not retracted (\`go list -m -versions ${r.path}\` lists them; \`go get ${r.path}@latest\` picks the latest).`
        })
      );
    }
    if (answer.Deprecated) {
      findings.push(
        newFinding("sum-deprecated-module", {
          ...at,
          message: `${r.path} is deprecated by its author: ${answer.Deprecated.trim().replace(/\.$/, "")}. Move to the replacement the deprecation names, or confirm this dependency is still wanted.`
        })
      );
    }
  }
  if (unanswered.length > 0) failed.push(`${unanswered.join(", ")} (${listed.error ?? "go gave no answer"})`);
  if (failed.length > 0) {
    findings.push(
      skipped(
        "sum-drift",
        module.goModFile,
        `retractions and deprecations could not be read from the module proxy for ${failed.join(", ")}`,
        "make the module proxy (`go env GOPROXY`) reachable: retractions and deprecations are read from it"
      )
    );
  }
  return findings;
}
async function lifecycleFindings(ctx, modules, hasBase) {
  if (allRulesOff(ctx.config, RULE_IDS)) return [];
  return (await mapLimit(modules, 2, (m) => moduleFindings(ctx, m, hasBase))).flat();
}

// src/checks/verify.ts
import * as fs3 from "node:fs/promises";
import * as path4 from "node:path";

// src/choices/denied.ts
function describeRule(rule) {
  return `deny-modules line ${rule.line} "${rule.pattern}"${rule.reason ? ` (${rule.reason})` : ""}`;
}
function deniedFinding(at, path19, version, what, rule, through = "") {
  return newFinding("mod-denied", {
    ...at,
    module: path19,
    version,
    message: `${what} but denied by ${describeRule(rule)}.${through} Remove the requirement, or upgrade or replace what pulls it in (\`go mod why -m ${path19}\` shows the way).`
  });
}
function deniedInWorkspace(rules, workFile, built, locate) {
  return built.flatMap((m) => {
    const rule = findDenyingRule(rules, m.Path, m.Version);
    if (rule === void 0) return [];
    const what = `${m.Path}@${m.Version}, which the workspace of ${workFile} builds though none of its modules alone does, is in the build`;
    return [deniedFinding(locate(m.Path, m.Version), m.Path, m.Version, what, rule)];
  });
}
async function deniedModuleFindings(ctx, module) {
  const rules = ctx.config.denyModules;
  if (rules.length === 0) return [];
  const list = await ctx.graphs.buildList(module);
  const used = [];
  for (const m of list.modules) {
    if (m.Main) continue;
    used.push({ path: m.Path, version: m.Version ?? "" });
    if (m.Replace?.Version) used.push({ path: m.Replace.Path, version: m.Replace.Version, replaces: m.Path });
  }
  for (const r of module.mod.file.require)
    if (!list.modules.some((m) => m.Path === r.path)) used.push({ path: r.path, version: r.version });
  const hits = /* @__PURE__ */ new Map();
  for (const u of used) {
    const rule = findDenyingRule(rules, u.path, u.version);
    const key = `${u.path}@${u.version}`;
    if (rule !== void 0 && !hits.has(key)) hits.set(key, { used: u, rule });
  }
  let graph;
  const findings = [];
  for (const [key, { used: u, rule }] of hits) {
    const named = u.replaces ?? u.path;
    let at = locateModule(module, named, u.replaces ? void 0 : u.version);
    let through = "";
    if (at.line === 1 && at.file === module.goModFile) {
      graph ??= ctx.graphs.modGraph(module).then((g) => g.edges);
      const via = requiredThrough(await graph, module.mod.file.module?.path ?? "", key);
      const req = via && module.mod.file.require.find((r) => `${r.path}@${r.version}` === via);
      if (req) {
        at = { file: module.goModFile, line: req.line };
        through = ` It is required through ${via}.`;
      }
    }
    const what = u.replaces ? `${key}, which replaces ${u.replaces},` : key;
    findings.push(deniedFinding(at, u.path, u.version, `${what} is in the build`, rule, through));
  }
  if (list.error !== void 0)
    findings.push(
      skipped(
        "verify",
        module.goModFile,
        `deny-modules may have missed modules of the build list, which go could not list (${list.error}); the requirements of ${module.goModFile} were judged.`,
        "fix what the verify step reports about the module graph; then the whole build list is judged"
      )
    );
  return findings;
}

// src/go/gover.ts
function parse2(x) {
  const m = /^(\d+)(?:\.(\d+)(?:\.(\d+)|(alpha|beta|rc)(\d+))?)?$/.exec(x);
  if (m === null) return void 0;
  return { major: m[1], minor: m[2] ?? "", patch: m[3] ?? "", kind: m[4] ?? "", pre: m[5] ?? "" };
}
function cmpInt(x, y) {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}
var KINDS = ["", "alpha", "beta", "rc"];
function compareGoVersions(x, y) {
  const a = parse2(x);
  const b = parse2(y);
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return cmpInt(a.major, b.major) || cmpInt(a.minor, b.minor) || cmpInt(a.patch, b.patch) || Math.sign(KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind)) || cmpInt(a.pre, b.pre);
}
function fromToolchainName(name) {
  const m = /^go(\d[^\s+-]*)/.exec(name);
  return m && parse2(m[1]) ? m[1] : void 0;
}

// src/go/tidy.ts
var DIRECTIVES = /* @__PURE__ */ new Set(["require", "exclude", "replace", "retract", "tool", "ignore", "godebug"]);
function lineKey(file, text) {
  const fields2 = text.replace(/\/\/.*$/, "").trim().split(/\s+/);
  if (file === "go.sum") return fields2.slice(0, 2).join(" ");
  if (DIRECTIVES.has(fields2[0]) && fields2.length > 2) fields2.shift();
  return fields2[0];
}
function parseTidyDiff(diff) {
  const lines = [];
  let file;
  let hunk = 0;
  let oldLine = 0;
  for (const text of diff.split("\n")) {
    const header = /^diff current\/(go\.mod|go\.sum) /.exec(text);
    if (header) {
      file = header[1];
      continue;
    }
    const range = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/.exec(text);
    if (range) {
      hunk++;
      oldLine = Number(range[1]) + (range[2] === "0" ? 1 : 0);
      continue;
    }
    if (file === void 0 || hunk === 0 || text.startsWith("--- ") || text.startsWith("+++ ")) continue;
    if (text.startsWith("-")) lines.push({ file, hunk, removed: true, line: oldLine++, text: text.slice(1) });
    else if (text.startsWith("+")) lines.push({ file, hunk, removed: false, line: oldLine, text: text.slice(1) });
    else if (text.startsWith(" ")) oldLine++;
  }
  const changes = [];
  const paired = /* @__PURE__ */ new Set();
  for (const r of lines.filter((l) => l.removed)) {
    const key = lineKey(r.file, r.text);
    const a = lines.find(
      (l) => !l.removed && !paired.has(l) && l.file === r.file && l.hunk === r.hunk && lineKey(l.file, l.text) === key
    );
    if (a === void 0) {
      changes.push({ file: r.file, action: "remove", line: r.line, before: r.text });
      continue;
    }
    paired.add(a);
    if (r.text.endsWith("\r") && a.text === r.text.slice(0, -1)) continue;
    changes.push(
      a.text === r.text ? { file: r.file, action: "move", line: r.line, before: r.text } : { file: r.file, action: "change", line: r.line, before: r.text, after: a.text }
    );
  }
  for (const a of lines.filter((l) => !l.removed && !paired.has(l)))
    changes.push({ file: a.file, action: "add", line: a.line, after: a.text });
  return changes.sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line);
}
async function tidyDiff(go, module) {
  const release = fromToolchainName((await go.env()).GOVERSION);
  if (release !== void 0 && compareGoVersions(release, "1.23") < 0)
    return { skipped: `go mod tidy -diff needs go 1.23 or later; this is go${release}` };
  const result = await ScratchModFile.runOnce(go, module, ["mod", "tidy", "-diff"]);
  const failure = goFailure(result);
  if (failure === void 0) return { changes: [] };
  const changes = parseTidyDiff(result.stdout);
  return changes.length > 0 ? { changes } : { skipped: `go mod tidy -diff failed: ${failure}`, failed: result };
}

// src/choices/tidy.ts
function namesModule(c) {
  if ((c.before ?? "").trim() === "") return false;
  return c.file === "go.sum" || /[./]/.test(c.before?.replace(/\/\/.*$/, "") ?? "");
}
var UNSEEN_SPACE = /[\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
function quoted(text) {
  if ((text ?? "").trim() === "") return "a blank line";
  return `"${text.replace(UNSEEN_SPACE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}
var sameFields = (a, b) => (a ?? "").trim().split(/[\s\u0085]+/).join(" ") === (b ?? "").trim().split(/[\s\u0085]+/).join(" ");
function repeated(c, module) {
  if (c.file !== "go.sum" || c.action !== "remove") return void 0;
  const removed = module.sum?.lines.find((l) => l.line === c.line);
  return module.sum?.lines.find(
    (l) => removed !== void 0 && l.key === removed.key && l.hash === removed.hash && l.line !== removed.line
  )?.line;
}
function describe2(c, file, module) {
  switch (c.action) {
    case "add":
      return `go mod tidy would add ${quoted(c.after)} to ${file} here`;
    case "remove": {
      const same = repeated(c, module);
      if (same !== void 0)
        return `go mod tidy would remove ${quoted(c.before)} from ${file}: line ${same} says the same, and go writes each hash once`;
      return `go mod tidy would remove ${quoted(c.before)} from ${file}${namesModule(c) ? ": no package of the module or of its tests needs it" : ""}`;
    }
    case "change":
      return sameFields(c.before, c.after) ? `go mod tidy would rewrite the white space of ${quoted(c.before)} in ${file} as ${quoted(c.after)}` : `go mod tidy would change ${quoted(c.before)} to ${quoted(c.after)} in ${file}`;
    case "move":
      return `go mod tidy would move ${quoted(c.before)} within ${file} (${c.file === "go.sum" ? "it writes go.sum sorted" : "it writes each block sorted, and requirements direct apart from indirect"})`;
  }
}
function lineCount(text) {
  return text === void 0 ? 0 : text.replace(/\n$/, "").split("\n").length;
}
async function tidyFindings(ctx, module) {
  if (allRulesOff(ctx.config, ["mod-not-tidy"])) return [];
  const result = await tidyDiff(ctx.go, module);
  if ("skipped" in result) {
    const mismatches = result.failed ? checksumMismatches(module, result.failed) : [];
    if (mismatches.length > 0) return mismatches;
    return [
      skipped(
        "verify",
        module.goModFile,
        `tidiness not checked: ${result.skipped}`,
        "use go 1.23 or later, or fix what go reports; `rules: mod-not-tidy: off` turns the check off"
      )
    ];
  }
  return result.changes.map((c) => {
    const [file, text] = c.file === "go.mod" ? [module.goModFile, module.goModText] : [module.goSumFile, module.goSumText];
    const at = text === void 0 ? { file: module.goModFile, line: 1 } : { file, line: Math.max(1, Math.min(c.line, lineCount(text))) };
    return newFinding("mod-not-tidy", {
      ...at,
      message: `${describe2(c, file, module)}. Run \`go mod tidy\` and commit go.mod and go.sum.`,
      fixInMessage: true
    });
  });
}

// src/checks/verify.ts
function locateModule(module, modPath, version, goMod) {
  const req = module.mod.file.require.find((r) => r.path === modPath);
  if (req) return { file: module.goModFile, line: req.line };
  const sumLine = sumLineOf(module.sum, modPath, version, goMod);
  if (sumLine) return { file: module.goSumFile, line: sumLine.line };
  return { file: module.goModFile, line: 1 };
}
function locateSum(module, modPath, version) {
  const sumLine = sumLineOf(module.sum, modPath, version, false);
  return sumLine && !sumLine.goMod ? { file: module.goSumFile, line: sumLine.line } : locateModule(module, modPath, version);
}
var CHECKSUM_MISMATCH = /verifying (\S+?)@(\S+?)(\/go\.mod)?: checksum mismatch\n\s*downloaded: (\S+)\n\s*(\S+):\s+(\S+)/g;
var MODULE_ERROR = /^(?:go: )?(?:[^\s:]+: )?(\S+?)@(v\S+?)(?: \(replaced by [^)]*\))?: (.+)$/gm;
var FILE_ERROR = /^(?:go: )?(\S*go\.(mod|sum)):(\d+)(?::\d+)?: (.+)$/gm;
function moduleTarget(module) {
  return {
    file: module.goModFile,
    sumFile: module.goSumFile,
    locate: (modPath, version, goMod) => locateModule(module, modPath, version, goMod),
    lineErrors: { mod: module.goModFile, sum: module.goSumFile }
  };
}
function workspaceTarget(ws) {
  return {
    file: ws.file,
    sumFile: ws.sumFile,
    locate(modPath, version, goMod) {
      const sumLine = sumLineOf(ws.sum, modPath, version, goMod);
      if (sumLine) return { file: ws.sumFile, line: sumLine.line };
      const replace = ws.work.file.replace.find((r) => r.new.path === modPath && r.new.version === version);
      return { file: ws.file, line: replace?.line ?? 1 };
    }
  };
}
function downloadFindings(target, download) {
  const findings = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (modPath, version, message, goMod = false, cause) => {
    const key = `${modPath}@${version}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(
      newFinding("mod-download-failed", {
        ...target.locate(modPath, version, goMod),
        module: modPath,
        version,
        message,
        cause
      })
    );
  };
  const { stderr, code } = download.result;
  for (const m of stderr.matchAll(CHECKSUM_MISMATCH)) {
    const [, modPath, version, goMod, downloaded, recordedIn, recorded] = m;
    const file = recordedIn === "go.sum" || recordedIn === "go.work.sum" ? target.sumFile : recordedIn;
    add(
      modPath,
      version,
      `${modPath}@${version}${goMod ?? ""}: checksum mismatch: the download hashes to ${downloaded} but ${file} records ${recorded}. Either ${file} was edited or the module content changed at its source; a published version never changes.`,
      goMod !== void 0,
      "checksum-mismatch"
    );
  }
  for (const m of download.modules) {
    if (m.Error) add(m.Path, m.Version, `${m.Path}@${m.Version} cannot be downloaded: ${m.Error}`);
  }
  for (const m of stderr.matchAll(MODULE_ERROR)) {
    if (!m[3].includes("checksum mismatch")) add(m[1], m[2], `${m[1]}@${m[2]} cannot be downloaded: ${m[3]}`);
  }
  if (target.lineErrors) {
    const { mod, sum } = target.lineErrors;
    for (const [, , kind, line, problem] of stderr.matchAll(FILE_ERROR)) {
      const file = kind === "mod" ? mod : sum;
      findings.push(
        newFinding("mod-download-failed", {
          file,
          line: Number(line),
          message: `go cannot read ${file}, so no module can be downloaded or checked: ${problem}`
        })
      );
    }
  }
  if (code !== 0 && findings.length === 0) {
    findings.push(
      newFinding("mod-download-failed", {
        file: target.file,
        line: 1,
        message: `go mod download failed for ${target.file}: ${goFailure(download.result)}`
      })
    );
  }
  return findings;
}
function checksumMismatches(module, result) {
  return downloadFindings(moduleTarget(module), { result, modules: [] }).filter((f) => f.cause === "checksum-mismatch");
}
function failedDownloads(module, download) {
  return downloadFindings(moduleTarget(module), download).flatMap((f) => f.module ? [`${f.module}@${f.version}`] : []);
}
async function noteUnchangedRequirements(ctx, module, findings) {
  if (!findings.some((f) => f.module !== void 0 && f.file === module.goModFile)) return findings;
  const base = await ctx.base();
  if ("skipped" in base) return findings;
  const text = await ctx.readAtBase(base.sha, module.goModFile);
  if (text === void 0) return findings;
  const before = parseModFile(text).file.require;
  return findings.map(
    (f) => f.file === module.goModFile && before.some((r) => r.path === f.module && r.version === f.version) ? { ...f, message: `${f.message} (This requirement is unchanged from the base commit; it still blocks.)` } : f
  );
}
var NOT_PACKAGE_DIRS = /* @__PURE__ */ new Set(["vendor", "testdata"]);
async function packageDirs(moduleDir) {
  const dirs = [];
  const walk = async (dir, rel) => {
    const entries = await fs3.readdir(dir, { withFileTypes: true }).catch(() => []);
    if (rel !== "" && entries.some((e) => e.name === "go.mod")) return;
    if (entries.some((e) => e.isFile() && e.name.endsWith(".go"))) dirs.push(rel === "" ? "." : `./${rel}`);
    await Promise.all(
      entries.filter((e) => e.isDirectory() && !/^[._]/.test(e.name) && !NOT_PACKAGE_DIRS.has(e.name)).map((e) => walk(path4.join(dir, e.name), rel === "" ? e.name : `${rel}/${e.name}`))
    );
  };
  await walk(moduleDir, "");
  return dirs.sort();
}
var MISSING_PACKAGE_SUM = /missing go\.sum entry (?:for module providing|needed to verify) package /;
var MISSING_GOMOD_SUM = /(\S+?)@(\S+?)(?: \(replaced by (\S+?)@(\S+?)\))?: missing go\.sum entry for go\.mod file/g;
function packagesMissingSums(packages) {
  return new Set(packages.filter((p) => p.Error && MISSING_PACKAGE_SUM.test(p.Error.Err)).map((p) => p.ImportPath));
}
function unhashedProviders(module, sums, pkg) {
  const providers = module.mod.file.require.filter((r) => pkg === r.path || pkg.startsWith(`${r.path}/`)).map((r) => {
    const rep = module.mod.file.replace.find(
      (x) => x.old.path === r.path && (!x.old.version || x.old.version === r.version)
    );
    const hashed = rep ? rep.new.version ? rep.new : void 0 : r;
    return { require: r, hashed };
  });
  const unhashed = providers.filter((p) => p.hashed && !sums.has(sumKey({ ...p.hashed, goMod: false })));
  return unhashed.map((p) => ({ path: p.hashed.path, version: p.hashed.version, line: p.require.line }));
}
async function missingEntryFindings(ctx, module, mismatched) {
  const dropped = new Set(module.sum?.lines.filter((l) => mismatched.has(`${l.path}@${l.version}`)).map((l) => l.line));
  const goSum = dropped.size === 0 ? module.goSumText : module.goSumText?.split("\n").filter((_, i) => !dropped.has(i + 1)).join("\n");
  const patterns = await packageDirs(module.dir);
  const tools = module.mod.file.tool.map((t) => t.path);
  if (patterns.length === 0 && tools.length === 0) return [];
  const scratch = await ScratchModFile.create(module.goModText, goSum);
  const list = (flags, of) => scratch.run(
    ctx.go,
    ["list", "-mod=readonly", "-e", "-deps", ...flags, "-json=ImportPath,Error", "--", ...of],
    module.dir,
    module.goModFile
  );
  let results;
  try {
    results = await Promise.all([
      ...patterns.length > 0 ? [list(["-test"], patterns)] : [],
      ...tools.length > 0 ? [list([], tools)] : []
    ]);
  } finally {
    await scratch.dispose();
  }
  const findings = /* @__PURE__ */ new Map();
  const sums = indexSum(parseSumFile(goSum ?? ""));
  const packages = results.flatMap((r) => parseJSONStream(r.stdout));
  for (const pkg of packagesMissingSums(packages)) {
    const unhashed = unhashedProviders(module, sums, pkg);
    if (unhashed.length === 0 && !findings.has(pkg)) {
      findings.set(
        pkg,
        newFinding("sum-missing-entry", {
          file: module.goSumFile,
          line: 1,
          message: `${module.goSumFile} lacks a hash go needs to build package ${pkg}; go would download the module and trust whatever it gets. Run \`go mod tidy\` and commit go.sum.`,
          fixInMessage: true
        })
      );
    }
    for (const p of unhashed.filter((u) => !mismatched.has(`${u.path}@${u.version}`))) {
      const key = `${p.path}@${p.version}`;
      if (findings.has(key)) continue;
      findings.set(
        key,
        newFinding("sum-missing-entry", {
          file: module.goModFile,
          line: p.line,
          module: p.path,
          version: p.version,
          message: `${module.goSumFile} has no hash for ${key}, which go needs to build package ${pkg} (it could provide it); go would download it and trust whatever it gets. Run \`go mod tidy\` and commit go.sum.`,
          fixInMessage: true
        })
      );
    }
  }
  const texts = [...results.map((r) => r.stderr), ...packages.flatMap((p) => p.Error ? [p.Error.Err] : [])].join("\n");
  for (const [, modPath, version, newPath, newVersion] of texts.matchAll(MISSING_GOMOD_SUM)) {
    const [missingPath, missingVersion] = newPath ? [newPath, newVersion] : [modPath, version];
    const key = `${missingPath}@${missingVersion}/go.mod`;
    if (findings.has(key) || mismatched.has(`${missingPath}@${missingVersion}`)) continue;
    const rep = module.mod.file.replace.find(
      (r) => r.new.path === missingPath && r.new.version === missingVersion && (!newPath || r.old.path === modPath)
    );
    findings.set(
      key,
      newFinding("sum-missing-entry", {
        ...rep ? { file: module.goModFile, line: rep.line } : locateModule(module, modPath, version),
        module: missingPath,
        version: missingVersion,
        message: `${module.goSumFile} has no hash for ${key}${rep ? `, the replacement of ${rep.old.path}` : ""}, which loading the module graph needs. Run \`go mod tidy\` and commit go.sum.`,
        fixInMessage: true
      })
    );
  }
  return [...findings.values()];
}
async function modVerifyFindings(ctx, module, downloaded) {
  const { faults, failure } = await ctx.verification.outcome(module);
  if (failure !== void 0 && downloaded)
    return [
      newFinding("mod-verify-failed", {
        file: module.goModFile,
        line: 1,
        message: `go mod verify failed for ${module.goModFile} without naming a module it found modified, so the module cache is not verified: ${failure}`
      })
    ];
  return faults.map(
    ({ path: modPath, version, what }) => newFinding("mod-verify-failed", {
      ...locateSum(module, modPath, version),
      module: modPath,
      version,
      message: `${modPath}@${version} in the module cache no longer matches what was downloaded (${what}). The cache was modified after download: clear it (\`go clean -modcache\`, and the Actions cache entry) and find out what wrote to it.`
    })
  );
}
async function replacementFindings(ctx, module, download) {
  const sums = module.sum ? indexSum(module.sum) : /* @__PURE__ */ new Map();
  const findings = [];
  for (const rep of module.mod.file.replace) {
    if (rep.new.version === "") continue;
    const fetched = download.modules.find((m) => m.Path === rep.new.path && m.Version === rep.new.version && m.Dir);
    if (!fetched?.Dir) continue;
    const recorded = sums.get(sumKey({ path: rep.new.path, version: rep.new.version, goMod: false })) ?? [];
    if (recorded.length === 0) continue;
    const actual = await ctx.verification.hashDir(fetched.Dir, `${rep.new.path}@${rep.new.version}`);
    if (recorded.some((l) => l.hash === actual)) continue;
    findings.push(
      newFinding("mod-verify-failed", {
        file: module.goSumFile,
        line: recorded[0].line,
        module: rep.new.path,
        version: rep.new.version,
        message: `the cached copy of ${rep.new.path}@${rep.new.version}, which replaces ${rep.old.path} (${module.goModFile}:${rep.line}), hashes to ${actual} but go.sum records ${recorded[0].hash}. \`go mod verify\` never hashes replacements; clear the module cache and find out what modified it.`
      })
    );
  }
  return findings;
}
async function timeoutFinding(ctx, file, timeout) {
  const env = await ctx.go.env();
  return newFinding("mod-download-failed", {
    file,
    line: 1,
    message: `the modules of ${file} could not be downloaded in time (${timeout}), so none could be checked. Check that the module proxy (GOPROXY=${env.GOPROXY}) is reachable; set GO_GUARD_GO_TIMEOUT (seconds) to wait longer.`
  });
}
async function verifyModule(ctx, module) {
  const download = await ctx.downloads.get(module);
  if (download.timeout !== void 0) return [await timeoutFinding(ctx, module.goModFile, download.timeout)];
  const downloadFailures = await noteUnchangedRequirements(
    ctx,
    module,
    downloadFindings(moduleTarget(module), download)
  );
  const mismatched = new Set(
    downloadFailures.filter((f) => f.cause === "checksum-mismatch").map((f) => `${f.module}@${f.version}`)
  );
  const [missing, verified, replaced, denied] = await Promise.all([
    missingEntryFindings(ctx, module, mismatched),
    modVerifyFindings(ctx, module, downloadFailures.length === 0),
    replacementFindings(ctx, module, download),
    deniedModuleFindings(ctx, module)
  ]);
  const broken = [...downloadFailures, ...missing, ...verified, ...replaced];
  return [...broken, ...denied, ...broken.length === 0 ? await tidyFindings(ctx, module) : []];
}
async function workspaceOnlyFindings(ctx, ws, target, only) {
  const findings = await Promise.all(
    only.filter((m) => m.Dir && m.Sum).map(async (m) => {
      const key = `${m.Path}@${m.Version}`;
      const actual = await ctx.verification.hashDir(m.Dir, key);
      if (actual === m.Sum) return [];
      return [
        newFinding("mod-verify-failed", {
          ...target.locate(m.Path, m.Version, false),
          module: m.Path,
          version: m.Version,
          message: `the cached copy of ${key}, which only the workspace of ${ws.file} builds (no module of it alone needs it), hashes to ${actual} but was downloaded as ${m.Sum}. \`go mod verify\` in each module never hashes it; clear the module cache (and the Actions cache entry) and find out what modified it.`
        })
      ];
    })
  );
  return findings.flat();
}
async function verifyWorkspace(ctx, ws) {
  const members = ctx.scope.modules.filter((m) => ws.uses.includes(m.dir) && m.mod.errors.length === 0);
  const download = await ctx.downloads.workspace(ws, members);
  if (download.timeout !== void 0) return [await timeoutFinding(ctx, ws.file, download.timeout)];
  const reported = new Set(
    (await Promise.all(members.map(async (m) => failedDownloads(m, await ctx.downloads.get(m))))).flat()
  );
  const target = workspaceTarget(ws);
  const failures = downloadFindings(target, download).filter(
    (f) => f.module === void 0 || !reported.has(`${f.module}@${f.version}`)
  );
  const only = await workspaceOnly(ctx, members, download);
  const denied = deniedInWorkspace(ctx.config.denyModules, ws.file, only, (p, v) => target.locate(p, v, false));
  return download.result.code === 0 ? [...failures, ...denied, ...await workspaceOnlyFindings(ctx, ws, target, only)] : [...failures, ...denied];
}
async function workspaceOnly(ctx, members, download) {
  const lists = await Promise.all(members.map((m) => ctx.graphs.buildList(m).catch(() => void 0)));
  const covered = new Set(
    lists.flatMap((l) => l && l.error === void 0 ? l.modules.map((m) => `${m.Path}@${m.Version}`) : [])
  );
  return download.modules.filter((m) => m.Version && !covered.has(`${m.Path}@${m.Version}`));
}
var verifyCheck = {
  id: "verify",
  needs: "go",
  judges: "module",
  // A workspace's modules are each judged as modules, and the workspace as the build it is.
  judge: async (ctx) => ctx.kind === "module" ? verifyModule(ctx, ctx.module) : verifyWorkspace(ctx, ctx.workspace),
  // deny-modules still judges go.mod's requirements, and says what it may have missed.
  judgeWithoutGo: async (ctx) => ctx.kind === "module" ? deniedModuleFindings(ctx, ctx.module) : { findings: [], judged: false }
};

// src/checks/sum-drift.ts
function sumTargets(modules, workspaces) {
  return [
    ...modules.map((module) => ({ ...module, module })),
    ...workspaces.map((w) => ({ goModFile: w.file, goSumFile: w.sumFile, sum: w.sum, mod: w.work }))
  ];
}
function malformedFindings(target) {
  return (target.sum?.malformed ?? []).map(
    (m) => newFinding("sum-malformed-line", {
      file: target.goSumFile,
      line: m.line,
      message: `${target.goSumFile}:${m.line} has ${m.fields} field${m.fields === 1 ? "" : "s"} where go requires three (module, version, hash; split at any Unicode space): go refuses the whole file ("malformed go.sum"). Regenerate it with \`go mod tidy\`; never hand-edit it.`
    })
  );
}
function headVersionsOf(sums) {
  return {
    has: (path19) => sums.has(path19),
    contentVersions: (visit) => sums.forEach(({ contentVersion }, path19) => contentVersion !== void 0 && visit(path19, contentVersion))
  };
}
function buildVersions(sums, mod, replacementOf) {
  const out = /* @__PURE__ */ new Map();
  sums.contentVersions((path19, version) => out.set(path19, version));
  for (const r of mod?.require ?? []) {
    const replacement = replacementOf(r.path, r.version);
    if (replacement && isDirectoryPath(replacement.new.path)) {
      out.delete(r.path);
      continue;
    }
    const built = replacement?.new ?? r;
    if (out.get(built.path) !== built.version && sums.has(built.path)) out.set(built.path, built.version);
  }
  return out;
}
function lineOf(lines, version) {
  let goModLine;
  for (const l of lines) {
    if (l.version !== version) continue;
    if (!l.goMod) return l;
    goModLine ??= l;
  }
  return goModLine;
}
function diffModule(module, baseSumText, baseMod) {
  const drift = { findings: [], added: [], updated: [], majors: [], changedLines: [], pseudoVersions: [] };
  const baseSum = new BaseSum(baseSumText ?? "");
  const headSum = module.sum;
  const headMod = module.mod.file;
  const headSums = headSum ? sumsByPath(headSum) : /* @__PURE__ */ new Map();
  const requireOf = /* @__PURE__ */ new Map();
  for (let i = headMod.require.length - 1; i >= 0; i--) requireOf.set(headMod.require[i].path, headMod.require[i]);
  const locate = (path19, version) => {
    const lines = headSums.get(path19)?.lines;
    const line = lines && lineOf(lines, version);
    const req = requireOf.get(path19);
    const at = line ? { file: module.goSumFile, line: line.line } : req ? { file: module.goModFile, line: req.line } : { file: module.goSumFile, line: 1 };
    return req && line ? { ...at, also: [{ file: module.goModFile, line: req.line }] } : at;
  };
  const add = (rule, path19, version, message, previous) => {
    drift.findings.push(
      newFinding(rule, { ...locate(path19, version), module: path19, version, message, ...previous ? { previous } : {} })
    );
  };
  headSums.forEach(({ lines }, path19) => {
    const baseLines = baseSum.linesOf(path19);
    for (const l of lines) {
      const before = baseSum.hashOf(baseLines, l.version, l.goMod, l.hash);
      if (before === SAME_HASH) continue;
      drift.changedLines.push(l);
      if (before === void 0) continue;
      drift.findings.push(
        newFinding("sum-hash-changed", {
          file: module.goSumFile,
          line: l.line,
          module: l.path,
          version: l.version,
          message: `${l.key} is hashed ${l.hash} in ${module.goSumFile} but ${before} at the base commit. A published module version never changes content: either go.sum was edited or the module was re-published with other bits. Restore the base hash and find out where the new one came from.`
        })
      );
    }
  });
  const headReplacementOf = replacementLookup(headMod);
  const baseVersions = buildVersions(baseSum, baseMod, replacementLookup(baseMod));
  const headVersions = buildVersions(headVersionsOf(headSums), headMod, headReplacementOf);
  let baseFamilies;
  const baseFamily = (family) => {
    if (baseFamilies === void 0) {
      baseFamilies = /* @__PURE__ */ new Map();
      for (const [p, v] of baseVersions) {
        const family2 = modulePathFamily(p);
        const members = baseFamilies.get(family2);
        if (members) members.push({ path: p, version: v });
        else baseFamilies.set(family2, [{ path: p, version: v }]);
      }
    }
    return baseFamilies.get(family) ?? [];
  };
  const supersededBase = /* @__PURE__ */ new Set();
  headVersions.forEach((v, p) => {
    const before = baseVersions.get(p);
    if (before === void 0) {
      const older = baseFamily(modulePathFamily(p)).filter(
        (b) => effectiveMajor(b.path, b.version) < effectiveMajor(p, v)
      );
      const left = older.filter((b) => !headVersions.has(b.path));
      if (left.length > 0) {
        left.forEach((b) => supersededBase.add(b.path));
        drift.majors.push(`${p}@${v}`);
        add(
          "sum-major-upgrade",
          p,
          v,
          `${p}@${v} is a new major version of ${left.map((b) => `${b.path}@${b.version}`).join(", ")}, which left the build. Major versions break compatibility: review the changes before merging.`,
          { module: left[0].path, version: left[0].version }
        );
      } else {
        const beside = older.map((b) => `${b.path}@${headVersions.get(b.path)}`);
        drift.added.push(`${p}@${v}`);
        add(
          "sum-module-added",
          p,
          v,
          `${p}@${v} is new in ${module.goSumFile}${beside.length > 0 ? `, beside ${beside.join(", ")}, which the build still uses` : ""}. Review the new dependency: who publishes it and what it pulls in.`
        );
      }
      return;
    }
    const order = compare(v, before);
    if (order === 0) return;
    drift.updated.push(`${p}@${before}->${v}`);
    if (order > 0 && effectiveMajor(p, v) > effectiveMajor(p, before)) {
      drift.majors.push(`${p}@${v}`);
      add(
        "sum-major-upgrade",
        p,
        v,
        `${p} moved from ${before} to ${v}, a new major version (an +incompatible jump). Review the breaking changes before merging.`,
        { module: p, version: before }
      );
    } else if (order > 0) {
      add("sum-module-upgraded", p, v, `${p} was upgraded from ${before} to ${v}.`, { module: p, version: before });
    } else {
      add(
        "sum-module-downgraded",
        p,
        v,
        `${p} was downgraded from ${before} to ${v}. A downgrade can bring back fixed bugs and vulnerabilities: confirm it is intended.`,
        { module: p, version: before }
      );
    }
  });
  baseVersions.forEach((v, p) => {
    if (headVersions.has(p) || supersededBase.has(p)) return;
    drift.findings.push(
      newFinding("sum-module-removed", {
        file: headSum ? module.goSumFile : module.goModFile,
        line: 1,
        module: p,
        version: v,
        message: headSums.has(p) ? `${p}@${v} left the build: go.mod no longer requires it and ${module.goSumFile} no longer hashes its content (the /go.mod lines left are go's module graph, not code it builds).` : `${p}@${v} left ${module.goSumFile}${headSum ? "" : " (the file was deleted)"}.`
      })
    );
  });
  let baseRequired;
  for (const r of headMod.require) {
    if (!isPseudoVersion(r.version) || headReplacementOf(r.path, r.version)) continue;
    if (baseRequired === void 0) {
      baseRequired = /* @__PURE__ */ new Map();
      const required = baseMod?.require ?? [];
      for (let i = required.length - 1; i >= 0; i--) baseRequired.set(required[i].path, required[i].version);
    }
    const before = baseRequired.get(r.path);
    if (before === r.version) continue;
    const sumLine = locate(r.path, r.version);
    drift.pseudoVersions.push({
      path: r.path,
      version: r.version,
      at: { file: module.goModFile, line: r.line },
      ...sumLine.file === module.goSumFile ? { also: [{ file: sumLine.file, line: sumLine.line }] } : {},
      ...before !== void 0 && isPseudoVersion(before) ? { basePseudo: before } : {}
    });
  }
  return drift;
}
async function inheritedPseudoVersions(ctx, perModule) {
  const inherited = [];
  const chosen = [];
  await Promise.all(
    perModule.map(async ({ module, pseudo }) => {
      const fresh = pseudo.filter((p) => p.basePseudo === void 0);
      const graph = fresh.length > 0 && module.module ? await ctx.graphs.modGraph(module.module) : void 0;
      const requirers = requirersOf(
        graph?.error === void 0 ? graph?.edges ?? [] : [],
        fresh.map((p) => `${p.path}@${p.version}`)
      );
      for (const p of pseudo) {
        const by = requirers.get(`${p.path}@${p.version}`) ?? [];
        if (p.basePseudo === void 0 && by.length === 0) {
          chosen.push({ ...p, ...graph?.error === void 0 ? {} : { graphError: graph.error } });
          continue;
        }
        inherited.push(
          newFinding("sum-pseudo-version-inherited", {
            ...pseudoFields(p),
            message: p.basePseudo !== void 0 ? `${p.path} moved from the pseudo-version ${p.basePseudo} to ${p.version}: the base commit already required an untagged commit of it, so this change makes no new choice of one. Review the new commit.` : `${p.path} is required at the pseudo-version ${p.version} because ${by.join(", ")} ${by.length === 1 ? "requires" : "require"} exactly that commit: minimal version selection chose it, not this module, so there is nothing to change here. Review the commit.`
          })
        );
      }
    })
  );
  return { inherited, chosen };
}
function pseudoFields(p) {
  return { ...p.at, ...p.also ? { also: p.also } : {}, module: p.path, version: p.version };
}
async function pseudoVersionFindings(ctx, perModule) {
  const { inherited, chosen } = await inheritedPseudoVersions(ctx, perModule);
  const releases = await listReleases(
    ctx.go,
    chosen.map((p) => p.path)
  );
  return [
    ...inherited,
    ...chosen.map((p) => {
      const fields2 = pseudoFields(p);
      const unknown = p.graphError === void 0 ? "" : ` (whether a dependency requires exactly this commit could not be told: go mod graph failed: ${p.graphError})`;
      const what = `${p.path} is required at the pseudo-version ${p.version}, an untagged commit rather than a release${unknown}`;
      const listed = releases.get(p.path);
      if ("error" in listed)
        return newFinding("sum-pseudo-version", {
          ...fields2,
          message: `${what}, and its tagged releases could not be listed (${listed.error}). Require a tagged release where one exists.`
        });
      const newer = listed.versions.filter((v) => compare(v, p.version) > 0);
      if (newer.length > 0)
        return newFinding("sum-pseudo-version", {
          ...fields2,
          message: `${what}, although ${newer.length === 1 ? "a tagged release is" : "tagged releases are"} newer than that commit: ${newer.slice(-3).join(", ")}. Require ${newer.length === 1 ? "it" : "one"} (\`go get ${p.path}@${newer[newer.length - 1]}\`), or say in the review why this commit is needed.`
        });
      return newFinding("sum-pseudo-version-untagged", {
        ...fields2,
        message: `${what}: ${listed.versions.length === 0 ? "the module has no tagged release" : `its only tagged releases (${listed.versions.slice(-3).join(", ")}) are older than that commit`}, so there is no release to require instead. Review the commit.`
      });
    })
  ];
}
function unreadableBase(module, error) {
  return {
    findings: [
      blockingSkip(
        "sum-drift",
        module.goSumFile,
        1,
        `the base commit could not be read, so ${module.goSumFile} was not compared with it (${error.message})`,
        "make the base commit's objects available (actions/checkout with `fetch-depth: 0`, or a clone without --filter) and re-run"
      )
    ],
    added: [],
    updated: [],
    majors: [],
    changedLines: [],
    pseudoVersions: []
  };
}
function reportedByVerify(ctx, downloads) {
  if (!ctx.config.checks.has("verify")) return /* @__PURE__ */ new Set();
  return new Set(
    downloads.flatMap(
      ({ module, download }) => download && download.timeout === void 0 ? failedDownloads(module, download) : []
    )
  );
}
async function databaseFindings(ctx, changed) {
  if (changed.length === 0) return [];
  const downloads = await Promise.all(
    [...new Set(changed.flatMap((c) => c.module.module ? [c.module.module] : []))].map(async (module) => ({
      module,
      download: await ctx.downloads.get(module).catch(() => void 0)
    }))
  );
  const verified = reportedByVerify(ctx, downloads);
  const check = await checkWithDatabase(
    ctx.go,
    changed.map((c) => ({ path: c.line.path, version: c.line.version }))
  );
  const findings = [];
  const exemptByModule = /* @__PURE__ */ new Map();
  const unfetched = /* @__PURE__ */ new Map();
  for (const { module, line } of changed) {
    const mv = `${line.path}@${line.version}`;
    const key = line.key;
    const at = { file: module.goSumFile, line: line.line, module: line.path, version: line.version };
    const answer = check.answers.get(mv);
    if (answer?.malformed) {
      findings.push(
        newFinding("sum-unverified-hash", {
          ...at,
          message: `${key} names no module version go accepts (${answer.problem}), so it was not checked against the checksum database and stays unverified. go never writes such a line: remove it from ${module.goSumFile}.`
        })
      );
      continue;
    }
    if (check.exempt.has(mv)) {
      exemptByModule.set(module, [...exemptByModule.get(module) ?? [], key]);
      continue;
    }
    if (check.database === "off") {
      findings.push(
        newFinding("sum-unverified-hash", {
          ...at,
          message: `${key} is new or changed, and GOSUMDB=off leaves no checksum database to check it against. Turn the database back on, or lower this rule's severity if these modules are private.`
        })
      );
      continue;
    }
    const vouched = line.goMod ? answer?.goModSum : answer?.sum;
    if (vouched === void 0 && answer?.unfetched) {
      const group = unfetched.get(mv) ?? { at: [], keys: [], problem: answer.problem ?? "" };
      group.at.push({ file: at.file, line: at.line });
      group.keys.push(key);
      unfetched.set(mv, group);
    } else if (vouched === void 0) {
      findings.push(
        newFinding("sum-unverified-hash", {
          ...at,
          message: answer?.mismatch ? `${key}: the module's content disagrees with the checksum database ${check.database}: ${answer.problem}. Do not merge: the bits being served are not the ones the world agreed on.` : `${key} could not be checked against the checksum database ${check.database}, so it stays unverified (fail closed): ${answer?.problem ?? "no answer"}. Make the database reachable, or lower this rule's severity.`
        })
      );
    } else if (vouched !== line.hash) {
      findings.push(
        newFinding("sum-unverified-hash", {
          ...at,
          message: `${key} is hashed ${line.hash} in ${module.goSumFile}, but the checksum database ${check.database} records ${vouched}. Regenerate the line with \`go mod tidy\`; never hand-edit go.sum.`
        })
      );
    }
  }
  for (const [mv, { at, keys, problem }] of unfetched) {
    if (verified.has(mv)) continue;
    const [first, ...also] = at;
    findings.push(
      newFinding("sum-unverified-hash", {
        ...first,
        ...also.length > 0 ? { also } : {},
        module: mv.slice(0, mv.lastIndexOf("@")),
        version: mv.slice(mv.lastIndexOf("@") + 1),
        message: `${mv} could not be fetched from the module proxy, so the checksum database ${check.database} was not consulted and ${keys.join(", ")} ${keys.length === 1 ? "stays" : "stay"} unverified (fail closed): ${problem}. Require a version the proxy serves.`
      })
    );
  }
  for (const [module, keys] of exemptByModule) {
    findings.push(
      skipped(
        "sum-drift",
        module.goSumFile,
        `not checked against the checksum database because GONOSUMDB/GOPRIVATE exempts them: ${keys.join(", ")}`,
        "nothing, if these modules are private; otherwise narrow GONOSUMDB/GOPRIVATE so the checksum database vouches for them"
      )
    );
  }
  return findings;
}
var sumDriftCheck = {
  id: "sum-drift",
  needs: "files",
  judges: "repository",
  async judge(ctx) {
    const targets = sumTargets(ctx.scope.modules, ctx.scope.workspaces);
    const findings = targets.flatMap(malformedFindings);
    const base = await ctx.base();
    if ("skipped" in base) {
      const all = ctx.scope.modules.map((module) => ({ module }));
      return [
        ...findings,
        base.blocks ? blockingSkip("sum-drift", ctx.repositoryFile.goSum, 1, base.skipped, base.fix) : skipped("sum-drift", ctx.repositoryFile.goSum, base.skipped, base.fix),
        ...await lifecycleFindings(ctx, all, false)
      ];
    }
    const drifts = await Promise.all(
      targets.map(async (module) => {
        try {
          const outside = module.goModFile.startsWith("../");
          const [baseSum, baseModText] = outside ? [void 0, void 0] : await Promise.all([
            ctx.readAtBase(base.sha, module.goSumFile),
            ctx.readAtBase(base.sha, module.goModFile)
          ]);
          const baseMod = baseModText === void 0 ? void 0 : parseModFile(baseModText).file;
          return { module, baseMod, drift: diffModule(module, baseSum, baseMod) };
        } catch (error) {
          if (!(error instanceof GitError)) throw error;
          return { module, baseMod: void 0, drift: unreadableBase(module, error) };
        }
      })
    );
    findings.push(...drifts.flatMap((d) => d.drift.findings));
    const unique = (xs) => [...new Set(xs)].sort();
    ctx.evidence.drift = {
      added: unique(drifts.flatMap((d) => d.drift.added)),
      updated: unique(drifts.flatMap((d) => d.drift.updated)),
      majors: unique(drifts.flatMap((d) => d.drift.majors))
    };
    const [database, pseudo, lifecycle] = await Promise.all([
      databaseFindings(
        ctx,
        drifts.flatMap((d) => d.drift.changedLines.map((line) => ({ module: d.module, line })))
      ),
      pseudoVersionFindings(
        ctx,
        drifts.map((d) => ({ module: d.module, pseudo: d.drift.pseudoVersions }))
      ),
      lifecycleFindings(
        ctx,
        drifts.flatMap((d) => d.module.module ? [{ module: d.module.module, baseMod: d.baseMod }] : []),
        true
      )
    ]);
    findings.push(...pseudo, ...database, ...lifecycle);
    return { findings, judged: true };
  }
};

// src/checks/toolchain.ts
import * as fs9 from "node:fs/promises";
import * as os5 from "node:os";
import * as path9 from "node:path";

// src/go/dirhash.ts
import { createHash } from "node:crypto";
import { createReadStream, readFileSync, statSync } from "node:fs";
import * as fs4 from "node:fs/promises";
import * as path5 from "node:path";
var WHOLE_FILE_LIMIT = 1 << 20;
async function sha256File(file) {
  return cpuBudget.use(async () => {
    const hash = createHash("sha256");
    if (statSync(file).size <= WHOLE_FILE_LIMIT) return hash.update(readFileSync(file)).digest("hex");
    for await (const chunk of createReadStream(file, { highWaterMark: WHOLE_FILE_LIMIT })) hash.update(chunk);
    return hash.digest("hex");
  });
}
async function listFiles(dir) {
  const entries = await fs4.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => !e.isDirectory()).map((e) => path5.relative(dir, path5.join(e.parentPath, e.name)).split(path5.sep).join("/"));
}
function hash1(files) {
  const sorted = [...files].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  const summary = createHash("sha256");
  for (const f of sorted) {
    if (f.name.includes("\n")) throw new Error("dirhash: filenames with newlines are not supported");
    summary.update(`${f.sha256}  ${f.name}
`);
  }
  return `h1:${summary.digest("base64")}`;
}
async function hashDir(dir, prefix, concurrency = 8) {
  const names = await listFiles(dir);
  const hashed = await mapLimit(names, concurrency, async (name) => ({
    name: `${prefix}/${name}`,
    sha256: await sha256File(path5.join(dir, name))
  }));
  return hash1(hashed);
}

// src/go/tree.ts
import * as fs5 from "node:fs";
import { constants, readdirSync } from "node:fs";
import { Worker } from "node:worker_threads";
var FILE = Object.freeze({ kind: "file" });
var SYMLINK = Object.freeze({ kind: "symlink" });
var OTHER = Object.freeze({ kind: "other" });
async function listTree(dir) {
  const out = /* @__PURE__ */ new Map();
  const walk = (at, prefix) => {
    for (const e of readdirSync(at, { withFileTypes: true })) {
      if (e.isDirectory()) walk(`${at}/${e.name}`, `${prefix}${e.name}/`);
      else out.set(prefix + e.name, e.isFile() ? FILE : e.isSymbolicLink() ? SYMLINK : OTHER);
    }
  };
  walk(dir, "");
  return out;
}
var CHUNK = 1 << 16;
var OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
var FILES_PER_TURN = 512;
var HELPER_FROM_FILES = 4096;
var DIFFERENT = 2;
function pairJob(expectedRoot, actualRoot, rels) {
  return {
    expectedRoot,
    actualRoot,
    rels,
    flags: OPEN_FLAGS,
    claim: new Int32Array(new SharedArrayBuffer(8)),
    states: new Uint8Array(new SharedArrayBuffer(Math.max(rels.length, 1)))
  };
}
function compareClaimed(io, job, bufA, bufB, limit) {
  for (let done = 0; done < limit; done++) {
    const i = Atomics.add(job.claim, 0, 1);
    if (i >= job.rels.length) return false;
    const fa = io.openSync(job.expectedRoot + job.rels[i], job.flags);
    let fb;
    let same = false;
    try {
      fb = io.openSync(job.actualRoot + job.rels[i], job.flags);
      for (; ; ) {
        const n = io.readSync(fa, bufA, 0, bufA.length, null);
        if (io.readSync(fb, bufB, 0, bufB.length, null) !== n || bufA.compare(bufB, 0, n, 0, n) !== 0) break;
        if (n < bufA.length) {
          same = true;
          break;
        }
      }
    } finally {
      io.closeSync(fa);
      if (fb !== void 0) io.closeSync(fb);
    }
    job.states[i] = same ? 1 : 2;
  }
  return true;
}
var HELPER_SOURCE = `'use strict'
const compareClaimed = ${compareClaimed.toString()}
require('node:worker_threads').parentPort.once('message', job => {
  if (!job || Atomics.compareExchange(job.claim, 1, 0, 1) !== 0) return
  compareClaimed(require('node:fs'), job, Buffer.allocUnsafe(${CHUNK}), Buffer.allocUnsafe(${CHUNK}), Infinity)
})
`;
function startHelper() {
  let thread;
  let ended;
  let job;
  let finished = false;
  void cpuBudget.use(
    async () => {
      if (finished) return;
      try {
        thread = new Worker(HELPER_SOURCE, { eval: true });
      } catch {
        return;
      }
      const started = thread;
      ended = new Promise((resolve4) => {
        started.once("error", () => {
        });
        started.once("exit", () => resolve4());
      });
      if (job) started.postMessage(job);
      await ended;
    },
    { background: true }
  );
  return {
    give(given) {
      job = given;
      thread?.postMessage(given);
    },
    async finish() {
      finished = true;
      if (job === void 0 || Atomics.compareExchange(job.claim, 1, 0, 2) === 0) {
        if (job === void 0) thread?.postMessage(null);
        thread?.unref();
        return;
      }
      await ended;
    }
  };
}
async function comparePairs(job, helper) {
  const bufA = Buffer.allocUnsafe(CHUNK);
  const bufB = Buffer.allocUnsafe(CHUNK);
  helper?.give(job);
  try {
    while (compareClaimed(fs5, job, bufA, bufB, FILES_PER_TURN)) await new Promise(setImmediate);
  } finally {
    Atomics.store(job.claim, 0, job.rels.length);
    await helper?.finish();
  }
  const unmarked = [];
  for (let i = 0; i < job.rels.length; i++) if (job.states[i] === 0) unmarked.push(i);
  if (unmarked.length === 0) return;
  const again = pairJob(
    job.expectedRoot,
    job.actualRoot,
    unmarked.map((i) => job.rels[i])
  );
  await comparePairs(again);
  unmarked.forEach((i, k) => job.states[i] = again.states[k]);
}
function walkExpected(expectedDir, actual, out) {
  const pending = [[expectedDir, ""]];
  for (let next = pending.pop(); next !== void 0; next = pending.pop()) {
    const [expectedAt, prefix] = next;
    for (const e of readdirSync(expectedAt, { withFileTypes: true })) {
      const rel = prefix + e.name;
      if (e.isDirectory()) {
        pending.push([`${expectedAt}${e.name}/`, `${rel}/`]);
        continue;
      }
      const have = actual.get(rel);
      if (have === void 0) out.diff.missing.push(rel);
      else {
        out.met.push(rel);
        if (have.kind !== "file") continue;
        if (e.isFile()) out.pairs.push(rel);
        else out.diff.modified.push(rel);
      }
    }
  }
}
async function diffTrees(expectedDir, actualDir, actual, helperFrom = HELPER_FROM_FILES) {
  const helper = actual.size >= helperFrom ? startHelper() : void 0;
  const diff = { modified: [], missing: [], extra: [] };
  const met = [];
  const pairs = [];
  try {
    walkExpected(`${expectedDir}/`, actual, { diff, met, pairs });
  } catch (error) {
    await helper?.finish();
    throw error;
  }
  const job = pairJob(`${expectedDir}/`, `${actualDir}/`, pairs);
  await comparePairs(job, helper);
  pairs.forEach((rel, i) => {
    if (job.states[i] === DIFFERENT) diff.modified.push(rel);
  });
  if (met.length !== actual.size) {
    const expected = new Set(met);
    for (const [rel, have] of actual) if (have.kind === "file" && !expected.has(rel)) diff.extra.push(rel);
  }
  for (const list of [diff.modified, diff.missing, diff.extra]) list.sort();
  return diff;
}

// src/toolchain/download.ts
import { createHash as createHash2 } from "node:crypto";
import { createWriteStream } from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
var DEFAULT_LIMITS = { timeoutMs: 12e4, retries: 3, backoffMs: 500, maxBytes: 512 << 20 };
function limitsFrom(variables) {
  return { ...DEFAULT_LIMITS, timeoutMs: variables.httpTimeoutMs ?? DEFAULT_LIMITS.timeoutMs };
}
var HttpStatusError = class extends Error {
  constructor(status, statusText, retryAfterMs2) {
    super(`HTTP ${status} ${statusText}`);
    this.status = status;
    this.retryAfterMs = retryAfterMs2;
  }
  status;
  retryAfterMs;
  /** 5xx, 408 Request Timeout and 429 Too Many Requests may pass; any other 4xx will not change. */
  get retryable() {
    return this.status >= 500 || this.status === 408 || this.status === 429;
  }
};
var MAX_RETRY_AFTER_MS = 3e4;
function retryAfterMs(header) {
  if (header === null) return void 0;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1e3 : Date.parse(header) - Date.now();
  return Number.isNaN(ms) ? void 0 : Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
async function attempt(url, limits, consume) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error(`timed out after ${limits.timeoutMs / 1e3} s`)),
    limits.timeoutMs
  );
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: "follow" });
    if (!response.ok || response.body === null)
      throw new HttpStatusError(response.status, response.statusText, retryAfterMs(response.headers.get("retry-after")));
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (declared > limits.maxBytes) throw new Error(`${declared} bytes is over the ${limits.maxBytes}-byte limit`);
    let seen = 0;
    async function* limited(source) {
      for await (const chunk of source) {
        seen += chunk.length;
        if (seen > limits.maxBytes) throw new Error(`over the ${limits.maxBytes}-byte limit`);
        yield chunk;
      }
    }
    const body = Readable.from(limited(Readable.fromWeb(response.body)));
    const result = await consume(body);
    if (!Number.isNaN(declared) && seen !== declared) throw new Error(`truncated: ${seen} of ${declared} bytes`);
    return result;
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
  }
}
async function withRetries(url, limits, consume) {
  let last;
  for (let i = 0; i <= limits.retries; i++) {
    if (i > 0) {
      const backoff = limits.backoffMs * 2 ** (i - 1);
      const asked = last instanceof HttpStatusError ? last.retryAfterMs : void 0;
      await new Promise((r) => setTimeout(r, Math.max(backoff, asked ?? 0)));
    }
    try {
      return await attempt(url, limits, consume);
    } catch (error) {
      last = error;
      if (error instanceof HttpStatusError && !error.retryable) break;
    }
  }
  const cause = last instanceof Error && last.cause instanceof Error ? `: ${last.cause.message}` : "";
  throw new Error(`${url}: ${last instanceof Error ? last.message : String(last)}${cause}`);
}
async function downloadText(url, limits = DEFAULT_LIMITS) {
  return withRetries(url, limits, async (body) => {
    const chunks = [];
    for await (const chunk of body) chunks.push(chunk);
    return Buffer.concat(chunks).toString("utf8");
  });
}
async function downloadFile(url, file, limits = DEFAULT_LIMITS) {
  return withRetries(url, limits, async (body) => {
    const hash = createHash2("sha256");
    await pipeline(
      body,
      new Transform({ transform: (chunk, _e, done) => (hash.update(chunk), done(null, chunk)) }),
      createWriteStream(file)
    );
    return hash.digest("hex");
  });
}

// src/toolchain/environment.ts
import * as fs6 from "node:fs/promises";
import * as path6 from "node:path";
function parseEnvFile(text) {
  const values = /* @__PURE__ */ new Map();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m && !line.trimStart().startsWith("#")) values.set(m[1], m[2].trim());
  }
  return values;
}
async function readEnvFile(file) {
  return parseEnvFile(await fs6.readFile(file, "utf8").catch(() => ""));
}
var KEYS = ["GOSUMDB", "GONOSUMDB", "GOPRIVATE", "GOFLAGS", "GOINSECURE", "GOPROXY", "GOTOOLCHAIN"];
async function environmentSources(processEnv, goEnv) {
  const fromProcess = /* @__PURE__ */ new Map();
  for (const k of KEYS) if (processEnv[k] !== void 0) fromProcess.set(k, processEnv[k]);
  const goEnvFile = goEnv.GOENV && goEnv.GOENV !== "off" ? goEnv.GOENV : void 0;
  const rootEnv = path6.join(goEnv.GOROOT, "go.env");
  return [
    { name: "the job's environment", values: fromProcess },
    {
      name: `the go env -w file (${goEnvFile ?? "GOENV=off"})`,
      values: goEnvFile ? await readEnvFile(goEnvFile) : /* @__PURE__ */ new Map()
    },
    { name: `$GOROOT/go.env (${rootEnv})`, values: await readEnvFile(rootEnv) }
  ];
}
function effective(sources, key) {
  for (const source of sources) {
    const value = source.values.get(key);
    if (value !== void 0 && value !== "") return { value, source };
  }
  return void 0;
}
var PUBLIC_HOSTS = [
  "github.com",
  "gitlab.com",
  "bitbucket.org",
  "golang.org",
  "google.golang.org",
  "gopkg.in",
  "go.googlesource.com",
  "k8s.io",
  "go.uber.org",
  "cloud.google.com",
  "go.opentelemetry.io"
];
var PROBE = "go-guard-probe-7f3a";
function coversPublicHostsWholesale(pattern) {
  const deep = `/${PROBE}/${PROBE}/${PROBE}/${PROBE}`;
  return [...PUBLIC_HOSTS, `${PROBE}.example`].some((host) => matchPrefixPatterns(pattern, host + deep));
}
var WEAKENING_GOFLAGS = [
  [/^--?mod=mod$/, "with -mod=mod go rewrites go.mod and go.sum instead of failing on a missing or wrong entry."],
  [/^--?modfile(=|$)/, "with -modfile go reads other files than the go.mod and go.sum under review."],
  [
    /^--?overlay(=|$)/,
    "with -overlay go reads the files its JSON maps in place of those on disk, so the go.mod, go.sum and sources it builds need not be the ones under review."
  ],
  [/^--?insecure(=|$)/, "with -insecure go fetched over plain HTTP without verification."]
];
function judgeEnvironment({ sources, at, sumModules }) {
  const findings = [];
  const weakened = (key, value, source, why2) => {
    findings.push(
      newFinding("env-weakened-verification", {
        ...at,
        message: `${key}=${value} is set in ${source.name}: ${why2} Remove it there.`
      })
    );
  };
  const notice = (key, value, source, what) => {
    findings.push(newFinding("env-notice", { ...at, message: `${key}=${value} is set in ${source.name}: ${what}` }));
  };
  const sumdb = effective(sources, "GOSUMDB");
  const defaultSumdb = sources.at(-1).values.get("GOSUMDB");
  if (sumdb?.value === "off") {
    weakened("GOSUMDB", "off", sumdb.source, "no checksum database checks any module the build downloads.");
  } else if (sumdb && defaultSumdb !== void 0 && sumdb.value !== defaultSumdb) {
    weakened(
      "GOSUMDB",
      sumdb.value,
      sumdb.source,
      `checksums are checked against another database or key than the default (${defaultSumdb}).`
    );
  }
  for (const key of ["GONOSUMDB", "GOPRIVATE"]) {
    const setting = effective(sources, key);
    if (!setting || setting.value.trim() === "") continue;
    if (key === "GOPRIVATE" && effective(sources, "GONOSUMDB")) continue;
    const wholesale = setting.value.split(",").filter(coversPublicHostsWholesale);
    if (wholesale.length > 0) {
      weakened(
        key,
        setting.value,
        setting.source,
        `the pattern(s) ${wholesale.join(", ")} exempt whole public hosts from the checksum database.`
      );
    } else {
      const exempt = sumModules.filter((m) => matchPrefixPatterns(setting.value, m));
      notice(
        key,
        setting.value,
        setting.source,
        `modules matching it skip the checksum database${exempt.length ? `; in go.sum: ${exempt.join(", ")}` : " (none in go.sum)"}.`
      );
    }
  }
  const goflags = effective(sources, "GOFLAGS");
  for (const flag of goflags?.value.split(/\s+/) ?? []) {
    const why2 = WEAKENING_GOFLAGS.find(([pattern]) => pattern.test(flag))?.[1];
    if (why2) weakened("GOFLAGS", goflags.value, goflags.source, why2);
  }
  const insecure = effective(sources, "GOINSECURE");
  if (insecure && insecure.value.trim() !== "")
    notice(
      "GOINSECURE",
      insecure.value,
      insecure.source,
      "matching modules may be fetched over plain HTTP (checksums still apply)."
    );
  const proxy = effective(sources, "GOPROXY");
  const proxies = proxy?.value.split(/[,|]/) ?? [];
  if (proxy && proxies.every((p) => p === "off")) {
    notice("GOPROXY", proxy.value, proxy.source, "go downloads no module: it builds from what the module cache holds.");
  } else if (proxy && proxies.every((p) => p === "direct" || p === "off")) {
    notice(
      "GOPROXY",
      proxy.value,
      proxy.source,
      "modules come straight from their version control origin, with no proxy between."
    );
  }
  const toolchain = effective(sources, "GOTOOLCHAIN");
  if (toolchain && toolchain.value !== "local" && toolchain.source !== sources.at(-1)) {
    notice(
      "GOTOOLCHAIN",
      toolchain.value,
      toolchain.source,
      "a go.mod toolchain line can make go download and run another toolchain; go-guard forces GOTOOLCHAIN=local for its own runs."
    );
  }
  return findings;
}
async function judgePath({ pathVar, judged, at, stat: stat4, realpath: realpath3 }) {
  const findings = [];
  const gos = [];
  for (const entry of pathVar.split(path6.delimiter)) {
    if (entry === "" || !path6.isAbsolute(entry)) {
      findings.push(
        newFinding("path-unsafe-entry", {
          ...at,
          message: `PATH holds ${entry === "" ? "an empty entry (the current directory)" : `the relative entry "${entry}"`}: a file in the working directory, which a pull request controls, can shadow a command.`
        })
      );
      continue;
    }
    const info = await stat4(entry);
    if (info?.isDirectory() && (info.mode & 2) !== 0 && (info.mode & 512) === 0) {
      findings.push(
        newFinding("path-unsafe-entry", {
          ...at,
          message: `PATH entry ${entry} is world-writable: anyone on the machine can put a command there.`
        })
      );
    }
    const candidate = path6.join(entry, "go");
    const real = await stat4(candidate) ? await realpath3(candidate) : void 0;
    if (real && !gos.some((g) => g.real === real)) gos.push({ entry: candidate, real });
  }
  if (gos.length > 1) {
    findings.push(
      newFinding("path-shadowed-go", {
        ...at,
        message: `PATH holds ${gos.length} different go commands: ${gos.map((g) => g.entry + (g.real !== g.entry ? ` (-> ${g.real})` : "")).join(", ")}. Which one a build step runs depends on PATH order; keep one.`
      })
    );
  }
  if (gos.length > 0 && gos[0].real !== judged) {
    findings.push(
      newFinding("path-shadowed-go", {
        ...at,
        message: `the first go on PATH is ${gos[0].entry} (${gos[0].real}), not the go command judged (${judged}). Point go-binary at the go the job uses, or fix PATH.`
      })
    );
  }
  return findings;
}

// src/toolchain/manifest.ts
import { createReadStream as createReadStream2 } from "node:fs";
import * as fs7 from "node:fs/promises";
import * as path7 from "node:path";
import { createHash as createHash3 } from "node:crypto";
import { pipeline as pipeline2 } from "node:stream/promises";
import { createGunzip } from "node:zlib";
var INFLATE_CHUNK = 1 << 18;
async function manifestFromTarGz(file) {
  const manifest = {};
  const tar = (await import("./tar-stream-DDUFRZB2.js")).default;
  const extract = tar.extract();
  const done = (async () => {
    for await (const entry of extract) {
      const { name, type, mode } = entry.header;
      if (type === "file" && name.startsWith("go/")) {
        const hash = createHash3("sha256");
        for await (const chunk of entry) hash.update(chunk);
        manifest[name.slice(3)] = {
          sha256: hash.digest("hex"),
          size: entry.header.size ?? 0,
          exec: ((mode ?? 0) & 73) !== 0
        };
      } else {
        entry.resume();
      }
    }
  })();
  const inflate = createGunzip({ chunkSize: INFLATE_CHUNK });
  await Promise.all([pipeline2(createReadStream2(file, { highWaterMark: INFLATE_CHUNK }), inflate, extract), done]);
  return manifest;
}
var EXECUTABLE_DIRS = ["bin/", "pkg/tool/"];
var InstalledGoroot = class {
  constructor(root) {
    this.root = root;
  }
  root;
  listing;
  hashes = /* @__PURE__ */ new Map();
  stopped = false;
  list() {
    return this.listing ??= listTree(this.root);
  }
  hash(rel) {
    let hash = this.hashes.get(rel);
    if (hash === void 0) {
      hash = sha256File(path7.join(this.root, rel));
      hash.catch(() => void 0);
      this.hashes.set(rel, hash);
    }
    return hash;
  }
  /** Hashes every regular file outside `skip` ahead of the comparison, until stop(). Never rejects. */
  async prefetch(skip = [], concurrency = 8) {
    const files = [...await this.list().catch(() => /* @__PURE__ */ new Map())].filter(([rel, e]) => e.kind === "file" && !skip.some((s) => rel.startsWith(s))).map(([rel]) => rel);
    await mapLimit(files, concurrency, async (rel) => {
      if (!this.stopped) await this.hash(rel).catch(() => void 0);
    });
  }
  stop() {
    this.stopped = true;
  }
};
async function compareGoroot(installed, manifest, concurrency = 8) {
  const entries = await installed.list();
  const diff = { modified: [], missing: [], addedExecutables: [] };
  const present = Object.keys(manifest).filter((rel) => {
    const entry = entries.get(rel);
    if (entry === void 0) diff.missing.push(rel);
    else if (entry.kind !== "file") diff.modified.push({ rel, expected: manifest[rel] });
    return entry?.kind === "file";
  });
  const hashes = await mapLimit(present, concurrency, (rel) => installed.hash(rel));
  for (const [i, rel] of present.entries()) {
    if (hashes[i] === manifest[rel].sha256) continue;
    const { size } = await fs7.stat(path7.join(installed.root, rel));
    diff.modified.push({ rel, expected: manifest[rel], found: { sha256: hashes[i], size } });
  }
  for (const [rel, entry] of entries) {
    if (rel in manifest || !EXECUTABLE_DIRS.some((d) => rel.startsWith(d))) continue;
    const mode = entry.kind === "file" ? (await fs7.stat(path7.join(installed.root, rel))).mode : 511;
    if (entry.kind !== "file" || (mode & 73) !== 0) diff.addedExecutables.push(rel);
  }
  diff.modified.sort((a, b) => a.rel.localeCompare(b.rel));
  diff.missing.sort();
  diff.addedExecutables.sort();
  return diff;
}

// src/toolchain/release-key.ts
var EMBEDDED_RELEASE_KEY = `-----BEGIN PGP PUBLIC KEY BLOCK-----

mQINBFcMjNMBEAC6Wr5QuLIFgz1V1EFPlg8ty2TsjQEl4VWftUAqWlMevJFWvYEx
BOsOZ6kNFfBfjAxgJNWTkxZrHzDl74R7KW/nUx6X57bpFjUyRaB8F3/NpWKSeIGS
pJT+0m2SgUNhLAn1WY/iNJGNaMl7lgUnaP+/ZsSNT9hyTBiH3Ev5VvAtMGhVI/u8
P0EtTjXp4o2U+VqFTBGmZ6PJVhCFjZUeRByloHw8dGOshfXKgriebpioHvU8iQ2U
GV3WNIirB2Rq1wkKxXJ/9Iw+4l5m4GmXMs7n3XaYQoBj28H86YA1cYWSm5LR5iU2
TneI1fJ3vwF2vpSXVBUUDk67PZhg6ZwGRT7GFWskC0z8PsWd5jwK20mA8EVKq0vN
BFmMK6i4fJU+ux17Rgvnc9tDSCzFZ1/4f43EZ41uTmmNXIDsaPCqwjvSS5ICadt2
xeqTWDlzONUpOs5yBjF1cfJSdVxsfshvln2JXUwgIdKl4DLbZybuNFXnPffNLb2v
PtRJHO48O2UbeXS8n27PcuMoLRd7+r7TsqG2vBH4t/cB/1vsvWMbqnQlaJ5VsjeW
Tp8Gv9FJiKuU8PKiWsF4EGR/kAFyCB8QbJeQ6HrOT0CXLOaYHRu2TvJ4taY9doXn
98TgU03XTLcYoSp49cdkkis4K+9hd2dUqARVCG7UVd9PY60VVCKi47BVKQARAQAB
tFRHb29nbGUgSW5jLiAoTGludXggUGFja2FnZXMgU2lnbmluZyBBdXRob3JpdHkp
IDxsaW51eC1wYWNrYWdlcy1rZXltYXN0ZXJAZ29vZ2xlLmNvbT6JAk4EEwEIADgC
GwMCHgECF4AWIQTrTBv9TwQvbd3M7JF3IfY704tHlgUCVwyM0wULCQgHAgYVCgkI
CwIEFgIDAQAKCRB3IfY704tHlkGrD/9aIOPxoABbhHDa+GbM1XHSeV99q2UOIsYc
A5Jg3k2+Vbjr/006cL9Kk+rdbruZJtERo2z+HVVhkJisvySbsd0UbWfiY5AdHzNP
azpitbX9cNYi0ghDZsD5UgP3cWdx21BJPO0v9PBG9U4z1TQ+pmsQphtNzMC4tK+A
H/7WTXnVPzKXTYziIEIPgHeassSj7Yfwa8kLiBR5tAehHDNNMi/mMf4d6a+wO46x
hhRx/BLjoaIxsZw9f5VxDAqGbCrW8IccwJX8vTc89y+6vpzSurdqYrplZWGpcnfT
3SPBxodLhS7wMehdy6NKNO14vDGR/GP43+6oZ91Cyv2CYHSPpZM6+qMwMmGVkHS2
6PrCVPhPoDywf/7UeFsC4KZMI6LIGD2YI9UEOlcCAEbRwWVjXCSwRZ9vRkxOxK4Q
xNMLAIf3YmUZPnqGVcvNssgsapvjmI3CAWpAPWlP5GTcHxrVGiYz7hNZcA0PfgxF
pmB0QXNxr/x737I9Q8FCZasSlNqocaiKF6gKBxFOKfiKx5DRZ63EZ07Z3HE6y+w3
+97UIJhjxVrONgb7ZX9paE8NtLG/X0ZldUzqWngfnFVasnCDiQC+ls2Tu9Oa+yMJ
rMe3VM4EcZTjYoESUjKzEHP72hn+GoAk7saWWVK6xYUJPM18Ua1mGx8xwoXt/t95
W40b92HbJrkCDQRXDI3IARAAqy/YB4Xa+oEF+GTAObJaetvMTqxwrHSzueFjXT0S
nhR1yakkiYt37PBcQViOBZ3o3ilBmxfjKzpRaSqhC8WjI3u28Gcmqd4s87WR7Mz9
2JjqEwSb0RBinQpC/NnC7AoWA/z64BPHK75IUp6vXr3LCgJ84jMYP8AwgoVC9xL6
qNvQXqAfNX/hPcJK1EzAk/5Fcbd6RkWpSl9FIa7Sq6ZvMkX47nyX8I5HcIL4p5ER
mdhq1h4+C8zG4vf7nWGiWeumMNIRFOFEsVAfbzbZkha2+BAfdU9q4XOvHYEOI2AS
OyuBG2/F2lgMW/iAKt9ZdVJIhAN9heKlDKC+qwoQeMupx8Tp077PlxG+UwcF1aII
y0Sk0LOVPx1fZe4/hwHIZOct4ptjdlCpjMR6qLbz2WVGT3WgkcVHnUH/YEdMi2Vf
lPQXA7sI8y/8467YTWWJRBieh2f0y0k6eHQx/rl7i6jFVsuYqrirZ265zU0Lb+bc
A/gI6YMutGCzifWGoieBo4nzqc0pPN3tayd6f6V+geTVkIp1S2Sc8cnjqId4jI3Z
gg0pxFy6wpmL+YOo8lf1m3eBmBbjCvE0+/j0HVi3G2fy8XOcNLPnO/n+Tn5ilzuS
jx551LKxeQwWikT40nKcHj0IrcXiIJVIBDA5Da7gYbtT8wsXdwbV4Lvvit1naB91
XIMAEQEAAYkEWwQYAQgAJgIbAhYhBOtMG/1PBC9t3czskXch9jvTi0eWBQJXDI3I
BQkFo5qAAinBXSAEGQECAAYFAlcMjcgACgkQE5e8U2QNtVFBJg//QTCvdPt7SyhP
PyDhAkstWpkNl1fwh7PTiJ00e68C7QDB1nbCXQL60yQPuXhHZojoEp7/3A+d2T80
l75lhwP+7PKIoglAPjw+uJ82fC8e70DzSsTgGmlCemUQ16GJttZoY0lA40YUnHtB
NiUWNLks2UbUBfqZCPG9vjbfM5ZI6YRqZhdgGZjIwbq+Sv9dM/OyV2TLxcW4+slR
myUv9aXHfVdDUiu2Qcc5ipbCvSFNznT/Y7wfR7CX90FkurcSaKdln62xO6Ch/SPh
JvFiGmXD32cbBs3W5fLgvz91Y5Redjk6BpMpk8XXnNEzFc30V7KUFVimnmTOt7+t
EjqZDaVp9gd1uO93uvIcXkm9hOhINd3SbMXacvObqPCw7zjtk13kZ1MPr+9x5/Ug
m1rWdLAD+GEu2C2XPr+02dyneUR0KMAzHb2Ng8Nf4uqz0kDFwke5+vzajrAz1MXb
hDytrw1u8Hreh1WJ0J+Ieg6wgUNStrMfxe5pDPJmQjRtvMuaAwC8w7q7XM9979Mr
ot0mDsB4ApJw4lLfwPmabBoPVsAGvrt5sD9fkd1qiZIMpV1Rhp7B9MYEiytaYKYq
l1v5Z9fih0Wk3Ndb+qySIGnlZJ6wq83VBSQslkNkPWTPb75e6XkH3uzkvEtMtHC+
Aug1pQWveWd6PM0uB0Gl/oWeQDn2zJEJEHch9jvTi0eWVo8P/2OVSzfPFfPUhJSw
zmgNX2WsW6WN91wtbf0oUpORK4otjJETUTvurVHPin473mSAeIypzMO1pHS6Q1uy
Pj5Em8x7BgGza1hBLUTvTIpRfS+J54hoaQL6XGnrE3/QIl/AxGK5aqc9h7EqsTbh
Pckg6BELWueKg1PpCGWtQ1igCcsTUt/kgJ54TjT7dUyuFCAapVgY6lMlEta4dIYJ
dbeQWkZR043o6u7R0HvYHl0P13thD41guhdZsPNah6km5hd7IEXuBNo/HReSHniI
zCKolpIkJyn9X1g+SKJ5aQ6MvFd2L4pkqJKt+nNvkoQXITw9yExDHJSQChX5Qnwe
eJoU0S2Qc6W9jL9qyOw3U+su2/oPzTk2xRu1CwiYLeNjZSNYhU9Az78CsvNrZUUK
CmiZrkmN8tRlFFps3TaF/fodwuYfWPC/R9WpKbtaqjjz3PqXHYbh5NyURVw/EqvM
y1yP26PsQn41tE5Ebndl6P2YzjAZQLKNTc584BXq7Tqj55jeeH/sS2XXv5gF2S+t
m9+Nwyuavl1mC5CNaL+KbkX6w/OadINUOArQW2HC1SwqP184fN9cJCx3NeB24kKg
84M42qQPUOIHfiu0R06JKaPWibk9WAU6ssQLcrbRs5NZ0ySqJWU0tpS/W4Zlz1Yj
Ytnce0VAbz25OAACZ0adKnWgKv8OuQINBFiGv8wBEACtrmK7c12DfxkPAJSD12Va
nxLLvvjYW0KEWKxN6TMRQCawLhGwFf7FLNpab829DFMhBcNVgJ8aU0YIIu9fHroI
aGi+bkBkDkSWEhSTlYa6ISfBn6Zk9AGBWB/SIelOncuAcI/Ik6BdDzIXnDN7cXsM
gV1ql7jIbdbsdX63wZEFwqbaiL1GWd4BUKhj0H46ZTEVBLl0MfHNlYl+X3ib9WpR
S6iBAGOWs8Kqw5xVE7oJm9DDXXWOdPUE8/FVti+bmOz+ICwQETY9I2EmyNXyUG3i
aKs07VAf7SPHhgyBEkMngt5ZGcH4gs1m2l/HFQ0StNFNhXuzlHvQhDzd9M1nqpst
Ee+f8AZMgyNnM+uGHJq9VVtaNnwtMDastvNkUOs+auMXbNwsl5y/O6ZPX5I5IvJm
UhbSh0UOguGPJKUu/bl65theahz4HGBA0Q5nzgNLXVmU6aic143iixxMk+/qA59I
6KelgWGj9QBPAHU68//J4dPFtlsRKZ7vI0vD14wnMvaJFv6tyTSgNdWsQOCWi+n1
6rGfMx1LNZTO1bO6TE6+ZLuvOchGJTYP4LbCeWLL8qDbdfz3oSKHUpyalELJljzi
n6r3qoA3TqvoGK5OWrFozuhWrWt3tIto53oJ34vJCsRZ0qvKDn9PQX9r3o56hKhn
8G9z/X5tNlfrzeSYikWQcQARAQABiQRbBBgBCAAmAhsCFiEE60wb/U8EL23dzOyR
dyH2O9OLR5YFAliGv8wFCQWjmoACKcFdIAQZAQIABgUCWIa/zAAKCRBklMbWmXwh
XluJD/4mavm5UQ84EczsNesfNL8gY3zzlCnfvnUlJHK+CoYub4wcoDXVUlnCmWgS
lZHQZgr3/qfW2MM3y/kXcbxhL/FijUzY3WlnCdnIVNjuB+QJt0LHbkP7En/o085Z
zHuzaXxfZ97qN+KPsRBTjnJ8hd3B64cVjgnXva1+pG51EK4iDF2bXiWPHvUbPiL+
Og6C9XjpWrwIA1CWyH/4i7dtfTnbViO2aqKQNHfrXJ+xS938Lr8r5+VmUWByHqwe
BGIASOmwsJeSUHozkZYbmMdaJJ8j458zyfS6LO+HIa3+zhzidOoiEH9c5QvVf54g
NsYjPTcHj7U0DgkxCVQeiBKBLR+q6M6QHa4qax/X0Z2ZCcSDTZwqGJNaKfcFYd8X
1B2zgrxkGweeHKjfmpqfXRKrggHumLdVqHU7KS9cz1yeTL+Nw7ne+kzRMEA8sLnm
4ODRUJwUz12RqS0GG1FYV0rjJVWVzRFMfMUs+7xAptEuMdoddkQSmytkXyOKAqv8
KQ9XUEbGWikmCxW2cOY9spOpwQa7X2oXe7FlV9RfmHYrG03k+YlIREgFqlvWwsgp
zURculd+CIFvT3vci7vFm1UiQBb5wC8bHOoRsr7OXW1267lipouZr5OrQhVnRZQV
a64cdUIKjLXEt4790uxh8ggNwktZRILIn2JHjgEQICdYWeQb1AkQdyH2O9OLR5b3
MA/8DRZi0s7SLQwaQiJrT7GrACsIMjYo6SapUVxDMF28QfANW809ANpq2Let+yAD
mEibSgpiDiO7rq6PvYnHmPyxmTbEwMtm1bDi0j55/TybnNN6hnUo8F+o0ywCJjfo
T8GDuBX50ODoOYUMmIoYwyMz/UtNi8iHtxTBPR5b7l1Vt8EfUb3wrwGa4i22mjgL
KU49h7Oyi1VYZRrM+0hlrmaLF79tT9msDnn83mgq9qefkJuU4nBqUXui/CY5b8vJ
XC+8tD+q1wCiUM8uv2LJs/5JyK80zFJbkBXA/ZCYtU0LJEpUf7HjbIAdCMDWjpc4
j+IyjU+Axv+NkMLgYRhaadnPRVzqY8f2T2Bs+EQWk2i61BVQMqakGtwBWIMCp2fn
GDCxIL/FCN1kIA0J0h9ommhMgZdOJaAktsddr/LwVh/hcYX8Mfy94vPs+E3Kb6Oi
iwPkkN6umQvdFa9Rhh9SUNvmtXzMo3WELLobtvVKC+fdFVatDsJurTRKLDKEvPjS
xFlJ/T8t9yItTBAZ7+ab4nJhWoEbzkVTgNizLCJNmdAEtiKa9dEZOZl0DVmxBhB1
aqMfHA3S5UhZXmGBHwCF6PcpnM3C4XY2MjQ/sRxdFa7/HFBKOO176h6HyujQ/AyO
llmvJCCg9Hz0Wk0tjTMFsnAbh7dB2GTNQwBNZ60gUCWR+mG5Ag0EXTX8rgEQAKyR
kvTxyusp9fZoPbDw5RLeNUZJbsrXQmv92CXpkHtfH/Ldz2WEGKbuhEiyXq2lH8ME
/nRSdMiAFu/Kdsnq1tYam23rgDOcjt6X2kfSTrcM4px+pFSAkpMzg5RlKRy6pDaq
eS+f6DSiIndWFpVg4l0l8kX+kuPk6LdQQvZp+gR3Tjz+VkRoBNG8SouP6HalJ8RM
SXnAJbJGe4xK7prL02ZXNHGImE8MZbamlBPEm5oqP7pWrDlYhK72exHFM8TUNbx/
stjI8HCC6W25JgpmgJ1+hgTx9/jvWhki4IpwZJIEdBtHowFMPoom2rMHOl8nzNkm
ZU7iWDQImCn3FfZBnyE+SloFuerYkIxLXOuIIw3yIaFbpkdiZlAm1a65u5m3nVUv
1CYRRSEIXW37eV3XVJqjBjg0UogtR1hsLbMA5AgQQmRZEgcqV65zbNhI1KheXTqg
aDAIpBvmX4uVxgfHj78Xf4rPICrQ2oELWsyeFufe1xyR1nKEsSmfH3/LffKmjpln
Szp0sauZKkml50TPrOvyyIFri5Pci9UXjGN+nNK3dwwP8vOFueTmidR+SagKZD+m
S4qkyvfmEe10PGyEtws8WROdwyMRUA4FOgcNsoNKmW57ImbjwQs+L1ma7I27tawH
xNZUQCRRKHF14cAtWljUP4yNcr5nlqnr+2mmP5+bABEBAAGJBFsEGAEIACYCGwIW
IQTrTBv9TwQvbd3M7JF3IfY704tHlgUCXTX8rgUJBaOagAIpwV0gBBkBCAAGBQJd
NfyuAAoJEHi9ZUc8s70TzUAP/1Qq69M1CMd302TMnp1Yh1O06wkCPFGnMFMVwYRX
H5ggoYUb3IoCOmIAHOEn6v9fho0rYImS+oRDFeE08dOxeI+Co0xVisVHJ1JJvdnu
216BaXEsztZ0KGyUlFidXROrwndlpE3qlz4t1wh/EEaUH2TaQjRJ+O1mXJtF6vLB
1+YvMTMz3+/3aeX/elDz9aatHSpjBVS2NzbHurb9g7mqD45nB80yTBsPYT7439O9
m70OqsxjoDqe0bL/XlIXsM9w3ei/Us7rSfSY5zgIKf7/iu+aJcMAQC9Zir7XASUV
sbBZywfpo2v4/ACWCHJ63lFST2Qrlf4Rjj1PhF0ifvB2XMR6SewNkDgVlQV+YRPO
1XwTOmloFU8qepkt8nm0QM1lhdOQdKVe0QyNn6btyUCKI7p4pKc8/yfZm5j6EboX
iGAb3XCcSFhR6pFrad12YMcKBhFYvLCaCN6g1q5sSDxvxqfRETvEFVwqOzlfiUH9
KVY3WJcOZ3Cpbeu3QCpPkTiVZgbnR+WU9JSGQFEi7iZTrT8tct4hIg1Pa35B1lGZ
IlpYmzvdN5YoV9ohJoa1Bxj7qialTT/Su1Eb/toOOkOlqQ7B+1NBXzv9FmiBntC4
afykHIeEIESNX9LdmvB+kQMW7d1d7Bs0aW2okPDt02vgwH2VEtQTtfq5B98jbwNW
9mbXCRB3IfY704tHliw+EAC5FNOwkABxZZ1C8K4wUDl2Oe7mewVRhVNqvTWS4uib
vFax78HDyLNqKmfi+yRHSQsDAkKr9GzmBc1DOabp4V+IRwj0vADHbcpwoGM7EJ2G
o/0RtdZiTP98B8DMACu17NwjM1l5EUExqjGEeXp3jEZGMSE8vqjq8djkvl8s5mUM
j09Wpj3Gl464NNQ/gnB0P/2sp11T0BVb2u32zNLJKh0ZP9QxXT3z93UBOeiT9BzR
hqFMyl04xpt5rqYDUdiL7y+tZDR28INZZ7aYsCs4NkA22Fh6nI3v43Us38+Kroru
09ipLE8A5fx3G5LxMwtWJA+zZisrrky86JYEFOULGpFuKrklP2bRyaHePjMeqOzD
Y5/n5unqk4+EZAPWIM4LFOwDtTD1BWmuDdpP/RjPuPZUhoMSW0p/Vv/FuBAnpgVQ
9D/kXI3xaAxKgaPp+AzQN50dCosmn643zAGrZTiIDIp1VtXVRFAVinN/mbJkqQJv
8zM/x0bc6EUNb/K8BP/JJp+x5D13DjtXYUEG8TFHz6YKZe9QzlhK5rZY/Fttwqvy
KvIKanXEjOf5/azkdOGlSN6Z74G4l22tui3y3CM+vmRrlMiBbLkCTuPfw8rS6uzi
B5No8PYBwovbqNvpm+dGNHySFTvNyJhzWmvCVt8FZ+c4tqOmwd/D+fhon0Pg42bu
+bkCDQRheAyfARAApNhsGrvrP6Spjk5xizJwd8m0LIlRi0YbMNkqkk70sgbYQMlt
VAKnUajQPPxXTJb1bqaRvPrwi1z5qT+twvvTNrckHjkdmlUKfrtRCMDeJT7uMK4e
r3bYEkYpvLsQXSyBxtes9McVYRNqzPzrf4LnH5KaBMNvPVWke7D5iMX1U5tUHKgh
ohUJd62Z5mugc/FDlyaBPMDviyuVpHHZhc+vmdwS0m+SC/ZYbAKxU6DauXTdkkk2
wk3R0c60bqAnXn2B3caCwjOJCX4IEUYFoSqBCa6PmYqREqtU+ch1f4gCcvtw7gvC
22C77I7fVWWAEcPMSBm/dFY904VrjKFa/yFZik+36AuVoXtD0yP29n6zWlgscQuH
EVcTLrIgV+upnJUODL88I+dBtVisoFC2HLz0PNU4NKb4EyqoMcC/ZbjfTIg1bZJ/
QmcezRZbM1a/onO51SYwDZyXmxRwhGXyW0KOLiMCn2G4aKVJAmuNYl6XrG1cwCqj
cHj4MjUwDBcmJ4wFBPBVVJse2SVW9eYhGzLN/ICSif1m/MLSUX5QH5IaxM4dTP+N
1lAFN0Xz5l06xnsgwmCkx4l054++PLh+lONLAfavqnhIWXU49Crn44LVmhVrGU5F
a7RjmiOsX1+qcv5N4Y1N3rPu3XRJcYTwXKjRN6ZD0am/cM/nsUnTO4YlMzcAEQEA
AYkEWwQYAQgAJgIbAhYhBOtMG/1PBC9t3czskXch9jvTi0eWBQJheAyfBQkFo5qA
AinBXSAEGQEIAAYFAmF4DJ8ACgkQTrJ9sqO4i4uCCQ//Ug1HJFOguZjWaz0NNYxD
SXBsEvwnfG7+d4og4pUY53D3NxaUa6BSg62FJtPxuO+7JsfVWPHjAUz5ye4xV+MP
nxe7pmmAIc3XBdgy7NjB4EUpoyDihLBMq4AkEnYiF8Sb9wCvJW8pjbNj67LOCLPH
e8CDeyOQA8NytIIk/aeS4dwnefNRso0COZ0yydYOuqplXA/32e7IyTxsC255nRIq
8ikK/bAh5g7vOSPrW+5A4U4aGX3w4G6LnBSG2BDD/96xNZiIY0pKYPd16t3YkdUD
TW0GYJZXgowsNuDcJwwxDXHdXWZ7oQbeCLAEvUj3FOwFRsRrp4Q31TTN0q+gxtKi
A43nAK7EDM78JcYyt4m0FS6kcRzr2hO7B7jboiGLcBtGs8CDe2cYYUK3XUehAU2d
E9Zve6cXxSUDatLK2/AXJCLenMFi3lWxMgDs0Qca4mz786ivoA4ifOG3VynsB+YM
Z8bLY3mjD7gYjoU97ZSoiDb6cWIav2FFk69dGAtAvx2UOcUKHKaV3Gb8n9QV0kZJ
ZGV0QOw+vMdARIq+xX0SOclBHmnnORArqPHTOpKUOCI0bYZPf8JK/Ah0KKHoKX0d
OEe1g2bdlg3RtT1baN6guHcAg01NyunS0Adm5AsXG6RuPno7l4H6d+Trv9faI2KL
jpl0lA3BtP1g3oKy1DP4KeoJEHch9jvTi0eWxrwP/0zlWCYOsNH5Id4SZsPKe8im
evCbj3lvboTYPc4u6HvbbwbYqLerzP2ajWSCdUAK4CMrAuvFildo4k6COh6VaZdi
DOwsKoJfs6Vd5oud5a+jRnv8+oktRBf5OAVc3RLfBG1RC9qI891JTOjGrTU7dBJr
RjRWdy9YQd/epN2I0RVtUaJlxKELoFj57FPERZgg+yomiheBARK+fLYY/oFTwJK3
+Kt3rdnBtUeVpEiL6VjU6bqvIpUG+P0u27AspcacgDewg59+thcbY4tnsdo6DSZB
Q92bBPVGzpXPEhpQ/vZM63CG8qsZfQ1jw82ovmSnkKPLnBQRabFYVl0DCl1uYHg2
4Up66w6Lj/tT2XbCeBf2n54K9HoUMV9f7/pLoTa0dE3UYI1K4GLZdp+yxMveUEjG
nh0YOTBmoBtpdy6Udejujil6xbH2gLwbICFm+boKVWwzrYCyfl51ASiq5dmqQwd3
tPAg9Hc6qtvZ8cswyWyNOQpZo0myvfPaKrHWa9u2GqQmeGBwhckXJxFM/zau0yx6
NMkSFI49kTglw0A77rcmlJUAQQeoXmTKMl6NM/3AUfvL8Qfu9/74kgoFI9pmQFky
BtcQMCeB2/JQ9K9ywPhi/gIebjftfMgKQsTW+/6Nl1yZ8q38y2n1J4p/acVlFc2K
PhbmKL4CvcSdlQS4CbvFuQINBGPs+VgBEADKbgLL+vAabKV2rGSDgY+IttTAtg9w
9Uor1+Q/CIWGxi/JQy7l7XTKjmS0wvdwU+9f/eGsjxigbvAcSsV1szyKfVQQFT2m
9KhDrBqNCAvQ5Tg6ZQdNe51oHwjiIQ1i7z8QoT22VucdTYqcMLAHe+g0aNqLLSSW
LAiW4z+nerclinjiTRCw/aWZJR1ozQd2eKwAw6rk19bHcihXo2E0K1EDmdHcNA8y
typxwWWXBftCYRWXi5J02GeZazxmx/DULnFgy2J4G0ULTqGWsbf/tCt22jqgyX+v
Fj/sJPn+l3IJqpyNY5yBG6GcejeP9vRoQrapGqHkcx+37f2vjwmpj5548JI52KEC
1yZeFwp8HjGLp+zGajpnokrKd4XJHniW9+bPLq7Yp7PNn65MaYvZUjv5enKd45fF
K6vJ3Ys/fx6PBXKKBs9flRIgdXOKSvtV+bGIG0I/p/JEZ/wPxRgxHPDK5jbcI6KB
Vm3Uk+CHFC4IBAtzdSh6H4Zfw1EH3dQZMLVBB/Sj34UQhlwAOlAXtZH3vks/Kpcl
WK8gnqz3i8HN0ezvcnQlRiRO8IqlN9/PmFqZeNTerklT7Tt0jXqiopLHL0FXR2Ls
ndeORfxDE1rhVOUxloeuIsY8x6gO8h2bGg41YapROjYxZZEcakg9Nch4XAlxeqB4
ISttfbiVxeL2DQARAQABiQRbBBgBCAAmAhsCFiEE60wb/U8EL23dzOyRdyH2O9OL
R5YFAmPs+VgFCQWjmoACKcFdIAQZAQgABgUCY+z5WAAKCRDoiXn7mzCs8kblD/48
yE3Wpi6Cw8RBzq2uzLdkuqXh691zG6VhHUZQNb85ewGjGDu/D25u2JFrhAcmlzOr
xggvL4a8WatPXQaPqDZaSh41elM1Ya0C7cNQq7xNVA0pcN5bQ+KXXZMuQaA89BCl
TSXITz6j4O4pvhAG8y8Q2E9Mv7UYas0OhDgzVIry2s1o2Pml1qjlb9jctO9crRUi
F6v9Ru9aQkgGHYt4uyP3HzKDfoNuzX/WX3O0Fm8NNpnJk6qZsLKwg7ukUdJOIEIb
LLNLU9ZYmys3wNtDKMfm4T79abSNwNIn4dd5hapH9BAuDJnk4WnFOap9AQZPgJX2
WXKC2DXQZeSX1VXpI3rr7FSbSec8d5bitw7s20XWyQB2+ZoetRxNgR104GIh/Laj
tatLKFc9NnP9Smhey8nrxVZFx6HuXsnGOPkbjsiFYMsxtPVYnO72nBDTDP4ZejLO
aay2KtCb8pJkCH8U0guquDGVd+S02Xx947evyvHqGt5V0yVFPD7uAu7A5QBYXvtc
tzq93S1jZDIoMP93Oe8VpUrXBBfizzHVxP6VUmxM97IE+gjVRqN9PuMrp2D9yEBU
Gk44fQW5zyuuomYac7Mpx2fnWgGA/Al9ug2uvS4oIzUyLEJxpc6M8RYluacSIjFg
CigucRsvTBy6lobG1FMvnQyze6+fAeKbbrK85OuA1AkQdyH2O9OLR5bPGRAAmgSi
hpu4US/JoWnR/aeiFf9upobXVDnBnqOAXiMUaFeS+hUuh5EWUhDLIWYvXXhPacvb
pUOlxwLsLIdPRQGGSp1/rqhVRnmWsJ34DoAKxG7Elq8EArK/pF+v4wSUMegjAPJQ
evIcLvm83z+jHmbk1AEeioBYTq45RbzlHmyLmGK/zT13KnBUWE3sFkECoco+vMli
8oPeL+JMfiMgPb2vDs+58YlHq5W26pe08BwGzY5LQM7Jt52oxsqgXEX/N95QqgSc
sc625wCIE8/Qo5pXT0TKk+5ViFojs2Ei3mgXHBXFgISdAtWBEmqN9TESqPPrHzfn
Fk9t6mPg1r5Nt37IKO7oTzu7/SXrJlXPIQ99Nlq6HO/mMVdYjbWFBPw8+NGVGemQ
chOODZsksvHJGV4gjMpW1FC37MRNsiai1UMraVxzsrCte4/oqpa7bY8VdWw6p5mv
fdroLkwHW2cS2lgC8ft7e4npiHXXLAIib+sFHcrIkZu0uJxGCJOkUwkaDrAFKWzZ
YHc2YUrW5XN7CNBo/fe90r1W9/4esn59SM2mTMarrUn1fiExwFiUci4U+3/7U4Ii
ViNeNoZ2J1+hqxudlx1OT7Ae2Wg4dLASoEHaMKby4+JVVicA8jdlocrCbpEv1hVV
47hwiKc+VTQGvCZqs8eT+pbnw1Recd13J9Ny7bO5Ag0EZbladgEQAMSm1QPtyjAr
XdM1i2Y6439Jc/AJy3ykVjxTaDi6n5z7lgQipaQBSpWbwun4Op0W5fs1t8rYE2iP
A/KKoqVoEA3o3Hts71uNK+VttkGtUneYv6TvGsV1MYt4NJJOUQF6yPsVcrXMrtJb
0BXefjmWY4sBdMLXdVDcrRIRdv7r0XBevfX+Lng2BN8z/UtwlmEihHoy60ckJJgq
47pkfFho51+PjwEZJaPtEgRsXn2sgTMNHukGTrV8ub/aKWVNBPF0wYYF5LA2NHgV
p148nS11F4OgiNpCkAZmJQCPlyp4emYfxkihjh+TZKw6KcrxwOCx7YeceKK6wWvr
HHrwjJxl2nhatDIYNIlnVkqTlBp4A9gTdCxmciZ1xXb+QllLycBYMWgu2lo1Kk40
NOfVljIKLatY88XwmJUySYLGyX5kePI29kc+yVGycYHsSgoOlyM/Vw+GXfuj/BRi
nKItjITxb6YM25wfhgctUer/NAao7dXprFMDUOz6C720dX/f7ISsiqmi7X1U588o
mNgLvJ/O8gPnyMtk1gWrwhFZDlVYI5AlYxx3MwoHntLZlvm8iEmR+X9LkhIwZcNd
vfafIpV+8LlOaIxt+uzNzcMsDHCGomUAf/GYXbI8/x1iHoopZIh99UZObfyxyz2S
SbVtUEBHXyKXHp0bFWM1Iz2LfQwxeNRRABEBAAGJBHIEGAEKACYWIQTrTBv9TwQv
bd3M7JF3IfY704tHlgUCZbladgIbAgUJBaOagAJACRB3IfY704tHlsF0IAQZAQoA
HRYhBA8G/4a+6vTnGGbuUjLuU1WmvG5CBQJluVp2AAoJEDLuU1WmvG5CmB4P/1Rn
XKHryp3UlaOAq/UAF2YKFS9NAggVwH8PhsFc6nZpruc+CFU1s5jwCuW9aiWgQ+Tj
BFvQ0h/bHLbujlTSmfyyyo/Ij+4vSxRzlmUa8lHPqyqv7fIsQ82AAs8WE/mV8Dif
24hsxJSZEH130DTkRqtnXS0FB6sOQPGj5EKAFt3v0vN/Z1QRX2eLmZc2jO7QfkdR
strvF3borb7xdt26/PM8g8RgYaG+fqIJ/NtGQF0XI+WUxuQ+mtRGEyVpL4qnwwno
kyxjsMxsJvvGIaPULKR1CahGJD4tAlyE3DvNikMRI2SDojaGyh5cw24mJJVZmx46
7Q3tE4dwmAu8pCGCldUQBG6eprTL/WauyJcmkJr1qsSK7gyx+Uy8mwXESY/s5bwD
kzhlzaJ0WjBxqXfoHFIElHJfhLS0efqIr6NFmPUu4cBKJKoZoFBwTPTTEmWz7tE2
mDgVO9Z6Q9fq7CwZS6J/GchieQgAy3Rxm5BizBZsWisY3BQ4JX1w6wH0Cae4rYCe
bkutFFWBg7JA3j2nkgfzsD3kYHYf5BllL2yV589dEocNjPios56vPi5kg9UQOFO1
SaX4Efu1eArNcNteBxKf5pH8okDcgjqj9yXZRs6fI2Uk9zzz0UL63+iRSqSj8Kv6
iepLCzOph1DHnY2tFghpSFYqlayhdprMJVk7GmLFoiYP/1nT6wq8k/RDS3/W7HEB
J8Rtxs1vL51nU0e5K7jgbUT9kaG2KBmlnRbgkELjvu0lX6zLFiyPcc5JkvE2AyfZ
7t5cIfanOS4hc0W9C66RQo2cvUxkn2gtCrM7KCTc16Iwe/uMC2RNEneNLiCetwc5
DhpjYExR59szzQ9Npx31pefsmkSwKdutEz8W96l29yHYgIDoLYW3b6nuBRBfp4nA
XQ1gWqfEmFNFlKZBa2pPsKNlFgpchC+EiMQ/db1ElVNyW38K7IOx6hNGpEBJwbPu
HNef9WU3n2DIIgMBHTHPvbNHiCNTfuOM1+/BMbmK59RmW66TS0UaxZsswHHLZt7v
NN7SKzXsveT9+A1d6wZlVoy8Y3gykBKnBHGRaGO0zaXczHt4YsUA4L3is6lAjbIo
pU5M3j2F1RFKRr95+HZT/NXNeGbFvsdKmvP4ELtDAuYVMgYR8GqjI5yP/ccVMsi/
mhT+cUxO/F7+7nixw1Go637Jqr/NF5kjjrBD8EiGy8QrGm6uBR3NGad0BnMWKa2Y
oYKF1m3Fs/evBkcymR+hSwFzkXm6WSOb8hzJIayFa6kAc7uSKyR5iG00p/neibbq
M1aUAQDBwV7g9wPmcdRIjJS2MtK1JXHZCR1gVKb+EObct6RJOVw8s58ES5O9wGZm
bVtIZ+JHTbuH+tg0EoRNcCbzuQINBGd9W+0BEADBFjNINSiiMRO6vCSu0G5SqJu/
vjWJ/dhN7Lh791sas64UU/bWDQ0mqDms0D/oWjQNgapHRXAexuIynbStlSxXO0Qa
XEdq50BCVoKXj9Nwx63WWBXaR/cwAaBbKLYGUSsMEzqMXZul7VfuOyxGPcgHnz67
dYDyUOIdUisFiBUkTwoUNXE4Qc9kA9i2jwBrY1s6+vtMX9J5uMUw78mtBG3U6TDr
7cgwlKe6nuNbt+EXpRsaKNPq5qC/9HEyRgq9i98Voo5b1gjC4adnYFZ70SKb6PrT
kkpf6b0wi4BNJxYzUBWzYdw9UKPwB4RM9zM20PSWxMuzBfn4sPN2FC0SjdZGeu92
dZ4NcCwNJuPhFq4fz6TD6da2mEE9H0qlJIhgaNuTHyI3YXgLk4FH/+GhylO74uMh
cMa/A1nCq8Yr+4OscWxbyN6fv8Jsg2y1wQYdnIqsEH1vx99k5Xy/nF6rWqQfdy9c
UeCD00bzJyFSQQPieiP45asekajwAXph7nRby9rACbvdZUIy+RsRJoFTS+5flChr
MvofJoOEqJ58NzCNXNSq77yISZZE6aogqgp2hgQY2UFpLoslSUqvFSx6ti8ZViXf
Z7e9zKTi4I+/cpQ+RuzkBFYBgW7ysKnUWLyopPFE2GLu7E6JTRVTTL0KAiCca6KT
v8ZNe6itGuC7WmfKFQARAQABiQRyBBgBCgAmFiEE60wb/U8EL23dzOyRdyH2O9OL
R5YFAmd9W+0CGwIFCQWjmoACQAkQdyH2O9OLR5bBdCAEGQEKAB0WIQQOIlkXQUZw
9EQsJQ39UzwHwmRkjwUCZ31b7QAKCRD9UzwHwmRkj6YZD/4h1o52LhFwu7is7fs7
7Ko5BpBpF1QKV4GRpvYdf7o5Wm9BSvvVQNSZVbs6sPUgWLsFMJBl9E1VQgnOSgMQ
2urGB9iIIHAvnTeGYwjIlKyZRBzVROn+xY4OfUk0nK/o1jnJCpz+adseMZh9JGV/
65GfvdJX54j1L1bf4OWrp6BEA77TDmQZ9zqYMeMzlsaiuLxjLRdW4RVInjLYOQdx
OY5TXjcJpA2FdzBxrvqDGMtUxTANzkLkzs+XXg/OsRO94SvR0NwwaBEzyLs5WFz9
KqELMFSgSOM+x40S5nwUGoFwl4/uuCxFGrpgGZVlld888WZwJOJMyb+dfrxEsWjJ
ui5eVRtfDC68792YuBM+ATK+zo2wJ8X3IK7CEw5cK8HgmAu0avX1sOVEspPd4dJD
SfAFU+ghtmufy7As7X1uI5IOyxQ1lpDCEqDf6wmkdrCX78tmoo2d98gFlJxKVmRu
vvPNdWABXZ/YNW57lix8fWe6vFY2pcyYVRXvX/DIcJNiu+uFVC+6ZzTWMZeCo9KE
wKlVRg2aDFhwnBO58ahm845/B/7p02NL7SuZPAT8rlLdA7XpfH7KY5Q5eaOVW3gU
KOnBQRM2Unea22r15rYsYS+whiqglmh2yejmE2vOVteJ3VJkSeaj3S3GGpHZdelI
/w6xbihzj67pYAG7PoZoJtav52HYD/91FDIGqsVOnn7IlotzN6c/Z07tJnCPJKSc
736L+1iDYyy7tvslUckW0vfOO92a+ikuPQRajlzUAZrWZe+23M+bIX4T8aCi3fGC
VWsr5wUK4wiBNQgAr5iQWRg2UjWNLxGuBvp+lk9w8BGp+qZWd/8TOrOHGmXz+N2W
ZBIrtTNbL0LYMxffBxcQIV+aC8jD8MfEetV9F7SsZo1Wza0wcEXyX/xUQ5pr+aks
aDtoNYKWwnJtlRqBgb6A8LPeRrzxTZVlHrOMUDHJSKNNSbspyRi8jmhJtfU17uE9
+rpQkzv29ZRiDi4vtub6RSpcAaw+squMq7fNberxr7SNaWa7dVnJu4XHvAhS6838
6Ng9vMhzyLE9GLyuwJ8FCv0jCiFdRFDayyEYZ0zAZz/gWjhdB8XAGJ5US0sEnD8d
qQE4JR5iLzXEZArHyGUDl45/JbxV7O5Z5D+SlBef/nHLCY/JBHc3LGGnM0Ht8GNj
d+om6kTznz3lZjxQCj0LFHYMeO3ADyk5uj8SKe9yMXHhl25Dlye1tZalTyosEIdP
UZMFqTLSQNh0nW5iJ8QYhO9bSaksUKadhHzVzoFk067OOpZLlt/SO3a9DTgBqJnm
jZzrnsTJpU2ctkX++wX6M0WSGfkQGJWbuf1tRHdl+IkfIu+kBE+iAhZoMQAysweF
p6XgWgagKw==
=4eJy
-----END PGP PUBLIC KEY BLOCK-----`;
var EMBEDDED_RELEASE_KEY_DATE = "2026-03-26";

// src/toolchain/signature.ts
import { createHash as createHash4 } from "node:crypto";
import { createReadStream as createReadStream3 } from "node:fs";
import { Readable as Readable2 } from "node:stream";
var loadOpenpgp = () => import("./openpgp-RBXANC67.js");
var KeyMismatchError = class extends Error {
};
var UnknownSigningKeyError = class extends Error {
  constructor(keyIDs) {
    super(`the signature was made by key ID ${keyIDs.join(", ")}, which the signing key does not hold`);
    this.keyIDs = keyIDs;
  }
  keyIDs;
};
function keyMaterialDigest(key) {
  return createHash4("sha256").update(key.write()).digest("hex");
}
async function readPinnedKey(armored, fingerprint) {
  const openpgp = await loadOpenpgp();
  const key = await openpgp.readKey({ armoredKey: armored });
  const actual = key.getFingerprint().toUpperCase();
  if (actual !== fingerprint.toUpperCase()) {
    throw new KeyMismatchError(`the signing key's primary fingerprint is ${actual}, not the pinned ${fingerprint}`);
  }
  return key;
}
async function verifyDetached(file, armoredSignature, key) {
  const openpgp = await loadOpenpgp();
  const signature = await openpgp.readSignature({ armoredSignature });
  const issuers = signature.getSigningKeyIDs();
  if (!issuers.some((id) => key.getKeys(id).length > 0)) {
    throw new UnknownSigningKeyError(issuers.map((id) => id.toHex().toUpperCase()));
  }
  const created = signature.packets[0]?.created ?? /* @__PURE__ */ new Date();
  const message = await openpgp.createMessage({
    binary: Readable2.toWeb(createReadStream3(file, { highWaterMark: 1 << 20 }))
  });
  const result = await openpgp.verify({
    message,
    signature,
    verificationKeys: key,
    date: created,
    expectSigned: false,
    format: "binary"
  });
  const [first] = result.signatures;
  if (first === void 0) throw new Error("the .asc holds no signature");
  const reader = result.data.getReader();
  while (!(await reader.read()).done) ;
  await first.verified;
  return { created, keyID: first.keyID.toHex().toUpperCase() };
}

// src/toolchain/store.ts
import { createHash as createHash5 } from "node:crypto";
import * as fs8 from "node:fs/promises";
import * as os4 from "node:os";
import * as path8 from "node:path";
function manifestDir(variables, env) {
  return variables.cacheDir ?? path8.join(env.RUNNER_TOOL_CACHE ?? path8.join(env.HOME ?? os4.homedir(), ".cache"), "go-guard", "toolchain-manifests");
}
function canonical2(trust) {
  const fields2 = [
    "release",
    "mode",
    "pinnedSha256",
    "keyFingerprint",
    "keyMaterial",
    "checksumSource",
    "checksumDatabase"
  ];
  return JSON.stringify(fields2.map((f) => [f, trust[f] ?? null]));
}
function fileFor(dir, trust) {
  const key = createHash5("sha256").update(canonical2(trust)).digest("hex").slice(0, 32);
  return path8.join(dir, `${trust.release.replace(/[^A-Za-z0-9._-]/g, "_")}-${key}.json`);
}
async function loadManifest(dir, trust) {
  try {
    const stored = JSON.parse(await fs8.readFile(fileFor(dir, trust), "utf8"));
    return canonical2(stored.trust) === canonical2(trust) ? stored : void 0;
  } catch {
    return void 0;
  }
}
async function saveManifest(dir, manifest) {
  await fs8.mkdir(dir, { recursive: true });
  await fs8.writeFile(fileFor(dir, manifest.trust), JSON.stringify(manifest));
}

// src/checks/toolchain.ts
var Unverifiable = class extends Error {
};
var KeyRefused = class extends Error {
};
async function resolveBinary(binary, pathVar) {
  const candidates = binary.includes("/") ? [path9.resolve(binary)] : pathVar.split(path9.delimiter).filter(Boolean).map((d) => path9.join(d, binary));
  for (const c of candidates) {
    const real = await fs9.realpath(c).catch(() => void 0);
    if (real && (await fs9.stat(real)).isFile()) return real;
  }
  return binary;
}
async function officialSha256(ctx, filename) {
  if (ctx.config.toolchain.sha256) return ctx.config.toolchain.sha256;
  let list;
  try {
    list = JSON.parse(
      await downloadText(ctx.config.toolchain.checksumsUrl, { ...limitsFrom(ctx.go.variables), maxBytes: 64 << 20 })
    );
  } catch (error) {
    throw new Unverifiable(
      `the official checksum list could not be read (${error.message}). Pin the archive's SHA-256 with toolchain-sha256, or allow access to toolchain-checksums-url`
    );
  }
  const file = list.flatMap((r) => r.files ?? []).find((f) => f.filename === filename && f.kind === "archive");
  if (!file)
    throw new Unverifiable(
      `${filename} is not in the official checksum list: this go is not an official release build. Install an official release`
    );
  return file.sha256.toLowerCase();
}
async function releaseKey(ctx) {
  const { gpgPublicKey: given, gpgKeyUrl, gpgKeyFingerprint } = ctx.config.toolchain;
  let armored;
  let from;
  let storedCopy = true;
  if (given) {
    const isText = given.includes("BEGIN PGP PUBLIC KEY BLOCK");
    armored = isText ? given : await fs9.readFile(given, "utf8");
    from = isText ? "gpg-public-key" : given;
  } else {
    try {
      armored = await downloadText(gpgKeyUrl, { ...limitsFrom(ctx.go.variables), maxBytes: 1 << 20 });
      from = gpgKeyUrl;
      storedCopy = false;
    } catch (error) {
      const why2 = error.message;
      from = `the embedded copy of ${EMBEDDED_RELEASE_KEY_DATE}`;
      armored = EMBEDDED_RELEASE_KEY;
      const embedded = await readPinnedKey(armored, gpgKeyFingerprint).catch(() => void 0);
      if (embedded === void 0) {
        throw new Unverifiable(
          `the signing key could not be fetched (${why2}), and the embedded copy is not the key gpg-key-fingerprint pins (${gpgKeyFingerprint}). Allow access to gpg-key-url, or give the key with gpg-public-key`
        );
      }
      ctx.logger.warning(`go-guard: the release signing key could not be fetched (${why2}); using ${from}`);
      return { key: embedded, from, storedCopy };
    }
  }
  try {
    return { key: await readPinnedKey(armored, gpgKeyFingerprint), from, storedCopy };
  } catch (error) {
    if (error instanceof KeyMismatchError)
      throw new KeyRefused(`${error.message} (key from ${from}); the key is refused`);
    throw new Unverifiable(
      `the signing key from ${from} could not be read (${error.message}). Check gpg-key-url or gpg-public-key`
    );
  }
}
async function proveArchive(ctx, env, at, store) {
  const filename = `${env.GOVERSION}.${env.GOOS}-${env.GOARCH}.tar.gz`;
  const invalid = (why2) => ({
    findings: [
      newFinding("toolchain-signature-invalid", {
        ...at,
        message: `${filename}.asc: ${why2}. Obtain the archive and its signature from the official downloads.`
      })
    ]
  });
  const config = ctx.config.toolchain;
  let signer;
  try {
    signer = await releaseKey(ctx);
  } catch (error) {
    if (error instanceof KeyRefused) return invalid(error.message);
    throw error;
  }
  const trust = {
    release: filename,
    mode: config.trust,
    pinnedSha256: config.sha256 ?? "",
    keyFingerprint: config.gpgKeyFingerprint,
    keyMaterial: keyMaterialDigest(signer.key),
    checksumSource: config.sha256 ? "toolchain-sha256" : config.checksumsUrl
  };
  const cached = await loadManifest(store, trust);
  if (cached) return { manifest: cached, findings: [] };
  const expected = await officialSha256(ctx, filename);
  const tmp = await fs9.mkdtemp(path9.join(os5.tmpdir(), "go-guard-toolchain-"));
  try {
    const local = config.archive;
    const archive = local ?? path9.join(tmp, filename);
    let actual;
    try {
      actual = local ? await sha256File(local) : await downloadFile(new URL(filename, config.downloadUrl).href, archive, limitsFrom(ctx.go.variables));
    } catch (error) {
      throw new Unverifiable(
        `the archive ${filename} could not be obtained (${error.message}). Give its path with toolchain-archive, or allow access to toolchain-download-url`
      );
    }
    if (actual !== expected) {
      return {
        findings: [
          newFinding("toolchain-checksum-mismatch", {
            ...at,
            message: `the archive ${filename} hashes to ${actual}, but ${config.sha256 ? "toolchain-sha256 pins" : "the official checksum list gives"} ${expected}. This is not the official release: do not trust this toolchain.`
          })
        ]
      };
    }
    let signature;
    try {
      const fetchSignature = () => downloadText(new URL(`${filename}.asc`, config.downloadUrl).href, limitsFrom(ctx.go.variables));
      signature = local ? await fs9.readFile(`${local}.asc`, "utf8").catch(fetchSignature) : await fetchSignature();
    } catch (error) {
      throw new Unverifiable(
        `the signature ${filename}.asc could not be obtained (${error.message}). Allow access to toolchain-download-url`
      );
    }
    const files = manifestFromTarGz(archive);
    files.catch(() => void 0);
    try {
      const { created, keyID } = await verifyDetached(archive, signature, signer.key);
      ctx.logger.info(
        `go-guard: ${filename} is signed by subkey ${keyID} of ${config.gpgKeyFingerprint} (key from ${signer.from}) on ${created.toISOString()}`
      );
    } catch (error) {
      if (error instanceof UnknownSigningKeyError && signer.storedCopy) {
        throw new Unverifiable(
          `${filename}.asc was made by key ID ${error.keyIDs.join(", ")}, a subkey that ${signer.from} does not hold, so the signature could not be checked. Allow access to gpg-key-url for the current key, or give a current key with gpg-public-key`
        );
      }
      return invalid(
        `the signature does not verify against ${config.gpgKeyFingerprint} (key from ${signer.from}): ${error.message}`
      );
    }
    const manifest = {
      trust,
      sha256: actual,
      proof: "archive SHA-256 and OpenPGP signature",
      files: await files
    };
    await saveManifest(store, manifest);
    return { manifest, findings: [] };
  } finally {
    await fs9.rm(tmp, { recursive: true, force: true });
  }
}
var NOT_IN_MODULE = ["api/", "doc/", "misc/", "test/"];
async function proveModule(ctx, env, store) {
  const mod = `golang.org/toolchain@v0.0.1-${env.GOVERSION}.${env.GOOS}-${env.GOARCH}`;
  const trust = { release: mod, mode: ctx.config.toolchain.trust, checksumDatabase: env.GOSUMDB };
  const cached = await loadManifest(store, trust);
  if (cached) return cached;
  if (env.GOSUMDB === "off" || matchPrefixPatterns(env.GONOSUMDB, "golang.org/toolchain")) {
    throw new Unverifiable(
      `the toolchain module cannot be vouched for: ${env.GOSUMDB === "off" ? "GOSUMDB=off" : `GONOSUMDB=${env.GONOSUMDB} exempts it`}. Re-enable the checksum database, or use toolchain-trust: archive`
    );
  }
  const dir = await fs9.mkdtemp(path9.join(os5.tmpdir(), "go-guard-toolchain-mod-"));
  let downloaded;
  try {
    const result = await ctx.go.run(["mod", "download", "-json", "--", mod], { cwd: dir });
    downloaded = parseJSONStream(result.stdout)[0];
    if (!downloaded?.Dir || downloaded.Error)
      throw new Unverifiable(
        `${mod} could not be downloaded and checked: ${downloaded?.Error ?? goErrorText(result.stderr)}`
      );
  } finally {
    await fs9.rm(dir, { recursive: true, force: true });
  }
  const moduleDir = downloaded.Dir;
  const files = [...(await listTree(moduleDir)).keys()];
  const hashes = await mapLimit(files, 8, async (rel) => {
    const file = path9.join(moduleDir, rel);
    return { sha256: await sha256File(file), size: (await fs9.stat(file)).size };
  });
  const manifest = {};
  files.forEach((rel, i) => {
    const name = rel === "_go.mod" || rel.endsWith("/_go.mod") ? rel.replace(/_go\.mod$/, "go.mod") : rel;
    manifest[name] = { sha256: hashes[i].sha256, size: hashes[i].size, exec: false };
  });
  const stored = {
    trust,
    sha256: downloaded.Sum ?? "",
    proof: `module ${mod} verified by the checksum database ${env.GOSUMDB}`,
    files: manifest
  };
  await saveManifest(store, stored);
  return stored;
}
async function gorootFindings(ctx, env, installed, manifest, at, skip = []) {
  const files = Object.fromEntries(
    Object.entries(manifest.files).filter(([rel]) => !skip.some((s) => rel.startsWith(s)))
  );
  const diff = await compareGoroot(installed, files);
  const differs = diff.modified.length + diff.missing.length + diff.addedExecutables.length;
  ctx.evidence.toolchainProofs.push(
    `${manifest.proof} of ${manifest.trust.release}; GOROOT ${differs === 0 ? "matches it file by file" : `differs in ${differs} file(s)`}`
  );
  const finding = (rel, what) => newFinding("toolchain-file-modified", {
    ...at,
    message: `${path9.join(env.GOROOT, rel)} ${what} (proof: ${manifest.proof} of ${manifest.trust.release}). Reinstall Go from a fresh official archive and find out what changed GOROOT.`
  });
  const describe4 = (m) => {
    const expected = `${m.expected.size === void 0 ? "" : `${m.expected.size} bytes, `}SHA-256 ${m.expected.sha256}`;
    if (m.found === void 0) return `is not a regular file; the official release has a file there (${expected})`;
    return `differs from the official release: found ${m.found.size} bytes, SHA-256 ${m.found.sha256}; expected ${expected}`;
  };
  return [
    ...diff.modified.map((m) => finding(m.rel, describe4(m))),
    ...diff.missing.map((rel) => finding(rel, "is missing, though the official release has it")),
    ...diff.addedExecutables.map((rel) => finding(rel, "is an executable the official release does not have"))
  ];
}
async function proofFindings(ctx, env, at) {
  if (fromToolchainName(env.GOVERSION) === void 0) {
    return [
      newFinding("toolchain-unverifiable", {
        ...at,
        message: `GOVERSION is "${env.GOVERSION}", not an official release: there is nothing official to check it against. Use a released Go.`
      })
    ];
  }
  const store = manifestDir(ctx.go.variables, ctx.go.baseEnv);
  const trust = ctx.config.toolchain.trust;
  const findings = [];
  const installed = new InstalledGoroot(env.GOROOT);
  void installed.prefetch(trust === "module" ? NOT_IN_MODULE : []);
  try {
    if (trust === "archive" || trust === "both") {
      const archive = await proveArchive(ctx, env, at, store);
      findings.push(...archive.findings);
      if (archive.manifest) findings.push(...await gorootFindings(ctx, env, installed, archive.manifest, at));
    }
    if (trust === "module" || trust === "both") {
      const proven = await proveModule(ctx, env, store);
      findings.push(...await gorootFindings(ctx, env, installed, proven, at, NOT_IN_MODULE));
    }
  } catch (error) {
    if (!(error instanceof Unverifiable)) throw error;
    const alternative = trust === "archive" ? " If this runner reaches the module proxy but not the official downloads, set `toolchain-trust: module` to prove the toolchain through the golang.org/toolchain module and the checksum database instead." : "";
    findings.push(
      newFinding("toolchain-unverifiable", {
        ...at,
        message: `${env.GOVERSION} at ${env.GOROOT} could not be proven official, so it is not trusted (fail closed): ${error.message}.${alternative}`
      })
    );
  } finally {
    installed.stop();
  }
  return findings;
}
var toolchainCheck = {
  id: "toolchain",
  needs: "environment",
  judges: "repository",
  async judge(ctx) {
    const at = { file: ctx.repositoryFile.goMod, line: 1 };
    const processEnv = ctx.go.baseEnv;
    const pathFindings = await judgePath({
      pathVar: processEnv.PATH ?? "",
      judged: await resolveBinary(ctx.config.goBinary, processEnv.PATH ?? ""),
      at,
      stat: (p) => fs9.stat(p).catch(() => void 0),
      realpath: (p) => fs9.realpath(p).catch(() => void 0)
    });
    let env;
    try {
      env = await ctx.go.env();
    } catch (error) {
      if (!(error instanceof GoCommandError)) throw error;
      return [...pathFindings, newFinding("toolchain-unverifiable", { ...at, message: `${error.message}.` })];
    }
    const [sources, proof] = await Promise.all([environmentSources(processEnv, env), proofFindings(ctx, env, at)]);
    const sumModules = [...new Set(ctx.scope.modules.flatMap((m) => m.sum?.lines.map((l) => l.path) ?? []))];
    return [...proof, ...pathFindings, ...judgeEnvironment({ sources, at, sumModules })];
  }
};

// src/checks/vendor.ts
import * as fs15 from "node:fs/promises";
import * as path15 from "node:path";

// src/go/modulestxt.ts
function isImportPath(p) {
  if (p === "" || p.startsWith("/") || p.endsWith("/")) return false;
  return p.split("/").every((e) => e !== "" && !/^\.+$/.test(e) && !e.endsWith(".") && /^[\p{L}\p{N}!#$%&()+,\-.=@[\]^_{}~]+$/u.test(e));
}
function fields(line) {
  return line.split(/\s+/).filter(Boolean);
}
function parseModulesTxt(text) {
  const modules = [];
  let current;
  let lineNo = 0;
  let start = 0;
  let workspace = false;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    lineNo++;
    if (lineNo === 1 && line.startsWith("## "))
      workspace = line.slice(3).split(";").some((e) => e.trim() === "workspace");
    if (line.startsWith("# ")) {
      const f2 = fields(line);
      if (f2.length < 3) continue;
      let rest;
      if (isValid(f2[2])) {
        current = { path: f2[1], version: f2[2], explicit: false, line: lineNo, packages: [] };
        rest = f2.slice(3);
      } else if (f2[2] === "=>") {
        current = { path: f2[1], version: "", explicit: false, line: lineNo, packages: [] };
        rest = f2.slice(2);
      } else {
        current = void 0;
        continue;
      }
      if (rest[0] === "=>" && rest.length === 2) current.replacement = { path: rest[1], version: "" };
      else if (rest[0] === "=>" && rest.length === 3 && isValid(rest[2]))
        current.replacement = { path: rest[1], version: rest[2] };
      modules.push(current);
      continue;
    }
    if (current === void 0) continue;
    if (line.startsWith("## ")) {
      for (const entry of line.slice(3).split(";").map((e) => e.trim())) {
        if (entry === "explicit") current.explicit = true;
        else if (entry.startsWith("go ")) current.goVersion = entry.slice(3);
      }
      current.annotationLine = lineNo;
      continue;
    }
    const f = fields(line);
    if (f.length === 1 && isImportPath(f[0])) current.packages.push({ path: f[0], line: lineNo });
  }
  return { modules, workspace };
}
var describe3 = (m) => m.version ? `${m.path}@${m.version}` : m.path;
var keyOf = (m) => `${m.path} ${m.version}`;
var sameVersion = (a, b) => a?.path === b?.path && a?.version === b?.version;
function vendorMeta(txt) {
  const meta = /* @__PURE__ */ new Map();
  for (const m of txt.modules) {
    const seen = meta.get(keyOf(m));
    if (seen === void 0) {
      meta.set(keyOf(m), { ...m });
      continue;
    }
    seen.explicit ||= m.explicit;
    seen.goVersion = m.goVersion ?? seen.goVersion;
    seen.replacement = m.replacement ?? seen.replacement;
    if (m.explicit) seen.annotationLine = m.annotationLine;
  }
  return meta;
}
function goModReplacement(mod, m) {
  if (m.version === "" && m.path === mod.module?.path) return void 0;
  return (mod.replace.find((r) => r.old.path === m.path && r.old.version === m.version) ?? mod.replace.find((r) => r.old.path === m.path && r.old.version === ""))?.new;
}
function checkVendorConsistency(mod, txt, options = {}) {
  const out = [];
  const meta = vendorMeta(txt);
  const vendorList = /* @__PURE__ */ new Map();
  for (const m of txt.modules) {
    if (m.packages.length === 0) continue;
    const seen = vendorList.get(m.path);
    if (!seen || compare(seen.version, m.version) < 0) vendorList.set(m.path, meta.get(keyOf(m)));
  }
  const pre114 = compareGoVersions(mod.go?.version ?? "", "1.14") < 0;
  if (options.localGoVersion !== void 0) {
    for (const m of txt.modules) {
      if (m.goVersion !== void 0 && compareGoVersions(m.goVersion, options.localGoVersion) > 0) {
        out.push({
          file: "modules.txt",
          line: m.annotationLine ?? m.line,
          module: m.path,
          version: m.version,
          message: `${m.path} in vendor/modules.txt requires go >= ${m.goVersion} (running go ${options.localGoVersion})`
        });
      }
    }
  }
  for (const r of mod.require) {
    if (meta.get(keyOf(r))?.explicit) continue;
    if (pre114) {
      const vv = vendorList.get(r.path)?.version;
      if (vv !== void 0 && vv !== r.version) {
        out.push({
          file: "go.mod",
          line: r.line,
          module: r.path,
          version: r.version,
          message: `${describe3(r)}: is explicitly required in go.mod, but vendor/modules.txt indicates ${r.path}@${vv}`
        });
      }
    } else {
      out.push({
        file: "go.mod",
        line: r.line,
        module: r.path,
        version: r.version,
        message: `${describe3(r)}: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt`
      });
    }
  }
  const seenReplace = /* @__PURE__ */ new Set();
  for (const r of mod.replace) {
    if (seenReplace.has(keyOf(r.old))) continue;
    seenReplace.add(keyOf(r.old));
    const rNew = goModReplacement(mod, r.old);
    const vm = meta.get(keyOf(r.old));
    const vr = vm?.replacement;
    if (vr === void 0) {
      if (rNew === void 0) continue;
      if (pre114 && (r.old.version === "" || vendorList.get(r.old.path)?.version !== r.old.version)) continue;
      out.push({
        file: "go.mod",
        line: r.line,
        module: r.old.path,
        version: r.old.version,
        message: `${describe3(r.old)}: is replaced in go.mod, but not marked as replaced in vendor/modules.txt`
      });
    } else if (!sameVersion(vr, rNew)) {
      out.push({
        file: "modules.txt",
        line: vm.line,
        module: r.old.path,
        version: r.old.version,
        message: `${describe3(r.old)}: is replaced by ${rNew ? describe3(rNew) : ""} in go.mod, but marked as replaced by ${describe3(vr)} in vendor/modules.txt`
      });
    }
  }
  const required = new Set(mod.require.map(keyOf));
  for (const m of vendorList.values()) {
    if (m.explicit && !required.has(keyOf(m))) {
      out.push({
        file: "modules.txt",
        line: m.annotationLine ?? m.line,
        module: m.path,
        version: m.version,
        message: `${describe3(m)}: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod`
      });
    }
  }
  const seenReplaced = /* @__PURE__ */ new Set();
  for (const m of txt.modules) {
    if (m.replacement === void 0 || seenReplaced.has(keyOf(m))) continue;
    seenReplaced.add(keyOf(m));
    if (goModReplacement(mod, m) === void 0) {
      out.push({
        file: "modules.txt",
        line: m.line,
        module: m.path,
        version: m.version,
        message: `${describe3(m)}: is marked as replaced in vendor/modules.txt, but not replaced in go.mod`
      });
    }
  }
  return out;
}
function moduleLine(m) {
  const head = m.version ? `# ${m.path} ${m.version}` : `# ${m.path}`;
  return m.replacement ? `${head} => ${describe3(m.replacement).replace("@", " ")}` : head;
}
function annotation(m) {
  const parts = [...m.explicit ? ["explicit"] : [], ...m.goVersion !== void 0 ? [`go ${m.goVersion}`] : []];
  return parts.length > 0 ? `## ${parts.join("; ")}` : "no annotation";
}
function diffModulesTxt(haveText, wantText, mod, skip = /* @__PURE__ */ new Set()) {
  if (haveText === wantText) return [];
  const have = parseModulesTxt(haveText);
  const want = parseModulesTxt(wantText);
  const out = [];
  const haveByKey = new Map(have.modules.map((m) => [keyOf(m), m]));
  const wantByKey = new Map(want.modules.map((m) => [keyOf(m), m]));
  for (const w of want.modules) {
    if (skip.has(w.path) || haveByKey.has(keyOf(w))) continue;
    const req = mod.require.find((r) => r.path === w.path && r.version === w.version);
    out.push({
      ...req ? { file: "go.mod", line: req.line } : { file: "modules.txt", line: 1 },
      module: w.path,
      version: w.version || void 0,
      message: `vendor/modules.txt lacks "${moduleLine(w)}", which \`go mod vendor\` writes`
    });
  }
  for (const h of have.modules) {
    if (skip.has(h.path)) continue;
    const at = { module: h.path, version: h.version || void 0 };
    const w = wantByKey.get(keyOf(h));
    if (w === void 0) {
      out.push({
        file: "modules.txt",
        line: h.line,
        ...at,
        message: `vendor/modules.txt lists "${moduleLine(h)}", which \`go mod vendor\` does not write: that module@version is not vendored from this go.mod`
      });
      continue;
    }
    if (moduleLine(h) !== moduleLine(w)) {
      out.push({
        file: "modules.txt",
        line: h.line,
        ...at,
        message: `vendor/modules.txt says "${moduleLine(h)}" where \`go mod vendor\` writes "${moduleLine(w)}"`
      });
    }
    if (h.explicit !== w.explicit || h.goVersion !== w.goVersion) {
      out.push({
        file: "modules.txt",
        line: h.annotationLine ?? h.line,
        ...at,
        message: `vendor/modules.txt gives ${describe3(h)} ${annotation(h)} where \`go mod vendor\` writes ${annotation(w)} (from go.mod's requirements and the module's own go line)`
      });
    }
    const havePkgs = new Set(h.packages.map((p) => p.path));
    const wantPkgs = new Set(w.packages.map((p) => p.path));
    for (const p of h.packages) {
      if (!wantPkgs.has(p.path))
        out.push({
          file: "modules.txt",
          line: p.line,
          ...at,
          message: `vendor/modules.txt lists package ${p.path}, which \`go mod vendor\` does not vendor from ${describe3(h)}`
        });
    }
    const missing = w.packages.filter((p) => !havePkgs.has(p.path)).map((p) => p.path);
    if (missing.length > 0) {
      out.push({
        file: "modules.txt",
        line: h.line,
        ...at,
        message: `vendor/modules.txt lacks package${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of ${describe3(h)}, which \`go mod vendor\` vendors`
      });
    }
  }
  if (out.length > 0 || skip.size > 0) return out;
  const linesOf = (text) => (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");
  const haveLines = linesOf(haveText);
  const wantLines = linesOf(wantText);
  let line = 1;
  while (line <= Math.max(haveLines.length, wantLines.length) && haveLines[line - 1] === wantLines[line - 1]) line++;
  return [
    {
      file: "modules.txt",
      line: Math.min(line, haveLines.length),
      message: line > Math.max(haveLines.length, wantLines.length) ? "vendor/modules.txt differs from what `go mod vendor` writes only in its final newline" : `vendor/modules.txt line ${line} is ${shownLine(haveLines[line - 1])} where \`go mod vendor\` writes ${shownLine(wantLines[line - 1])}`
    }
  ];
}
function shownLine(text) {
  if (text === void 0) return "the end of the file";
  return text === "" ? "a blank line" : JSON.stringify(text);
}

// src/scratch.ts
import { promises as fs10 } from "node:fs";
import * as os6 from "node:os";
import * as path10 from "node:path";
var TMPFS_MAGIC = 16914836;
var MIN_FREE_BYTES = 1 << 30;
var MIN_FREE_INODES = 2e5;
var SHM = "/dev/shm";
async function isRoomyTmpfs(dir, statfs = fs10.statfs) {
  try {
    const stat4 = await statfs(dir);
    if (stat4.type !== TMPFS_MAGIC) return false;
    if (stat4.bavail * stat4.bsize < MIN_FREE_BYTES || stat4.ffree < MIN_FREE_INODES) return false;
    await fs10.access(dir, fs10.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
var roots;
function scratchRoots() {
  roots ??= (async () => {
    const memory = process.platform === "linux" && !process.env.TMPDIR && await isRoomyTmpfs(SHM);
    return memory ? [SHM, os6.tmpdir()] : [os6.tmpdir()];
  })();
  return roots;
}
var NO_SPACE = /no space left on device/i;
async function generateInScratch(prefix, generate, candidates) {
  const [first, ...rest] = candidates ?? await scratchRoots();
  const dir = await fs10.mkdtemp(path10.join(first, prefix));
  let result;
  try {
    result = await generate(dir);
  } catch (error) {
    await removeScratch(dir);
    throw error;
  }
  if (result.code === 0 || rest.length === 0 || !NO_SPACE.test(result.stderr)) return { dir, result };
  await removeScratch(dir);
  return generateInScratch(prefix, generate, rest);
}
var REMOVE_TIMEOUT_MS = 12e4;
async function removeScratch(dir) {
  if (process.platform !== "win32") {
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin" };
    const removed = await runProcess("rm", ["-rf", "--", dir], { cwd: os6.tmpdir(), env, timeoutMs: REMOVE_TIMEOUT_MS }).then((r) => r.code === 0).catch(() => false);
    if (removed) return;
  }
  await fs10.rm(dir, { recursive: true, force: true });
}

// src/checks/vendor-tree.ts
import * as path11 from "node:path";
import * as fs11 from "node:fs/promises";
function vendorPath(owner, rel) {
  const inModule = rel === "" ? "vendor" : `vendor/${rel}`;
  return owner.relDir === "." ? inModule : `${owner.relDir}/${inModule}`;
}
var fixFor = (tool) => `Run \`${tool}\` and commit the result; never edit vendor/ by hand.`;
function fileFinding(tree, rule, rel, what) {
  return newFinding(rule, {
    file: vendorPath(tree.owner, rel),
    line: 1,
    message: `${vendorPath(tree.owner, rel)} ${what} ${fixFor(tree.tool)}`
  });
}
function unsafeEntryFindings(tree) {
  return [...tree.have].filter(([, entry]) => entry.kind !== "file").map(
    ([rel, entry]) => fileFinding(
      tree,
      "vendor-unsafe-entry",
      rel,
      `is a ${entry.kind === "symlink" ? "symbolic link" : "special file"}; \`${tree.tool}\` only writes regular files, and a link can point outside the repository.`
    )
  );
}
async function compareRegeneration(tree, prefix, skipFile, regenerate) {
  const { dir: scratch, result } = await generateInScratch(prefix, (dir) => regenerate(dir, path11.join(dir, "vendor")));
  const regenerated = path11.join(scratch, "vendor");
  if (result.code !== 0) {
    await removeScratch(scratch);
    return {
      skipped: skipped(
        "vendor",
        skipFile,
        `${vendorPath(tree.owner, "")}/ could not be regenerated with \`${tree.tool}\`, so it was not compared: ${goErrorText(result.stderr)}`,
        "fix what the verify step reports about obtaining the modules; then vendor/ is compared"
      )
    };
  }
  try {
    await fs11.mkdir(regenerated, { recursive: true });
    return { scratch, regenerated, diff: await diffTrees(regenerated, tree.committed, tree.have) };
  } catch (error) {
    await removeScratch(scratch);
    throw error;
  }
}

// src/checks/vendor-workspace.ts
import * as fs14 from "node:fs/promises";
import * as path14 from "node:path";

// src/go/workfile.ts
import { randomBytes } from "node:crypto";
import * as fs12 from "node:fs/promises";
import * as path12 from "node:path";
var ScratchWorkFile = class _ScratchWorkFile {
  constructor(file) {
    this.file = file;
  }
  file;
  static async create(ws) {
    const scratch = new _ScratchWorkFile(path12.join(ws.dir, `.go-guard-${randomBytes(8).toString("hex")}.work`));
    try {
      await fs12.writeFile(scratch.file, ws.workText, { flag: "wx" });
      if (ws.sumText !== void 0) await fs12.writeFile(`${scratch.file}.sum`, ws.sumText, { flag: "wx" });
    } catch (error) {
      await scratch.dispose();
      throw error;
    }
    return scratch;
  }
  /** Removes the copy and the go.work.sum go may have written beside it. */
  async dispose() {
    await Promise.all([fs12.rm(this.file, { force: true }), fs12.rm(`${this.file}.sum`, { force: true })]);
  }
};

// src/modules.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);
import * as fsSync2 from "node:fs";
import * as fs13 from "node:fs/promises";
import * as path13 from "node:path";
var SKIPPED_DIRS = /* @__PURE__ */ new Set(["vendor", "testdata", "node_modules"]);
function toSlash(p) {
  return p.split(path13.sep).join("/");
}
function relPath(root, file) {
  return toSlash(path13.relative(root, file)) || ".";
}
async function isOutside(root, target) {
  const outside = (from, to) => {
    const rel = path13.relative(from, to);
    return rel === ".." || rel.startsWith(`..${path13.sep}`) || path13.isAbsolute(rel);
  };
  if (outside(root, target)) return true;
  const [realRoot, realTarget] = await Promise.all([fs13.realpath(root), fs13.realpath(target).catch(() => target)]);
  return outside(realRoot, realTarget);
}
function why(error) {
  const e = error;
  return e.code ? `${e.code}: ${e.syscall ?? "access"} failed` : String(error);
}
var Problems = class {
  constructor(root) {
    this.root = root;
  }
  root;
  list = [];
  add(rule, abs, line, message) {
    this.list.push({ rule, file: relPath(this.root, abs), line, message });
  }
  unreadable(abs, error) {
    const rel = relPath(this.root, abs);
    this.add(
      "scope-unreadable",
      abs,
      1,
      `${rel} cannot be read (${why(error)}), so nothing in it was judged, though the go command may build it.`
    );
  }
  /** Checks whether a go.mod/go.sum/go.work/go.work.sum is a link: go reads through it, its target need not be committed. */
  async noteLink(abs) {
    const stat4 = await fs13.lstat(abs).catch(() => void 0);
    if (!stat4?.isSymbolicLink()) return;
    const target = await fs13.readlink(abs).catch(() => "?");
    const rel = relPath(this.root, abs);
    this.add(
      "scope-symlinked-file",
      abs,
      1,
      `${rel} is a symbolic link (to ${target}): the go command reads through it, so what it builds from need not be in the commit a reviewer sees. Commit the file itself.`
    );
  }
};
function isFileThroughLink(file) {
  try {
    return fsSync2.statSync(file).isFile();
  } catch {
    return false;
  }
}
function isModuleCache(dir, entries) {
  return entries.some((e) => e.name === "cache" && e.isDirectory()) && fsSync2.existsSync(path13.join(dir, "cache", "download"));
}
function discover(root, problems) {
  const moduleDirs = [];
  const workFiles = [];
  const vendorParents = [];
  const setAside = [];
  const dirs = [{ dir: root, aside: false }];
  for (let next = dirs.pop(); next !== void 0; next = dirs.pop()) {
    const { dir, aside } = next;
    let entries;
    try {
      entries = fsSync2.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.unreadable(dir, error);
      continue;
    }
    if (isModuleCache(dir, entries)) continue;
    for (const e of entries) {
      if (e.isDirectory()) {
        const skipped2 = e.name.startsWith(".") || SKIPPED_DIRS.has(e.name);
        if (!skipped2) dirs.push({ dir: path13.join(dir, e.name), aside });
        else if (e.name === "testdata" || e.name.startsWith(".") && e.name !== ".git")
          dirs.push({ dir: path13.join(dir, e.name), aside: true });
        if (e.name === "vendor" && !aside) vendorParents.push(dir);
        continue;
      }
      if (e.name !== "go.mod" && e.name !== "go.work") continue;
      const file = path13.join(dir, e.name);
      const isFile = e.isFile() || e.isSymbolicLink() && isFileThroughLink(file);
      if (!isFile) continue;
      if (aside) {
        if (e.name === "go.mod") setAside.push(dir);
      } else if (e.name === "go.mod") moduleDirs.push(dir);
      else workFiles.push(file);
    }
  }
  return { moduleDirs: moduleDirs.sort(), workFiles: workFiles.sort(), vendorParents, setAside: setAside.sort() };
}
function strayVendors(root, found) {
  const owners = /* @__PURE__ */ new Set([...found.moduleDirs, ...found.workFiles.map((file) => path13.dirname(file))]);
  return found.vendorParents.filter((dir) => !owners.has(dir) && fsSync2.existsSync(path13.join(dir, "vendor", "modules.txt"))).map((dir) => relPath(root, path13.join(dir, "vendor"))).sort();
}
async function selectModules(root, discovered, patterns) {
  const selected = /* @__PURE__ */ new Set();
  const relDiscovered = discovered.map((d) => relPath(root, d));
  for (const pattern of patterns) {
    const clean = pattern.replace(/^\.\/(?=.)/, "").replace(/\/+$/, "") || ".";
    if (import_picomatch2.default.scan(clean).isGlob) {
      const isMatch = (0, import_picomatch2.default)(clean, { dot: false });
      const hits = relDiscovered.filter((d) => isMatch(d));
      if (hits.length === 0)
        throw new ConfigError("modules", pattern, "a directory or glob matching at least one go.mod directory");
      for (const hit of hits) selected.add(path13.resolve(root, hit));
    } else {
      const dir = path13.resolve(root, clean);
      if (relPath(root, dir).startsWith(".."))
        throw new ConfigError("modules", pattern, "a directory inside working-directory");
      try {
        await fs13.access(path13.join(dir, "go.mod"));
      } catch {
        throw new ConfigError("modules", pattern, "a directory holding a go.mod");
      }
      selected.add(dir);
    }
  }
  return [...selected].sort();
}
async function readOptional(file, problems) {
  try {
    return await fs13.readFile(file, "utf8");
  } catch (error) {
    if (error.code !== "ENOENT") problems.unreadable(file, error);
    return void 0;
  }
}
function utf8Errors(bytes) {
  const errors = [];
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  for (let lineNo = 1; start <= bytes.length; lineNo++) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = bytes.length;
    const line = bytes.subarray(start, end);
    const comment = line.indexOf("//");
    try {
      decoder.decode(comment === -1 ? line : line.subarray(0, comment));
    } catch {
      errors.push({ line: lineNo, message: "bytes that are not UTF-8 (go rejects them in paths and versions)" });
    }
    start = end + 1;
  }
  return errors;
}
async function loadModule(root, dir, problems) {
  const goModPath = path13.join(dir, "go.mod");
  let bytes;
  try {
    bytes = await fs13.readFile(goModPath);
  } catch (error) {
    problems.unreadable(goModPath, error);
    return void 0;
  }
  await Promise.all([problems.noteLink(goModPath), problems.noteLink(path13.join(dir, "go.sum"))]);
  const goModText = bytes.toString("utf8");
  const goSumText = await readOptional(path13.join(dir, "go.sum"), problems);
  const mod = parseModFile(goModText);
  mod.errors.push(...utf8Errors(bytes));
  return {
    dir,
    relDir: relPath(root, dir),
    goModFile: relPath(root, goModPath),
    goSumFile: relPath(root, path13.join(dir, "go.sum")),
    goModText,
    goSumText,
    mod,
    sum: goSumText === void 0 ? void 0 : parseSumFile(goSumText)
  };
}
async function loadWorkspace(root, file, go, problems) {
  const workText = await readOptional(file, problems);
  if (workText === void 0) return void 0;
  const dir = path13.dirname(file);
  const sumPath = path13.join(dir, "go.work.sum");
  await Promise.all([problems.noteLink(file), problems.noteLink(sumPath)]);
  const sumText = await readOptional(sumPath, problems);
  const work = parseWorkFile(workText);
  const edit = await go.run(["work", "edit", "-json", file], { cwd: dir }).catch((error) => {
    if (error instanceof GoCommandError) return void 0;
    throw error;
  });
  const uses = [];
  if (edit === void 0) {
    for (const u of work.file.use) uses.push(path13.resolve(dir, u.path));
  } else if (edit.code === 0) {
    for (const u of parseJSONStream(edit.stdout)[0]?.Use ?? []) uses.push(path13.resolve(dir, u.DiskPath));
  } else if (work.errors.length === 0) {
    work.errors.push({ line: 1, message: edit.stderr.trim() || `go work edit exited ${edit.code}` });
  }
  return {
    file: relPath(root, file),
    dir,
    workText,
    work,
    sumFile: relPath(root, sumPath),
    sumText,
    sum: sumText === void 0 ? void 0 : parseSumFile(sumText),
    uses
  };
}
async function workspaceModuleDirs(root, ws, known, problems) {
  const added = [];
  for (const dir of ws.uses) {
    const line = ws.work.file.use.find((u) => path13.resolve(ws.dir, u.path) === dir)?.line ?? 1;
    const wsFile = path13.join(ws.dir, path13.basename(ws.file));
    if (await isOutside(root, dir)) {
      problems.add(
        "scope-outside-repository",
        wsFile,
        line,
        `${ws.file} uses ${relPath(root, dir)}, outside the repository (as written, or through a link): the workspace builds code no reviewer of this repository sees. Move the module into the repository, or drop the \`use\`.`
      );
    }
    if (known.has(dir)) continue;
    known.add(dir);
    try {
      await fs13.stat(path13.join(dir, "go.mod"));
      added.push(dir);
    } catch (error) {
      problems.add(
        "scope-unreadable",
        wsFile,
        line,
        `${ws.file} uses ${relPath(root, dir)}, whose go.mod cannot be read (${why(error)}); go refuses the workspace.`
      );
    }
  }
  return added;
}
async function replacementsOutside(root, modules, workspaces, problems) {
  const holders = [
    ...modules.map((m) => ({ dir: m.dir, file: m.goModFile, replace: m.mod.file.replace })),
    ...workspaces.map((w) => ({ dir: w.dir, file: w.file, replace: w.work.file.replace }))
  ];
  for (const { dir, file, replace } of holders) {
    if (replace.length === 0 || await isOutside(root, dir)) continue;
    for (const r of replace) {
      if (!isDirectoryPath(r.new.path) || !await isOutside(root, path13.resolve(dir, r.new.path))) continue;
      problems.add(
        "scope-outside-repository",
        path13.join(root, file),
        r.line,
        `${file} replaces ${r.old.path} with the directory ${r.new.path}, outside the repository (as written, or through a link): the build uses code no reviewer of this repository sees. Move the code into the repository, or drop the replacement.`
      );
    }
  }
}
async function foreignWorkspace(root, gowork, modules, workspaces, problems) {
  if (gowork === "off") return;
  const covered = (dir) => workspaces.some((w) => dir === w.dir || dir.startsWith(w.dir + path13.sep));
  const inRepository = modules.filter((m) => m.relDir !== ".." && !m.relDir.startsWith("../"));
  const at = inRepository[0]?.dir ?? root;
  if (gowork !== void 0 && gowork !== "" && gowork !== "auto") {
    if (!path13.isAbsolute(gowork) || !await isOutside(root, gowork)) return;
    problems.add(
      "scope-outside-repository",
      path13.join(at, "go.mod"),
      1,
      `GOWORK=${gowork} is set in the job's environment: every go command of the job builds as that workspace, outside the repository, says (its \`use\` and \`replace\` directives), which no reviewer of this repository sees and go-guard does not judge. Unset GOWORK, or set it to off.`
    );
    return;
  }
  const exposed = inRepository.filter((m) => !covered(m.dir));
  if (exposed.length === 0) return;
  for (let dir = path13.dirname(root); ; dir = path13.dirname(dir)) {
    const file = path13.join(dir, "go.work");
    if ((await fs13.stat(file).catch(() => void 0))?.isFile()) {
      problems.add(
        "scope-outside-repository",
        path13.join(exposed[0].dir, "go.mod"),
        1,
        `go finds ${file} above working-directory: every go command run in ${shortList(
          exposed.map((m) => m.relDir),
          10
        )} builds as that workspace says (its \`use\` and \`replace\` directives), which go-guard, judging each module with GOWORK=off, does not see. Point working-directory at that workspace's directory to judge it, remove it, or set GOWORK=off for the job.`
      );
      return;
    }
    if (path13.dirname(dir) === dir) return;
  }
}
function moduleDirsInRepository(scope) {
  return scope.modules.map((m) => m.relDir).filter((d) => d !== ".." && !d.startsWith("../"));
}
async function loadScope(root, patterns, go) {
  const stat4 = await fs13.stat(root).catch(() => void 0);
  if (stat4 === void 0) throw new ConfigError("working-directory", root, "an existing directory");
  if (!stat4.isDirectory()) throw new ConfigError("working-directory", root, "a directory (this is a file)");
  const problems = new Problems(root);
  const found = discover(root, problems);
  const workspaces = (await Promise.all(found.workFiles.map((file) => loadWorkspace(root, file, go, problems)))).filter(
    (w) => w !== void 0
  );
  const known = new Set(found.moduleDirs);
  const used = [];
  for (const ws of workspaces) used.push(...await workspaceModuleDirs(root, ws, known, problems));
  const dirs = patterns === void 0 ? [...found.moduleDirs, ...used] : await selectModules(root, found.moduleDirs, patterns);
  for (const dir of patterns === void 0 ? [] : dirs) {
    if (await isOutside(root, dir))
      problems.add(
        "scope-outside-repository",
        path13.join(dir, "go.mod"),
        1,
        `the modules input names ${relPath(root, dir)}, which a link leads outside the repository: the module judged is code no reviewer of this repository sees.`
      );
  }
  const loaded = (await Promise.all(dirs.map((dir) => loadModule(root, dir, problems)))).filter(
    (m) => m !== void 0
  );
  const inWorkspace = new Set(workspaces.flatMap((w) => w.uses));
  const modules = [];
  const fences = [];
  for (const m of loaded) {
    if (isFence(m, inWorkspace)) fences.push(m.goModFile);
    else modules.push(m);
  }
  await replacementsOutside(root, modules, workspaces, problems);
  await foreignWorkspace(root, go.baseEnv.GOWORK, modules, workspaces, problems);
  if (modules.length === 0 && workspaces.length === 0 && problems.list.length === 0 && fences.length === 0)
    throw new ConfigError(
      "working-directory",
      root,
      "a directory holding a go.mod or go.work (outside vendor/, testdata/, node_modules/ and dot-directories)"
    );
  const stray = patterns === void 0 ? strayVendors(root, found) : [];
  const setAside = patterns === void 0 ? found.setAside.filter((dir) => !inWorkspace.has(dir)).map((dir) => relPath(root, path13.join(dir, "go.mod"))) : [];
  return { modules, workspaces, problems: problems.list, fences, strayVendors: stray, setAside };
}
function isFence(module, inWorkspace) {
  return module.mod.errors.length === 0 && module.mod.file.module === void 0 && !inWorkspace.has(module.dir);
}

// src/checks/vendor-workspace.ts
var FIX = fixFor("go work vendor");
async function workspaceVendorFindings(ctx, ws) {
  const owner = { relDir: relPath(ctx.root, ws.dir) };
  const committed = path14.join(ws.dir, "vendor");
  const stat4 = await fs14.lstat(committed).catch(() => void 0);
  if (stat4 === void 0) return { findings: [], judged: false };
  if (!stat4.isDirectory()) {
    return [
      newFinding("vendor-unsafe-entry", {
        file: vendorPath(owner, ""),
        line: 1,
        message: `${vendorPath(owner, "")} is not a directory (a link?): \`go build\` in the workspace would build from wherever it points. ${FIX}`
      })
    ];
  }
  const tree = { owner, tool: "go work vendor", committed, have: await listTree(committed) };
  const regeneration = await compareRegeneration(tree, "go-guard-work-vendor-", ws.file, async (_, vendor) => {
    const work = await ScratchWorkFile.create(ws);
    try {
      return await ctx.go.run(["work", "vendor", "-o", vendor], {
        cwd: ws.dir,
        workspace: true,
        env: { GOWORK: work.file }
      });
    } finally {
      await work.dispose();
    }
  });
  if (regeneration.skipped) return [regeneration.skipped];
  const { diff } = regeneration;
  await removeScratch(regeneration.scratch);
  return [
    ...unsafeEntryFindings(tree),
    ...diff.modified.map(
      (rel) => fileFinding(tree, "vendor-file-modified", rel, "differs from what `go work vendor` produces for the workspace.")
    ),
    ...diff.missing.map(
      (rel) => fileFinding(tree, "vendor-file-missing", rel, "is produced by `go work vendor` but is not committed.")
    ),
    ...diff.extra.map(
      (rel) => fileFinding(
        tree,
        "vendor-file-extra",
        rel,
        "is committed but `go work vendor` does not produce it: code that no checksum covers."
      )
    )
  ];
}

// src/checks/vendor.ts
var MODULES_TXT = "modules.txt";
var FIX2 = fixFor("go mod vendor");
function forcesVendor(goflags) {
  return goflags.split(/\s+/).some((f) => /^--?mod=vendor$/.test(f));
}
function consistencyFindings(module, txt, localGoVersion, why2) {
  return checkVendorConsistency(module.mod.file, txt, { localGoVersion }).map(
    (i) => newFinding("vendor-modules-txt-mismatch", {
      file: i.file === "go.mod" ? module.goModFile : vendorPath(module, MODULES_TXT),
      line: i.line,
      module: i.module,
      version: i.version || void 0,
      message: `inconsistent vendoring: ${i.message}. ${why2} ${FIX2}`
    })
  );
}
async function withoutVendor(ctx, module, entry) {
  const env = await ctx.go.env();
  if (forcesVendor(env.GOFLAGS)) {
    const findings = consistencyFindings(
      module,
      { modules: [], workspace: false },
      void 0,
      `GOFLAGS sets -mod=vendor, but the module of ${module.goModFile} has no vendor/modules.txt, so \`go build\` refuses to build.`
    );
    if (findings.length > 0) return findings;
  }
  return [
    skipped(
      "vendor",
      module.goModFile,
      `the module of ${module.goModFile} has no vendor/ directory${entry}: nothing to compare (it builds from the module cache, which the verify step checks)`,
      "nothing: vendoring is optional"
    )
  ];
}
var BUILD_INPUT = /\.(go|c|cc|cpp|cxx|m|h|hh|hpp|hxx|f|F|for|f90|s|S|sx|swig|swigcxx|syso|a|o|so|dylib|dll|lib)$/;
async function embeddedFiles(ctx, module, out) {
  const txt = await fs15.readFile(path15.join(out, "vendor", MODULES_TXT), "utf8").catch(() => "");
  const packages = txt.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
  if (packages.length === 0) return /* @__PURE__ */ new Set();
  await fs15.writeFile(path15.join(out, "go.mod"), module.goModText);
  const result = await ctx.go.run(["list", "-mod=vendor", "-e", "-json=ImportPath,EmbedFiles", "--", ...packages], {
    cwd: out
  });
  if (result.code !== 0) return void 0;
  const files = /* @__PURE__ */ new Set();
  for (const p of parseJSONStream(result.stdout))
    for (const f of p.EmbedFiles ?? []) files.add(`${p.ImportPath}/${f}`);
  return files;
}
async function classifyMissing(ctx, module, out, missing) {
  const asked = new Map(missing.map((rel) => [`./${vendorPath(module, rel)}`, rel]));
  const ignored = new Set([...await ignoredPaths(ctx.root, [...asked.keys()])].map((p) => asked.get(p)));
  const candidates = [...ignored].filter((rel) => !BUILD_INPUT.test(rel));
  const embedded = candidates.length > 0 ? await embeddedFiles(ctx, module, out) : void 0;
  return { ignored, unread: new Set(embedded === void 0 ? [] : candidates.filter((rel) => !embedded.has(rel))) };
}
async function compareWithRegeneration(ctx, module, tree, modulesTxt, reported) {
  const regeneration = await compareRegeneration(
    tree,
    "go-guard-vendor-",
    module.goModFile,
    (_, vendor) => ScratchModFile.runOnce(ctx.go, module, ["mod", "vendor", "-o", vendor])
  );
  if (regeneration.skipped) return [regeneration.skipped];
  const { scratch, regenerated, diff } = regeneration;
  try {
    const findings = [];
    for (const rel of diff.modified) {
      if (rel === MODULES_TXT && modulesTxt !== void 0) continue;
      findings.push(
        fileFinding(
          tree,
          "vendor-file-modified",
          rel,
          "differs from what `go mod vendor` produces from go.mod and go.sum."
        )
      );
    }
    const { ignored, unread } = await classifyMissing(ctx, module, scratch, diff.missing);
    for (const rel of diff.missing.filter((r) => !unread.has(r)))
      findings.push(
        fileFinding(
          tree,
          "vendor-file-missing",
          rel,
          ignored.has(rel) ? "is produced by `go mod vendor` but is not committed: .gitignore excludes it, yet the build reads it. Commit it with `git add -f`, or narrow the .gitignore pattern." : "is produced by `go mod vendor` but is not committed."
        )
      );
    if (unread.size > 0) {
      const files = [...unread].map((rel) => vendorPath(module, rel));
      findings.push(
        newFinding("vendor-file-ignored", {
          file: vendorPath(module, MODULES_TXT),
          line: 1,
          message: `${files.length === 1 ? "a file" : `${files.length} files`} \`go mod vendor\` writes, not committed because .gitignore excludes ${files.length === 1 ? "it" : "them"}; the build never reads ${files.length === 1 ? "it" : "them"} (no source file, no embedded file), so \`go mod vendor\` then \`git status\` stays clean: ${shortList(files, 20)}.`
        })
      );
    }
    for (const rel of diff.extra)
      findings.push(
        fileFinding(
          tree,
          "vendor-file-extra",
          rel,
          "is committed but `go mod vendor` does not produce it: code that no checksum covers."
        )
      );
    if (modulesTxt !== void 0 && diff.modified.includes(MODULES_TXT)) {
      const wantText = await fs15.readFile(path15.join(regenerated, MODULES_TXT), "utf8");
      for (const d of diffModulesTxt(modulesTxt, wantText, module.mod.file, reported)) {
        findings.push(
          newFinding("vendor-modules-txt-mismatch", {
            file: d.file === "go.mod" ? module.goModFile : vendorPath(module, MODULES_TXT),
            line: d.line,
            module: d.module,
            version: d.version,
            message: `${d.message}. ${FIX2}`
          })
        );
      }
    }
    return findings;
  } finally {
    await removeScratch(scratch);
  }
}
async function checkModule(ctx, module) {
  const committed = path15.join(module.dir, "vendor");
  const stat4 = await fs15.lstat(committed).catch(() => void 0);
  if (stat4?.isSymbolicLink()) {
    return [
      newFinding("vendor-unsafe-entry", {
        file: vendorPath(module, ""),
        line: 1,
        message: `${vendorPath(module, "")} is a symbolic link: \`go build\` would build from wherever it points, outside what go.sum covers. Replace it with a real directory: ${FIX2}`
      })
    ];
  }
  if (!stat4?.isDirectory()) return withoutVendor(ctx, module, stat4 ? " (vendor is not a directory)" : "");
  const have = await listTree(committed);
  const tree = { owner: module, tool: "go mod vendor", committed, have };
  const findings = unsafeEntryFindings(tree);
  const modulesTxt = have.get(MODULES_TXT)?.kind === "file" ? await fs15.readFile(path15.join(committed, MODULES_TXT), "utf8") : void 0;
  const txt = parseModulesTxt(modulesTxt ?? "");
  if (txt.workspace) {
    if (ctx.scope.workspaces.some((w) => w.dir === module.dir)) return [];
    return [
      ...findings,
      skipped(
        "vendor",
        vendorPath(module, MODULES_TXT),
        `${vendorPath(module, "")} was made by \`go work vendor\`, but no go.work in scope sits beside it, so it was not compared`,
        "commit the go.work that vendor/ was made from, or regenerate vendor/ with `go mod vendor`"
      )
    ];
  }
  const localGoVersion = fromToolchainName((await ctx.go.env()).GOVERSION);
  const inconsistent = consistencyFindings(
    module,
    txt,
    localGoVersion,
    "`go build -mod=vendor` (the default from go 1.14 when vendor/ exists) refuses this vendor/ directory."
  );
  findings.push(...inconsistent);
  const reported = new Set(inconsistent.map((f) => f.module).filter((m) => m !== void 0));
  findings.push(...await compareWithRegeneration(ctx, module, tree, modulesTxt, reported));
  return findings;
}
var vendorCheck = {
  id: "vendor",
  needs: "go",
  judges: "module",
  judge: async (ctx) => ctx.kind === "module" ? checkModule(ctx, ctx.module) : workspaceVendorFindings(ctx, ctx.workspace)
};

// src/checks/index.ts
var CHECKS = {
  toolchain: toolchainCheck,
  verify: verifyCheck,
  "sum-drift": sumDriftCheck,
  vendor: vendorCheck,
  replace: replaceCheck
};

// src/checks/cache-verification.ts
var VERIFY_LINE = /^([^\s:@]+) (v[^\s:@]+): (.+)$/;
function ownOutcome(result) {
  if (result.code === 0) return { faults: [] };
  const faults = result.stderr.split("\n").flatMap((line) => {
    const m = VERIFY_LINE.exec(line);
    return m ? [{ path: m[1], version: m[2], what: m[3] }] : [];
  });
  return faults.length > 0 ? { faults } : { faults, failure: goFailure(result) };
}
function verifiedBy(result, buildList) {
  const verified = new Map(buildList.map((key) => [key, []]));
  if (result.code === 0) return verified;
  const lines = goErrorText(result.stderr).split("\n").filter(Boolean);
  for (const line of lines) {
    const m = VERIFY_LINE.exec(line);
    const faults = m && verified.get(`${m[1]}@${m[2]}`);
    if (!faults) return void 0;
    faults.push(m[3]);
  }
  return lines.length > 0 ? verified : void 0;
}
function greedyCover(lists) {
  const covered = /* @__PURE__ */ new Set();
  const buckets = [];
  lists.forEach((list, i) => (buckets[list.length] ??= []).push(i));
  const chosen = [];
  for (let count = buckets.length - 1; count > 0; ) {
    const i = buckets[count]?.shift();
    if (i === void 0) {
      count--;
      continue;
    }
    const fresh = lists[i].filter((key) => !covered.has(key)).length;
    if (fresh < count) (buckets[fresh] ??= []).push(i);
    else {
      chosen.push(i);
      lists[i].forEach((key) => covered.add(key));
    }
  }
  return chosen;
}
var CacheVerification = class {
  constructor(go, downloads, graphs, modules) {
    this.go = go;
    this.downloads = downloads;
    this.graphs = graphs;
    this.modules = modules;
  }
  go;
  downloads;
  graphs;
  modules;
  plan;
  ownRuns = /* @__PURE__ */ new Map();
  hashes = /* @__PURE__ */ new Map();
  /** What `go mod verify` in `module` reports, its faults in go's order. */
  async outcome(module) {
    if (this.modules.length < 2) return ownOutcome(await this.ownRun(module));
    const { buildLists, verified } = await (this.plan ??= this.makePlan());
    const list = buildLists.get(module.dir);
    if (list === void 0 || !list.every((key) => verified.has(key))) return ownOutcome(await this.ownRun(module));
    const faults = list.flatMap((key) => {
      const at = key.lastIndexOf("@");
      return verified.get(key).map((what) => ({ path: key.slice(0, at), version: key.slice(at + 1), what }));
    });
    return { faults };
  }
  /** dirhash.HashDir of a cached module's directory, once a run. */
  hashDir(dir, prefix) {
    const key = `${dir}
${prefix}`;
    let hash = this.hashes.get(key);
    if (hash === void 0) this.hashes.set(key, hash = hashDir(dir, prefix));
    return hash;
  }
  ownRun(module) {
    let run = this.ownRuns.get(module.dir);
    if (run === void 0)
      this.ownRuns.set(module.dir, run = ScratchModFile.runOnce(this.go, module, ["mod", "verify"]));
    return run;
  }
  async makePlan() {
    const lists = await Promise.all(this.modules.map((m) => this.servableBuildList(m)));
    const servable = this.modules.flatMap((m, i) => lists[i] ? [{ module: m, list: lists[i] }] : []);
    const chosen = greedyCover(servable.map((s) => s.list)).map((i) => servable[i]);
    const runs = await Promise.all(
      chosen.map(async ({ module, list }) => {
        const result = await this.ownRun(module).catch(() => void 0);
        return result && verifiedBy(result, list);
      })
    );
    const verified = /* @__PURE__ */ new Map();
    for (const run of runs) for (const [key, faults] of run ?? []) if (!verified.has(key)) verified.set(key, faults);
    return { buildLists: new Map(servable.map((s) => [s.module.dir, s.list])), verified };
  }
  async servableBuildList(module) {
    const download = await this.downloads.get(module).catch(() => void 0);
    if (download?.result.code !== 0) return void 0;
    const list = await this.graphs.buildList(module).catch(() => void 0);
    if (!list || list.error !== void 0 || list.modules.some((m) => m.Error || !m.Main && !m.Version))
      return void 0;
    return list.modules.filter((m) => !m.Main).map((m) => `${m.Path}@${m.Version}`);
  }
};

// src/checks/downloads.ts
import * as path16 from "node:path";
var ModuleDownloads = class {
  constructor(go) {
    this.go = go;
  }
  go;
  runs = /* @__PURE__ */ new Map();
  waiters = /* @__PURE__ */ new Map();
  workspaceRuns = /* @__PURE__ */ new Map();
  get(module) {
    let run = this.runs.get(module.dir);
    if (run === void 0) {
      run = this.download(module);
      this.runs.set(module.dir, run);
      const waiter = this.waiters.get(module.dir);
      if (waiter) void run.finally(waiter).catch(() => {
      });
    }
    return run;
  }
  /** The workspace's download; `members` are its modules in scope, whose go.sum files go names by absolute path. */
  workspace(ws, members) {
    let run = this.workspaceRuns.get(ws.file);
    if (run === void 0) {
      run = this.downloadWorkspace(ws, members);
      this.workspaceRuns.set(ws.file, run);
    }
    return run;
  }
  /**
   * Calls `then` once a download of the module that a step asked for has ended (at once if one
   * already has); never, if no step asks: work that is cheap only on a filled module cache waits
   * for it without starting a download itself.
   */
  afterDownload(module, then) {
    const run = this.runs.get(module.dir);
    if (run) void run.finally(then).catch(() => {
    });
    else this.waiters.set(module.dir, then);
  }
  async download(module) {
    const scratch = await ScratchModFile.create(module.goModText, module.goSumText);
    try {
      return settled(await scratch.run(this.go, ["mod", "download", "-json"], module.dir, module.goModFile));
    } catch (error) {
      return timedOut(error);
    } finally {
      await scratch.dispose();
    }
  }
  async downloadWorkspace(ws, members) {
    const scratch = await ScratchWorkFile.create(ws);
    try {
      const result = await this.go.run(["mod", "download", "-json"], {
        cwd: ws.dir,
        workspace: true,
        env: { GOWORK: scratch.file }
      });
      const names = [
        [`${scratch.file}.sum`, ws.sumFile],
        [scratch.file, ws.file],
        ...members.map((m) => [path16.join(m.dir, "go.sum"), m.goSumFile])
      ];
      const stderr = names.reduce((text, [from, to]) => text.split(from).join(to), result.stderr);
      return settled({ ...result, stderr });
    } catch (error) {
      return timedOut(error);
    } finally {
      await scratch.dispose();
    }
  }
};
var settled = (result) => ({
  result,
  modules: parseJSONStream(result.stdout)
});
function timedOut(error) {
  if (!(error instanceof GoCommandError && error.timedOut)) throw error;
  return { result: { code: -1, stdout: "", stderr: error.message }, modules: [], timeout: error.message };
}

// src/context.ts
function facts(target) {
  return target.kind === "module" ? { file: target.module.goModFile, parsed: target.module.mod } : { file: target.workspace.file, parsed: target.workspace.work };
}
function targetContexts(ctx) {
  return [
    ...ctx.scope.modules.map((module) => ({ ...ctx, kind: "module", module })),
    ...ctx.scope.workspaces.map((workspace) => ({ ...ctx, kind: "workspace", workspace }))
  ];
}
function unparseableFindings(step, ctx) {
  return targetContexts(ctx).flatMap((target) => {
    const { file, parsed } = facts(target);
    return parsed.errors.map(
      (e) => newFinding("scope-unreadable", {
        step,
        file,
        line: e.line,
        message: `${file}:${e.line}: ${e.message}. The go command refuses the file, and go-guard's steps could not judge it; fix the file.`
      })
    );
  });
}
function tooNewGoLine(mod, running) {
  if (running === void 0 || mod.go === void 0) return void 0;
  return compareGoVersions(running, mod.go.version) < 0 ? mod.go : void 0;
}
function isParsed(target) {
  return facts(target).parsed.errors.length === 0;
}
function modulesRunningGo(scope, running) {
  return scope.modules.filter((m) => m.mod.errors.length === 0 && tooNewGoLine(m.mod.file, running) === void 0);
}
function tooNewFinding(step, needs, target, running) {
  const { file, parsed } = facts(target);
  const tooNew = needs === "go" ? tooNewGoLine(parsed.file, running) : void 0;
  if (tooNew === void 0) return void 0;
  return blockingSkip(
    step,
    file,
    tooNew.line,
    `step ${step} could not run on ${file}: its line ${tooNew.line}, \`go ${tooNew.version}\`, is newer than the running go ${running}, so go refuses to work on it here and the step checked nothing of it; a go command with GOTOOLCHAIN=auto (the default) switches to go ${tooNew.version} and builds it (see toolchain-version-mismatch)`,
    `install go ${tooNew.version} or newer (setup-go with \`go-version-file: go.mod\`)`
  );
}
function scopeFindings(step, scope, runningName) {
  const findings = scope.problems.map((p) => newFinding(p.rule, { ...p, step }));
  for (const file of scope.fences)
    findings.push(
      skipped(
        step,
        file,
        `${file} declares no module (it has no \`module\` line): go refuses to build in its directory and leaves the directory out of the enclosing module, so go builds nothing from it and no step judges it`,
        `nothing, if the file is there to keep its directory out of the build; otherwise declare the module (\`go mod edit -module=<path>\`)`
      )
    );
  for (const vendor of scope.strayVendors)
    findings.push(
      skipped(
        step,
        `${vendor}/modules.txt`,
        `${vendor}/ has no go.mod or go.work beside it: go builds from a vendor/ only beside the main module's go.mod or the go.work, so no go command reads this one and it was compared with nothing`,
        `nothing, if no build uses it; if a script builds from it with a go.mod of its own (a vendor.mod copied to go.mod), commit that go.mod so vendor/ is regenerated and compared`
      )
    );
  if (scope.setAside.length > 0) {
    const [first, ...others] = scope.setAside;
    findings.push(
      skipped(
        step,
        first,
        `${first}${others.length > 0 ? ` (and ${shortList(others, 9)})` : ""} ${others.length > 0 ? "are" : "is"} under testdata/ or a dot-directory, which go's \`./...\` skips and go-guard does not judge; go builds such a module when run inside its directory`,
        `nothing, for test fixtures; for a module a job builds (a CI tool), judge it in a job of its own (\`working-directory\` set to its directory) or list it in a go.work's \`use\``
      )
    );
  }
  const running = runningName === void 0 ? void 0 : fromToolchainName(runningName);
  if (running === void 0) return findings;
  const files = [
    ...scope.modules.map((m) => ({ file: m.goModFile, mod: m.mod.file })),
    ...scope.workspaces.map((w) => ({ file: w.file, mod: w.work.file }))
  ];
  for (const { file, mod } of files) {
    const wants = [];
    if (mod.go) wants.push({ version: mod.go.version, line: mod.go.line, what: `go ${mod.go.version}` });
    const tc = mod.toolchain && fromToolchainName(mod.toolchain.name);
    if (tc && mod.toolchain)
      wants.push({ version: tc, line: mod.toolchain.line, what: `toolchain ${mod.toolchain.name}` });
    for (const w of wants) {
      if (compareGoVersions(running, w.version) >= 0) continue;
      findings.push(
        newFinding("toolchain-version-mismatch", {
          step,
          file,
          line: w.line,
          message: `${file} asks for ${w.what}, newer than the running ${runningName}: go would refuse to build, or download and run another toolchain where GOTOOLCHAIN allows it (go-guard runs with GOTOOLCHAIN=local). Install the toolchain ${file} asks for (setup-go with go-version-file).`
        })
      );
    }
  }
  return findings;
}

// src/engine.ts
function proofOf(ctx, steps) {
  if (ctx.evidence.toolchainProofs.length > 0) return ctx.evidence.toolchainProofs.join("; ");
  const toolchain = steps.find((s) => s.step === "toolchain");
  return toolchain ? `not proven (toolchain step ${toolchain.status})` : "toolchain step not run";
}
function runContext(config, go, logger, scope, running) {
  let base;
  const first = scope.modules[0];
  const goMod = first?.goModFile ?? scope.workspaces[0]?.file ?? "go.mod";
  const atBase = new CommitFiles(config.workingDirectory);
  const downloads = new ModuleDownloads(go);
  const graphs = new ModuleGraphs(go);
  const ctx = {
    config,
    root: config.workingDirectory,
    scope,
    go,
    logger,
    downloads,
    graphs,
    verification: new CacheVerification(go, downloads, graphs, modulesRunningGo(scope, running)),
    base: () => base ??= resolveBase(config.workingDirectory, config.baseRef),
    readAtBase: (sha, relPath2) => atBase.read(sha, relPath2),
    repositoryFile: { goMod, goSum: first?.goSumFile ?? scope.workspaces[0]?.sumFile ?? "go.sum" },
    evidence: { toolchainProofs: [] }
  };
  return { ctx, baseAsked: () => base };
}
async function runningVersion(go) {
  try {
    return (await go.env()).GOVERSION;
  } catch (error) {
    if (error instanceof GoCommandError) return void 0;
    throw error;
  }
}
function asJudgment(outcome) {
  if (!Array.isArray(outcome)) return outcome;
  return { findings: outcome, judged: outcome.length === 0 || outcome.some((f) => f.rule !== "step-skipped") };
}
async function judge(check, ctx, running) {
  const cannotParse = check.needs === "environment" ? [] : unparseableFindings(check.id, ctx);
  const judgments = check.judges === "repository" ? [asJudgment(await check.judge(ctx))] : await Promise.all(
    targetContexts(ctx).filter(isParsed).map(async (target) => {
      const blocked = tooNewFinding(check.id, check.needs, target, running && fromToolchainName(running));
      if (blocked === void 0) return asJudgment(await check.judge(target));
      const rest = check.judgeWithoutGo ? asJudgment(await check.judgeWithoutGo(target)) : void 0;
      return { findings: [blocked, ...rest?.findings ?? []], judged: rest?.judged ?? false };
    })
  );
  return { findings: [...cannotParse, ...judgments.flatMap((j) => j.findings)], judged: judgments.some((j) => j.judged) };
}
var LOGGED_MODULES = 20;
async function runGate(config, go, logger, options = {}) {
  const preloaded = options.scope;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const scope = preloaded ?? await loadScope(config.workingDirectory, config.modules, go);
  const names = scope.modules.map((m) => m.relDir);
  logger.info(`go-guard: ${names.length} module(s) in scope: ${shortList(names, LOGGED_MODULES) || "none"}`);
  const running = await runningVersion(go);
  const { ctx, baseAsked } = runContext(config, go, logger, scope, running && fromToolchainName(running));
  const wantAudit = Boolean(config.reportFile || config.sbomFile || options.audit);
  if (wantAudit) scope.modules.forEach((m) => ctx.downloads.afterDownload(m, () => ctx.graphs.prefetch(m)));
  const selected = STEP_IDS.filter((id) => config.checks.has(id));
  const steps = await Promise.all(
    selected.map(async (id, i) => {
      const stepStarted = performance.now();
      let raw = i === 0 ? scopeFindings(id, scope, running) : [];
      let judged = false;
      let error;
      try {
        const judgment = await judge(CHECKS[id], ctx, running);
        raw = [...raw, ...judgment.findings];
        judged = judgment.judged;
      } catch (e) {
        error = redactSecrets(e instanceof Error ? e.message : String(e));
        logger.warning(`go-guard: step ${id} failed: ${error}`);
      }
      const findings2 = applyProcessors(raw, {
        config,
        step: id,
        drift: ctx.evidence.drift,
        at: { file: ctx.repositoryFile.goSum, line: 1 }
      });
      const durationMs = performance.now() - stepStarted;
      return { step: id, status: stepStatus(findings2, judged, error, config), findings: findings2, durationMs, error };
    })
  );
  const findings = mergeSteps(steps);
  const audit = wantAudit ? await collectAudit(go, ctx.graphs, scope, proofOf(ctx, steps), config.baseRef) : void 0;
  return {
    audit,
    steps,
    findings,
    blocking: findings.filter((f) => isBlocking(f, config.failOn)).length,
    scope,
    base: await baseAsked(),
    durationMs: performance.now() - started,
    goMs: go.subprocessMs,
    ownCpuMs: (() => {
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / 1e3;
    })()
  };
}

// src/logger.ts
var ANSI = /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[@-_]?/g;
function escapeLogText(text) {
  const oneLine = redactSecrets(text).replace(ANSI, "").replace(/%/g, "%25").replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`).replace(/##\[/g, "##%5B");
  return oneLine.replace(/^(\s*):/, "$1%3A");
}
function actionsLogger(write2 = (line) => process.stdout.write(line)) {
  return {
    info: (m) => write2(`${escapeLogText(m)}
`),
    warning: (m) => write2(`::warning::${escapeLogText(m)}
`),
    debug: (m) => write2(`::debug::${escapeLogText(m)}
`)
  };
}
function stderrLogger(verbose) {
  const write2 = (line) => void process.stderr.write(`${escapeLogText(line)}
`);
  return {
    info: write2,
    warning: (m) => write2(`warning: ${m}`),
    debug: (m) => {
      if (verbose) write2(`debug: ${m}`);
    }
  };
}

// src/report/json.ts
function renderJson(result, version, audit) {
  return {
    tool: { name: "go-guard", version },
    blocking: result.blocking,
    // Wall time of the run, of its (overlapping) go subprocesses, and go-guard's own CPU time.
    timing: {
      durationMs: Math.round(result.durationMs),
      goMs: Math.round(result.goMs),
      ownCpuMs: Math.round(result.ownCpuMs)
    },
    counts: countBySeverity(result.findings),
    steps: result.steps.map((s) => ({
      step: s.step,
      status: s.status,
      durationMs: Math.round(s.durationMs),
      findings: s.findings.length,
      ...s.error ? { error: s.error } : {}
    })),
    findings: result.findings,
    modules: moduleDirsInRepository(result.scope),
    ...audit ? { audit } : {}
  };
}

// src/report/sarif.ts
var LEVEL = { error: "error", warning: "warning", notice: "note" };
function renderSarif(findings, version, toWorkspace, informationUri) {
  const ruleIds = Object.keys(RULES);
  const rules = ruleIds.map((id) => ({
    id,
    shortDescription: { text: RULES[id].summary },
    help: { text: RULES[id].fix },
    defaultConfiguration: { level: LEVEL[RULES[id].severity] }
  }));
  return {
    version: "2.1.0",
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    runs: [
      {
        tool: { driver: { name: "go-guard", version, ...informationUri ? { informationUri } : {}, rules } },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toWorkspace(f.file), uriBaseId: "%SRCROOT%" },
                region: { startLine: f.line }
              }
            }
          ],
          ...f.also ? {
            relatedLocations: f.also.map((a, id) => ({
              id,
              physicalLocation: {
                artifactLocation: { uri: toWorkspace(a.file), uriBaseId: "%SRCROOT%" },
                region: { startLine: a.line }
              }
            }))
          } : {},
          ...f.module ? { properties: { module: f.module, ...f.version ? { version: f.version } : {}, step: f.step } } : { properties: { step: f.step } }
        }))
      }
    ]
  };
}

// package.json
var package_default = {
  name: "go-guard",
  version: "1.0.0",
  private: true,
  description: "GitHub Action and CI gate that keeps Go repositories reproducible and their supply chain honest",
  license: "MIT",
  type: "module",
  engines: {
    node: ">=20"
  },
  scripts: {
    lint: "eslint . && prettier --check .",
    typecheck: "tsc -p tsconfig.test.json --noEmit",
    package: "node scripts/bundle.mjs",
    test: "NODE_OPTIONS='--experimental-vm-modules --disable-warning=ExperimentalWarning' jest",
    bench: "node bench/run.mjs",
    "bench:readme": "node scripts/readme-bench.mjs",
    all: "npm run lint && npm run typecheck && npm test && npm run package",
    fuzz: "FUZZ_RUNS=25000 npm test -- __tests__/fuzz.test.ts",
    "test:corpus": "node scripts/test-corpus.mjs",
    format: "prettier --write ."
  },
  dependencies: {
    "@actions/cache": "^6.3.0",
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "@cyclonedx/cyclonedx-library": "^10.3.0",
    openpgp: "^6.3.2",
    picomatch: "^4.0.7",
    "tar-stream": "^3.2.2"
  },
  devDependencies: {
    "@eslint/js": "^9.39.5",
    "@jest/globals": "^30.5.2",
    "@microsoft/jest-sarif": "^1.0.0-beta.0",
    "@types/node": "^20.19.43",
    "@types/picomatch": "^4.0.3",
    "@types/sarif": "^2.1.7",
    "@types/tar-stream": "^3.1.5",
    ajv: "^8.20.0",
    "ajv-draft-04": "^1.0.0",
    esbuild: "^0.28.2",
    eslint: "^9.39.5",
    "fast-check": "^4.10.2",
    fflate: "^0.8.3",
    globals: "^17.14.0",
    jest: "^30.5.2",
    marked: "^18.2.1",
    prettier: "^3.10.1",
    "ts-jest": "^29.4.15",
    typescript: "5.9",
    "typescript-eslint": "^8.73.0"
  }
};

// src/version.ts
var VERSION = package_default.version;

// src/outputs.ts
import * as fs16 from "node:fs/promises";
import * as path18 from "node:path";

// src/report/paths.ts
import * as path17 from "node:path";
function workspacePaths(root, workspace) {
  return (file) => path17.relative(workspace, path17.join(root, file)).split(path17.sep).join("/");
}

// src/sbom.ts
async function moduleUse(go, module) {
  const [build2, test, tool] = await Promise.all([
    listPackageModules(go, module, ["./..."], false),
    listPackageModules(go, module, ["./..."], true),
    module.mod.file.tool.length > 0 ? listPackageModules(go, module, ["tool"], false) : /* @__PURE__ */ new Set()
  ]);
  const use = /* @__PURE__ */ new Map();
  for (const [set, kind] of [
    [build2, "build"],
    [test, "test"],
    [tool, "tool"]
  ])
    for (const mv of set) if (!use.has(mv)) use.set(mv, kind);
  return use;
}
async function collectSbom(go, scope, audit, repository, trust) {
  const modules = await mapLimit(scope.modules, 2, async (module) => ({
    module,
    audit: audit.modules.find((a) => a.dir === module.relDir),
    use: await moduleUse(go, module)
  }));
  return { repository, toolchain: { ...audit.toolchain, trust }, modules };
}

// src/outputs.ts
async function write(file, value) {
  await fs16.mkdir(path18.dirname(file), { recursive: true });
  const text = typeof value === "string" ? value : `${JSON.stringify(value, null, 2)}
`;
  await fs16.writeFile(file, redactSecrets(text));
}
async function writeReports(config, result, go, { cwd, toWorkspace, informationUri }) {
  const written = {};
  if (config.reportFile) {
    written.reportFile = path18.resolve(cwd, config.reportFile);
    await write(written.reportFile, renderJson(result, VERSION, result.audit));
  }
  if (config.sbomFile && result.audit) {
    const sbom = await collectSbom(
      go,
      result.scope,
      result.audit,
      path18.basename(config.workingDirectory),
      config.toolchain.trust
    );
    const { renderSbom } = await import("./sbom-2D5MRDD7.js");
    written.sbomFile = path18.resolve(cwd, config.sbomFile);
    await write(written.sbomFile, renderSbom(sbom, VERSION, /* @__PURE__ */ new Date()));
  }
  if (config.sarifFile) {
    written.sarifFile = path18.resolve(cwd, config.sarifFile);
    await write(written.sarifFile, renderSarif(result.findings, VERSION, toWorkspace, informationUri));
  }
  return written;
}
function reportPlace(config, env = process.env) {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  return {
    cwd: workspace,
    toWorkspace: workspacePaths(config.workingDirectory, workspace),
    ...env.GITHUB_ACTION_REPOSITORY ? { informationUri: `${server}/${env.GITHUB_ACTION_REPOSITORY}` } : {}
  };
}

export {
  manifestDir,
  GoCommand,
  moduleDirsInRepository,
  loadScope,
  runGate,
  actionsLogger,
  stderrLogger,
  renderJson,
  renderSarif,
  VERSION,
  writeReports,
  reportPlace
};
