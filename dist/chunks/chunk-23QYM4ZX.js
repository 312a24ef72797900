import { createRequire as __goGuardCreateRequire } from 'node:module'; const require = __goGuardCreateRequire(import.meta.url);
import {
  __commonJS,
  __toESM
} from "./chunk-WYOLP7NZ.js";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path2, { windows } = {}) => {
      const segs = path2.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code2) => {
      return code2 === CHAR_FORWARD_SLASH || code2 === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code2;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code2;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code2 = advance();
        let next;
        if (code2 === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code2 = advance();
          if (code2 === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code2 === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code2 = advance())) {
            if (code2 === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code2 === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code2 === CHAR_DOT && (code2 = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code2 === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code2 === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code2 === CHAR_PLUS || code2 === CHAR_AT || code2 === CHAR_ASTERISK || code2 === CHAR_QUESTION_MARK || code2 === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code2 === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code2 = advance())) {
                if (code2 === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code2 === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code2 === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code2 === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code2 === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code2 === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code2 = advance())) {
              if (code2 === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code2 === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code2 === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code2)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse2 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse2(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse2.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse2;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse2 = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse2(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse2.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse2(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/process.ts
import { spawn } from "node:child_process";

// src/shortlist.ts
function shortList(items, shown, separator = ", ") {
  const more = items.length - shown;
  return more > 0 ? `${items.slice(0, shown).join(separator)} and ${more} more` : items.join(separator);
}

// src/process.ts
var DRAIN_MS = 500;
var trace;
function traceProcesses(log) {
  trace = log;
}
var TRACED_ARGS = 20;
function describeEnd(file, args, cwd, ms, how) {
  const command = args.length === 0 ? file : `${file} ${shortList(args, TRACED_ARGS, " ")}`;
  return `ran ${command} in ${cwd}: ${how} after ${(ms / 1e3).toFixed(2)} s`;
}
function killGroup(pid) {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
  }
}
function runProcess(file, args, options) {
  const started = performance.now();
  return new Promise((resolve2, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["pipe", "pipe", "pipe"],
      detached: true
    });
    child.stdin.on("error", () => {
    });
    child.stdin.end(options.input ?? "");
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (b) => stdout.push(b));
    child.stderr.on("data", (b) => stderr.push(b));
    let timedOut = false;
    let settled = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      if (child.pid !== void 0) killGroup(child.pid);
    }, options.timeoutMs);
    child.on("error", (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      trace?.(describeEnd(file, args, options.cwd, performance.now() - started, `could not start (${error.message})`));
      reject(error);
    });
    child.on("exit", (code2, signal) => {
      clearTimeout(deadline);
      if (child.pid !== void 0) killGroup(child.pid);
      const finish = () => {
        if (settled) return;
        settled = true;
        clearTimeout(drain);
        child.stdout.destroy();
        child.stderr.destroy();
        const stdoutBytes = Buffer.concat(stdout);
        const how = timedOut ? "timed out" : signal !== null ? `killed by ${signal}` : `exit ${code2}`;
        trace?.(describeEnd(file, args, options.cwd, performance.now() - started, how));
        resolve2({
          code: code2 ?? -1,
          signal,
          stdout: stdoutBytes.toString("utf8"),
          stdoutBytes,
          stderr: Buffer.concat(stderr).toString("utf8"),
          timedOut
        });
      };
      const drain = setTimeout(finish, DRAIN_MS);
      child.on("close", finish);
    });
  });
}
var CREDENTIAL_VARIABLES = /* @__PURE__ */ new Set([
  "GITHUB_TOKEN",
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  "ACTIONS_ID_TOKEN_REQUEST_URL",
  "ACTIONS_CACHE_URL",
  "ACTIONS_RESULTS_URL"
]);
function withoutCredentials(env) {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !CREDENTIAL_VARIABLES.has(name.toUpperCase()) && !/^INPUT_/i.test(name))
  );
}

// src/rules.ts
var RULES = {
  "step-skipped": {
    step: "any",
    severity: "notice",
    summary: "a step could not run; at error where skipping weakens the gate (a base commit that cannot be read or fetched, a `go` line newer than the running go)",
    fix: "give the step what its finding says it needs (a base commit, the module proxy, a newer go); some skips need nothing"
  },
  "toolchain-checksum-mismatch": {
    step: "toolchain",
    severity: "error",
    summary: "the toolchain archive SHA-256 differs from the official or pinned value",
    fix: "install Go from the official archive (actions/setup-go does) and check `toolchain-sha256` if you pinned one"
  },
  "toolchain-signature-invalid": {
    step: "toolchain",
    severity: "error",
    summary: "the archive .asc signature does not verify against the pinned release key",
    fix: "obtain the archive from the official downloads; never override `gpg-key-fingerprint` to make this pass"
  },
  "toolchain-file-modified": {
    step: "toolchain",
    severity: "error",
    summary: "an installed GOROOT file differs from the verified archive, or an executable was added or removed",
    fix: "reinstall Go from a fresh official archive; find out what modified GOROOT on the runner"
  },
  "toolchain-unverifiable": {
    step: "toolchain",
    severity: "error",
    summary: "the archive, checksum list or signature could not be obtained (fail closed)",
    fix: "allow access to the downloads, or pin `toolchain-sha256` and `toolchain-archive`"
  },
  "toolchain-version-mismatch": {
    step: "any",
    severity: "warning",
    summary: "the running toolchain is older than a go.mod's or go.work's `go` or `toolchain` line (reported whichever steps run)",
    fix: "install the Go version go.mod asks for (setup-go with `go-version-file: go.mod`)"
  },
  "scope-symlinked-file": {
    step: "any",
    severity: "error",
    summary: "a go.mod, go.sum, go.work or go.work.sum is a symbolic link (go follows it; its target need not be in the commit)",
    fix: "commit the file itself instead of a link to it"
  },
  "scope-outside-repository": {
    step: "any",
    severity: "error",
    summary: "a go.work `use`, or a directory `replace` of a go.mod or go.work, names a directory outside `working-directory`, or go would build with a go.work outside it (`GOWORK`, or one in a directory above it): the build depends on code no reviewer sees",
    fix: "move the module into the repository, or drop the `use` or `replace` directive"
  },
  "scope-unreadable": {
    step: "any",
    severity: "error",
    summary: "a file or directory in scope cannot be read or parsed as go reads it (too long a path, unreadable, a go.mod go cannot parse or that is not UTF-8)",
    fix: "fix the file on the line named (or shorten, or make readable, the path), so that it can be judged"
  },
  "path-shadowed-go": {
    step: "toolchain",
    severity: "error",
    summary: "PATH holds more than one distinct `go`, or the first is not the one judged",
    fix: "remove the other `go` binaries from PATH, or point `go-binary` at the one the job uses"
  },
  "path-unsafe-entry": {
    step: "toolchain",
    severity: "warning",
    summary: "PATH holds an empty, relative or world-writable entry",
    fix: "use absolute PATH entries in directories only the job user can write"
  },
  "env-weakened-verification": {
    step: "toolchain",
    severity: "error",
    summary: "the Go environment disables or narrows checksum verification",
    fix: "remove the setting from the place the message names (job env, `go env -w` file or $GOROOT/go.env)"
  },
  "env-notice": {
    step: "toolchain",
    severity: "notice",
    summary: "a Go environment setting worth a reviewer\u2019s eye that does not disable verification",
    fix: "confirm the setting is intended"
  },
  "mod-verify-failed": {
    step: "verify",
    severity: "error",
    summary: "a module in the module cache does not hash to what was recorded, a replacement\u2019s cached copy does not hash to its go.sum line, or `go mod verify` failed without naming a module (nothing was verified)",
    fix: "clear the module cache (`go clean -modcache`) and the Actions cache entry, then find out who modified it"
  },
  "mod-download-failed": {
    step: "verify",
    severity: "error",
    summary: "a required module cannot be downloaded (unknown revision, gone, checksum mismatch)",
    fix: "require a version that exists; on a checksum mismatch, do not edit go.sum: find out why the module content changed"
  },
  "sum-missing-entry": {
    step: "verify",
    severity: "error",
    summary: "go.sum lacks an entry the build needs",
    fix: "run `go mod tidy` and commit go.sum"
  },
  "mod-denied": {
    step: "verify",
    severity: "error",
    summary: "a module the build uses matches `deny-modules` (the message names the pattern and its reason)",
    fix: "remove the requirement or move to an allowed version; `go mod why -m <module>` shows what pulls it in"
  },
  "mod-not-tidy": {
    step: "verify",
    severity: "warning",
    summary: "go.mod or go.sum differ from what `go mod tidy` writes (`go mod tidy -diff` on scratch copies), on each line that would change",
    fix: "run `go mod tidy` and commit go.mod and go.sum"
  },
  "sum-hash-changed": {
    step: "sum-drift",
    severity: "error",
    summary: "a module@version present in base and head has a different hash",
    fix: "restore the base hash; a published version never changes content"
  },
  "sum-unverified-hash": {
    step: "sum-drift",
    severity: "error",
    summary: "a new or changed go.sum line disagrees with (or could not be checked against) the checksum database",
    fix: "regenerate the line with `go mod tidy` against the checksum database; never hand-edit go.sum"
  },
  "sum-malformed-line": {
    step: "sum-drift",
    severity: "error",
    summary: "a go.sum or go.work.sum line go refuses (go then refuses the whole file)",
    fix: "regenerate the file with `go mod tidy` (`go mod download` in a workspace); never hand-edit it"
  },
  "sum-module-added": {
    step: "sum-drift",
    severity: "notice",
    summary: "a module the build uses is new (go.mod requires it or go.sum hashes its content)",
    fix: "review the new dependency"
  },
  "sum-module-removed": {
    step: "sum-drift",
    severity: "notice",
    summary: "a module left the build (go.mod no longer requires it, go.sum no longer hashes its content)",
    fix: "nothing, if intended"
  },
  "sum-module-upgraded": {
    step: "sum-drift",
    severity: "notice",
    summary: "a module's version went up",
    fix: "review the upgrade"
  },
  "sum-module-downgraded": {
    step: "sum-drift",
    severity: "warning",
    summary: "a module's version went down",
    fix: "confirm the downgrade is intended; it can reintroduce fixed vulnerabilities"
  },
  "sum-major-upgrade": {
    step: "sum-drift",
    severity: "warning",
    summary: "a dependency moved to a new major version",
    fix: "review the breaking changes of the new major version"
  },
  "sum-pseudo-version": {
    step: "sum-drift",
    severity: "warning",
    summary: "a new requirement is a pseudo-version although the module has a tagged release newer than it",
    fix: "require the tagged release"
  },
  "sum-pseudo-version-untagged": {
    step: "sum-drift",
    severity: "notice",
    summary: "a new requirement is a pseudo-version of a module with no tagged release newer than it",
    fix: "nothing to require instead; review the commit, and ask upstream to tag a release"
  },
  "sum-pseudo-version-inherited": {
    step: "sum-drift",
    severity: "notice",
    summary: "a new pseudo-version requirement this change did not choose: a dependency requires that commit, or the base already required a pseudo-version of the module",
    fix: "nothing to change here; review the commit"
  },
  "sum-new-modules-limit": {
    step: "sum-drift",
    severity: "error",
    summary: "more modules were added than `max-new-modules`",
    fix: "split the change, or raise `max-new-modules`"
  },
  "sum-updated-modules-limit": {
    step: "sum-drift",
    severity: "error",
    summary: "more module versions changed than `max-updated-modules`",
    fix: "split the change, or raise `max-updated-modules`"
  },
  "sum-major-upgrades-limit": {
    step: "sum-drift",
    severity: "error",
    summary: "more major upgrades than `max-major-upgrades`",
    fix: "split the change, or raise `max-major-upgrades`"
  },
  "sum-retracted-version": {
    step: "sum-drift",
    severity: "warning",
    summary: "a requirement new or changed against the base (every one without a base) names a version its author retracted",
    fix: "require a version that is not retracted (`go list -m -versions <module>`); the message carries the rationale"
  },
  "sum-deprecated-module": {
    step: "sum-drift",
    severity: "warning",
    summary: "a requirement new or changed against the base (every one without a base) names a module whose latest go.mod says `// Deprecated:`",
    fix: "move to the replacement the deprecation names, or confirm the dependency is still wanted"
  },
  "vendor-file-modified": {
    step: "vendor",
    severity: "error",
    summary: "a vendored file differs from the regenerated one",
    fix: "run `go mod vendor` and commit the result; never edit vendor/ by hand"
  },
  "vendor-file-missing": {
    step: "vendor",
    severity: "error",
    summary: "a file the regeneration produces is absent (also one .gitignore excludes, where the build reads it)",
    fix: "run `go mod vendor` and commit the result (`git add -f` for an ignored file)"
  },
  "vendor-file-ignored": {
    step: "vendor",
    severity: "notice",
    summary: "files the regeneration produces are absent because .gitignore excludes them, and the build never reads them",
    fix: "nothing, if intended: `go mod vendor` followed by `git status` stays clean"
  },
  "vendor-file-extra": {
    step: "vendor",
    severity: "error",
    summary: "a committed vendored file the regeneration does not produce",
    fix: "run `go mod vendor` and commit the result"
  },
  "vendor-modules-txt-mismatch": {
    step: "vendor",
    severity: "error",
    summary: "vendor/modules.txt disagrees with go.mod",
    fix: "run `go mod vendor` and commit the result"
  },
  "vendor-unsafe-entry": {
    step: "vendor",
    severity: "error",
    summary: "vendor/ holds a symlink, a non-regular file or a path escaping the module",
    fix: "remove the entry and run `go mod vendor`"
  },
  "replace-local-path": {
    step: "replace",
    severity: "error",
    summary: "a replacement by a local directory",
    fix: "remove the replace, or set `allow-local-replace: true` for a monorepo"
  },
  "replace-not-allowed": {
    step: "replace",
    severity: "error",
    summary: "a replacement not matched by `allow-replace`",
    fix: "remove the replace, or add `old => new` to `allow-replace`"
  },
  "replace-in-workspace": {
    step: "replace",
    severity: "error",
    summary: "a replace directive in go.work",
    fix: "move the replacement into the module\u2019s go.mod where policy can review it, or drop it"
  }
};

// src/findings.ts
var SEVERITIES = ["notice", "warning", "error"];
var STEP_IDS = ["toolchain", "verify", "sum-drift", "vendor", "replace"];
function severityRank(s) {
  return SEVERITIES.indexOf(s);
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareFindings(a, b) {
  return severityRank(b.severity) - severityRank(a.severity) || STEP_IDS.indexOf(a.step) - STEP_IDS.indexOf(b.step) || compareText(a.file, b.file) || a.line - b.line || compareText(a.rule, b.rule) || compareText(a.message, b.message);
}
function newFinding(rule, fields) {
  const info = RULES[rule];
  const step = info.step === "any" ? fields.step : info.step;
  if (step === void 0) throw new Error(`rule ${rule} needs a step`);
  return { ...fields, rule, severity: info.severity, step };
}
function skipped(step, file, message, fix) {
  return newFinding("step-skipped", { step, file, line: 1, message, fix });
}
function blockingSkip(step, file, line, message, fix) {
  return { ...skipped(step, file, message, fix), line, severity: "error" };
}
function redactSecrets(text) {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>\\]+@/gi, "$1***@").replace(/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, "***");
}

// src/config.ts
import * as path from "node:path";

// src/allow-replace.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
var GLOB_OPTIONS = { strictBrackets: true, dot: true, nonegate: true };
function compileSide(text, line) {
  const fields = text.trim().split(/\s+/).filter(Boolean);
  if (fields.length === 0 || fields.length > 2) {
    throw new Error(`"${line}": each side is a module path glob with an optional version`);
  }
  const [path2, version] = fields;
  return {
    path: compile(path2, line, compileModulePathGlob),
    version: version === void 0 ? void 0 : compile(version, line, (glob) => (0, import_picomatch.default)(glob, GLOB_OPTIONS))
  };
}
function compileModulePathGlob(glob) {
  return import_picomatch.default.makeRe(glob, { ...GLOB_OPTIONS, capture: true });
}
function compile(glob, line, make) {
  try {
    return make(glob);
  } catch (error) {
    throw new Error(`"${line}": bad glob "${glob}": ${error instanceof Error ? error.message : String(error)}`);
  }
}
function parseAllowReplace(text) {
  const rules = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const parts = line.split("=>");
    if (parts.length !== 2) throw new Error(`"${line}": expected "old => new"`);
    rules.push({ text: line, old: compileSide(parts[0], line), new: compileSide(parts[1], line) });
  }
  return rules;
}
function sideMatch(side, target) {
  const m = side.path.exec(target.path);
  if (m === null) return void 0;
  if (side.version !== void 0 && (target.version === "" || !side.version(target.version))) return void 0;
  return m.slice(1);
}
function allows(rule, old, replacement) {
  const a = sideMatch(rule.old, old);
  const b = sideMatch(rule.new, replacement);
  if (a === void 0 || b === void 0) return false;
  return a.length !== b.length || a.every((text, i) => text === b[i]);
}
function findAllowingRule(rules, old, replacement) {
  return rules.find((rule) => allows(rule, old, replacement));
}

// src/git.ts
var GIT_TIMEOUT_MS = 12e4;
var GitError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "GitError";
  }
};
function gitRunner(env = process.env, timeoutMs = GIT_TIMEOUT_MS) {
  return async (args, cwd, input) => {
    try {
      const r = await runProcess("git", args, {
        cwd,
        env: { ...withoutCredentials(env), GIT_TERMINAL_PROMPT: "0" },
        timeoutMs,
        input
      });
      if (r.timedOut)
        return {
          code: -1,
          stdout: r.stdout,
          stdoutBytes: r.stdoutBytes,
          stderr: `git ${args[0]} timed out after ${timeoutMs / 1e3} s`
        };
      return { code: r.code, stdout: r.stdout, stdoutBytes: r.stdoutBytes, stderr: r.stderr };
    } catch (error) {
      return {
        code: -1,
        stdout: "",
        stdoutBytes: Buffer.alloc(0),
        stderr: `git could not run: ${error.message}`
      };
    }
  };
}
var runGit = gitRunner();
function isCommitish(ref) {
  const match = /^([^~^]+)((?:[~^][0-9]*)*)$/.exec(ref);
  if (match === null) return false;
  const name = match[1];
  if (name === "@") return true;
  return !/[\p{Cc}\s~^:?*[\\]|\.\.|@\{|\/\/|^[-+/]|[/.]$/u.test(name) && name.split("/").every((c) => c !== "" && !c.startsWith(".") && !c.endsWith(".lock"));
}
async function resolveBase(root, ref, git = runGit) {
  if (ref === void 0) {
    return {
      skipped: "no base commit: not a pull_request or push event and no base-ref input",
      fix: "set base-ref (for example base-ref: ${{ github.event.pull_request.base.sha }}) to diff go.sum against it"
    };
  }
  if (!isCommitish(ref))
    return {
      skipped: `base-ref ${JSON.stringify(ref)} is not a commit-ish`,
      fix: "set base-ref to a commit SHA, branch or tag"
    };
  if ((await git(["rev-parse", "--is-inside-work-tree"], root)).code !== 0) {
    return {
      skipped: `${root} is not a git repository, so the base commit ${ref} cannot be read`,
      fix: "run go-guard in a git checkout (actions/checkout)",
      blocks: true
    };
  }
  const verify = async (commitish) => {
    const r = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${commitish}^{commit}`], root);
    return r.code === 0 ? r.stdout.trim() : void 0;
  };
  const found = await verify(ref);
  if (found) return { sha: found };
  const [, name, ancestry] = /^([^~^]+)(.*)$/.exec(ref) ?? ["", ref, ""];
  const shallow = (await git(["rev-parse", "--is-shallow-repository"], root)).stdout.trim() === "true";
  const fetched = await git(
    [
      "fetch",
      "--no-tags",
      "--no-recurse-submodules",
      "--refmap=",
      ...shallow ? ["--depth=1"] : [],
      "--",
      "origin",
      name
    ],
    root
  );
  const afterFetch = fetched.code === 0 ? await verify(`FETCH_HEAD${ancestry}`) : void 0;
  if (afterFetch) return { sha: afterFetch };
  return {
    skipped: `the base commit ${ref} is not in this clone and fetching it from origin failed (${(fetched.stderr || "no detail").trim().split("\n").pop()})`,
    fix: "add `fetch-depth: 0` to actions/checkout, or fetch the base commit before go-guard runs",
    blocks: true
  };
}
var LS_TREE_PATHS = 256;
var LS_TREE_BYTES = 64 << 10;
function chunked(paths) {
  const chunks = [];
  let bytes = 0;
  for (const p of paths) {
    const last = chunks.at(-1);
    if (last === void 0 || last.length === LS_TREE_PATHS || bytes + p.length > LS_TREE_BYTES) {
      chunks.push([p]);
      bytes = p.length;
    } else {
      last.push(p);
      bytes += p.length;
    }
  }
  return chunks;
}
function why(r) {
  return r.stderr.trim() || `git exited with status ${r.code}`;
}
async function listBlobs(root, sha, paths, git) {
  const blobs = /* @__PURE__ */ new Map();
  for (const chunk of chunked(paths)) {
    const listed = await git(["--literal-pathspecs", "ls-tree", "-z", sha, "--", ...chunk], root);
    if (listed.code === 0) {
      for (const record of listed.stdout.split("\0")) {
        const entry = /^[0-7]+ (\w+) ([0-9a-f]+)\t(.*)$/s.exec(record);
        if (entry !== null && entry[1] === "blob") blobs.set(entry[3], entry[2]);
      }
    } else if (chunk.length === 1 || listed.code === -1) {
      for (const p of chunk) blobs.set(p, new GitError(`could not list ${p} at ${sha}: ${why(listed)}`));
    } else {
      for (const p of chunk) for (const [name, blob] of await listBlobs(root, sha, [p], git)) blobs.set(name, blob);
    }
  }
  return blobs;
}
async function readBlobs(root, oids, git) {
  const blobs = /* @__PURE__ */ new Map();
  if (oids.length === 0) return blobs;
  const batch = await git(["cat-file", "--batch"], root, oids.map((oid) => `${oid}
`).join(""));
  const out = batch.stdoutBytes;
  let at = 0;
  for (const oid of oids) {
    const eol = out.indexOf(10, at);
    if (eol === -1) break;
    const header = out.subarray(at, eol).toString("latin1");
    if (header === `${oid} missing`) {
      blobs.set(oid, { why: `object ${oid} is missing from this clone${batch.code === 0 ? "" : ` (${why(batch)})`}` });
      at = eol + 1;
      continue;
    }
    const found = /^([0-9a-f]+) blob (\d+)$/.exec(header);
    const end = eol + 1 + Number(found?.[2]);
    if (found?.[1] !== oid || end > out.length) break;
    blobs.set(oid, { text: out.subarray(eol + 1, end).toString("utf8") });
    at = end + 1;
  }
  for (const oid of oids.filter((o) => !blobs.has(o))) {
    const blob = batch.code === -1 ? batch : await git(["cat-file", "blob", oid], root);
    blobs.set(oid, blob.code === 0 ? { text: blob.stdout } : { why: why(blob) });
  }
  return blobs;
}
async function readFilesAtCommit(root, sha, relPaths, git = runGit) {
  const paths = [...new Set(relPaths)].sort();
  const blobs = await listBlobs(root, sha, paths, git);
  const oids = [...new Set([...blobs.values()].filter((b) => typeof b === "string"))];
  const texts = await readBlobs(root, oids, git);
  return new Map(
    paths.map((p) => {
      const blob = blobs.get(p);
      if (blob === void 0 || blob instanceof GitError) return [p, blob];
      const read = texts.get(blob);
      return [p, "text" in read ? read.text : new GitError(`could not read ${p} at ${sha}: ${read.why}`)];
    })
  );
}
var CommitFiles = class {
  constructor(root, git = runGit) {
    this.root = root;
    this.git = git;
  }
  root;
  git;
  files = /* @__PURE__ */ new Map();
  /** Per commit, the paths asked for since the last batch went to git, and that batch's answers. */
  pending = /* @__PURE__ */ new Map();
  read(sha, relPath) {
    const key = `${sha}\0${relPath}`;
    let file = this.files.get(key);
    if (file === void 0) {
      file = this.batch(sha, relPath).then((answers) => {
        const answer = answers.get(relPath);
        if (answer instanceof GitError) throw answer;
        return answer;
      });
      this.files.set(key, file);
    }
    return file;
  }
  batch(sha, relPath) {
    const waiting = this.pending.get(sha);
    if (waiting !== void 0) {
      waiting.paths.push(relPath);
      return waiting.answers;
    }
    const paths = [relPath];
    const answers = new Promise((resolve2) => setImmediate(resolve2)).then(() => {
      this.pending.delete(sha);
      return readFilesAtCommit(this.root, sha, paths, this.git);
    });
    this.pending.set(sha, { paths, answers });
    return answers;
  }
};
async function ignoredPaths(root, paths, git = runGit) {
  if (paths.length === 0) return /* @__PURE__ */ new Set();
  const r = await git(["check-ignore", "--no-index", "-z", "--stdin"], root, paths.map((p) => `${p}\0`).join(""));
  return new Set(r.code === 0 ? r.stdout.split("\0").filter(Boolean) : []);
}

// src/go/semver.ts
function digitsEnd(v, from) {
  let i = from;
  while (i < v.length && v.charCodeAt(i) >= 48 && v.charCodeAt(i) <= 57) i++;
  if (i === from || v.charCodeAt(from) === 48 && i !== from + 1) return -1;
  return i;
}
function isIdentChar(c) {
  return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c >= 48 && c <= 57 || c === 45;
}
function isBadNum(v, from, to) {
  if (to - from < 2 || v.charCodeAt(from) !== 48) return false;
  for (let i = from; i < to; i++) if (v.charCodeAt(i) < 48 || v.charCodeAt(i) > 57) return false;
  return true;
}
function parseIdents(v, from, prerelease) {
  let start = from + 1;
  let i = start;
  for (; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (prerelease && c === 43) break;
    if (c === 46) {
      if (start === i || prerelease && isBadNum(v, start, i)) return -1;
      start = i + 1;
    } else if (!isIdentChar(c)) {
      return -1;
    }
  }
  if (start === i || prerelease && isBadNum(v, start, i)) return -1;
  return i;
}
var lastVersion = "";
var lastParsed;
function parse(v) {
  if (v !== lastVersion) {
    lastParsed = parseNew(v);
    lastVersion = v;
  }
  return lastParsed;
}
function parseNew(v) {
  if (v.charCodeAt(0) !== 118) return void 0;
  const majorEnd = digitsEnd(v, 1);
  if (majorEnd < 0) return void 0;
  const major2 = v.slice(1, majorEnd);
  if (majorEnd === v.length) return { major: major2, minor: "0", patch: "0", short: true, prerelease: "", build: "" };
  if (v.charCodeAt(majorEnd) !== 46) return void 0;
  const minorEnd = digitsEnd(v, majorEnd + 1);
  if (minorEnd < 0) return void 0;
  const minor = v.slice(majorEnd + 1, minorEnd);
  if (minorEnd === v.length) return { major: major2, minor, patch: "0", short: true, prerelease: "", build: "" };
  if (v.charCodeAt(minorEnd) !== 46) return void 0;
  const patchEnd = digitsEnd(v, minorEnd + 1);
  if (patchEnd < 0) return void 0;
  let end = patchEnd;
  if (v.charCodeAt(end) === 45) end = parseIdents(v, end, true);
  if (end < 0) return void 0;
  const prereleaseEnd = end;
  if (v.charCodeAt(end) === 43) end = parseIdents(v, end, false);
  if (end !== v.length) return void 0;
  return {
    major: major2,
    minor,
    patch: v.slice(minorEnd + 1, patchEnd),
    short: false,
    prerelease: v.slice(patchEnd, prereleaseEnd),
    build: v.slice(prereleaseEnd)
  };
}
function isValid(v) {
  return parse(v) !== void 0;
}
function canonical(v) {
  const p = parse(v);
  if (!p) return "";
  if (!p.short && p.build === "") return v;
  return `v${p.major}.${p.minor}.${p.patch}${p.prerelease}`;
}
function major(v) {
  const p = parse(v);
  return p ? `v${p.major}` : "";
}
function build(v) {
  return parse(v)?.build ?? "";
}
function compareNumbers(a, b) {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}
function comparePrerelease(a, b) {
  if (a === b) return 0;
  if (a === "") return 1;
  if (b === "") return -1;
  const as = a.slice(1).split(".");
  const bs = b.slice(1).split(".");
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i];
    const y = bs[i];
    if (x === y) continue;
    const xNum = /^[0-9]+$/.test(x);
    const yNum = /^[0-9]+$/.test(y);
    if (xNum && yNum) return compareNumbers(x, y);
    if (xNum) return -1;
    if (yNum) return 1;
    return x < y ? -1 : 1;
  }
  return as.length - bs.length;
}
function compare(v, w) {
  if (v === w) return 0;
  const pv = parse(v);
  const pw = parse(w);
  if (!pv || !pw) return pv ? 1 : pw ? -1 : 0;
  const sign = (n) => Math.sign(n);
  return sign(
    compareNumbers(pv.major, pw.major) || compareNumbers(pv.minor, pw.minor) || compareNumbers(pv.patch, pw.patch) || comparePrerelease(pv.prerelease, pw.prerelease)
  );
}

// src/deny-modules.ts
var DenyPatternError = class extends Error {
};
var DENY_SYNTAX = '"path-glob[@constraint] [# reason]" a line, where * matches within a path element and ** across, and the constraint is one or more of <v, <=v, >v, >=v, =v, v (exact), vN.* or vN.M.*, separated by commas';
function parseComparison(text) {
  const prefix = /^v(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*))?\.\*$/.exec(text);
  if (prefix)
    return { op: "prefix", major: Number(prefix[1]), minor: prefix[2] === void 0 ? void 0 : Number(prefix[2]) };
  const m = /^(<=|>=|<|>|=)?(v\S+)$/.exec(text);
  if (!m || !isValid(m[2])) return void 0;
  return { op: m[1] ?? "=", version: m[2] };
}
function parseDenyModules(text) {
  const rules = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const hash = raw.indexOf("#");
    const body = (hash < 0 ? raw : raw.slice(0, hash)).trim();
    const reason = hash < 0 ? "" : raw.slice(hash + 1).trim();
    if (body === "") return;
    const fail = (why2) => {
      throw new DenyPatternError(`line ${i + 1} "${raw.trim()}": ${why2}`);
    };
    const at = body.indexOf("@");
    const glob = (at < 0 ? body : body.slice(0, at)).trim();
    if (glob === "" || /\s/.test(glob)) fail("expected one module path glob before the optional @constraint");
    let path2;
    try {
      path2 = compileModulePathGlob(glob);
    } catch (error) {
      return fail(`bad glob "${glob}": ${error instanceof Error ? error.message : String(error)}`);
    }
    const constraint = (at < 0 ? [] : body.slice(at + 1).split(",")).map((part) => {
      const c = parseComparison(part.trim());
      return c ?? fail(`bad version constraint "${part.trim()}"`);
    });
    rules.push({ pattern: body, line: i + 1, reason, path: path2, constraint });
  });
  return rules;
}
function holds(c, version) {
  if (c.op === "prefix") {
    const [major2, minor] = canonical(version).slice(1).split(/[.-]/).map(Number);
    return major2 === c.major && (c.minor === void 0 || minor === c.minor);
  }
  const order = compare(version, c.version);
  return { "<": order < 0, "<=": order <= 0, ">": order > 0, ">=": order >= 0, "=": order === 0 }[c.op];
}
function findDenyingRule(rules, path2, version) {
  return rules.find(
    (r) => r.path.test(path2) && (r.constraint.length === 0 || isValid(version) && r.constraint.every((c) => holds(c, version)))
  );
}

// src/config.ts
var ConfigError = class extends Error {
  constructor(input, value, accepted, kind = "input") {
    super(`Invalid ${kind} "${input}": "${value}". Accepted: ${accepted}.`);
    this.name = "ConfigError";
  }
};
var DEFAULT_GO_TIMEOUT_MS = 10 * 6e4;
function parseSeconds(name, value) {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) {
    throw new ConfigError(
      name,
      value,
      "a number of seconds greater than 0 (for example 600 or 0.5)",
      "environment variable"
    );
  }
  return Number(value) * 1e3;
}
function parseVariables(env) {
  const get = (name) => optional(env[name]?.trim() ?? "");
  const goTimeout = get("GO_GUARD_GO_TIMEOUT");
  const httpTimeout = get("GO_GUARD_HTTP_TIMEOUT");
  const cacheDir = get("GO_GUARD_CACHE_DIR");
  if (cacheDir !== void 0 && !path.isAbsolute(cacheDir)) {
    throw new ConfigError("GO_GUARD_CACHE_DIR", cacheDir, "an absolute directory path", "environment variable");
  }
  return {
    goTimeoutMs: goTimeout === void 0 ? DEFAULT_GO_TIMEOUT_MS : parseSeconds("GO_GUARD_GO_TIMEOUT", goTimeout),
    httpTimeoutMs: httpTimeout === void 0 ? void 0 : parseSeconds("GO_GUARD_HTTP_TIMEOUT", httpTimeout),
    cacheDir
  };
}
var COMMENT_MODES = ["always", "on-failure", "never"];
var INPUT_DEFAULTS = {
  "working-directory": ".",
  modules: "",
  checks: STEP_IDS.join(","),
  "base-ref": "",
  "fail-on": "error",
  rules: "",
  "max-new-modules": "-1",
  "max-updated-modules": "-1",
  "max-major-upgrades": "-1",
  "allow-replace": "",
  "allow-local-replace": "false",
  "only-new": "false",
  "deny-modules": "",
  "go-binary": "go",
  "toolchain-trust": "archive",
  "toolchain-sha256": "",
  "toolchain-archive": "",
  "toolchain-checksums-url": "https://go.dev/dl/?mode=json&include=all",
  "toolchain-download-url": "https://dl.google.com/go/",
  "gpg-key-fingerprint": "EB4C1BFD4F042F6DDDCCEC917721F63BD38B4796",
  "gpg-key-url": "https://dl.google.com/linux/linux_signing_key.pub",
  "gpg-public-key": "",
  cache: "true",
  annotations: "true",
  summary: "true",
  "sarif-file": "",
  "report-file": "",
  "sbom-file": "",
  "github-token": "${{ github.token }}",
  "comment-summary-in-pr": "never",
  "check-run": "false"
};
function listOf(text) {
  return text.split(/[,\r\n]/).map((s) => s.trim()).filter(Boolean);
}
function parseBoolean(name, value) {
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new ConfigError(name, value, "true or false");
}
function parseThreshold(name, value) {
  if (!/^-?\d+$/.test(value) || Number(value) < -1 || !Number.isSafeInteger(Number(value))) {
    throw new ConfigError(name, value, "a whole number >= 0, or -1 for no limit");
  }
  return Number(value);
}
function parseChecks(value) {
  const checks = /* @__PURE__ */ new Set();
  for (const id of listOf(value)) {
    if (!STEP_IDS.includes(id)) {
      throw new ConfigError("checks", id, STEP_IDS.join(", "));
    }
    checks.add(id);
  }
  if (checks.size === 0) throw new ConfigError("checks", value, `one or more of ${STEP_IDS.join(", ")}`);
  return checks;
}
function parseRuleSeverities(value) {
  const accepted = [...SEVERITIES, "off"];
  const result = /* @__PURE__ */ new Map();
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trim().replace(/\u2011/g, "-");
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-z0-9-]+)\s*:\s*(\S+)$/.exec(line);
    if (!match) throw new ConfigError("rules", line, '"rule-id: error|warning|notice|off", one a line');
    const [, rule, severity] = match;
    if (!(rule in RULES)) throw new ConfigError("rules", rule, `a rule ID: ${Object.keys(RULES).join(", ")}`);
    if (!accepted.includes(severity)) throw new ConfigError("rules", line, accepted.join(", "));
    result.set(rule, severity);
  }
  return result;
}
function parseEnum(name, value, accepted) {
  if (!accepted.includes(value)) throw new ConfigError(name, value, accepted.join(", "));
  return value;
}
function parseUrl(name, value) {
  try {
    const url = new URL(value);
    if (url.protocol === "https:" || url.protocol === "http:") return value;
  } catch {
  }
  throw new ConfigError(name, value, "an http(s) URL");
}
function optional(value) {
  return value === "" ? void 0 : value;
}
function parseConfig(raw, cwd = process.cwd(), env = process.env) {
  const get = (name) => (raw[name] ?? INPUT_DEFAULTS[name]).trim() || INPUT_DEFAULTS[name];
  const workingDirectory = path.resolve(cwd, get("working-directory"));
  let allowReplace;
  try {
    allowReplace = parseAllowReplace(get("allow-replace"));
  } catch (error) {
    throw new ConfigError(
      "allow-replace",
      error instanceof Error ? error.message : String(error),
      '"old [version] => new [version]" a line, where * matches within a path element and ** across'
    );
  }
  let denyModules;
  try {
    denyModules = parseDenyModules(get("deny-modules"));
  } catch (error) {
    if (!(error instanceof DenyPatternError)) throw error;
    throw new ConfigError("deny-modules", error.message, DENY_SYNTAX);
  }
  const sha256 = optional(get("toolchain-sha256"));
  if (sha256 !== void 0 && !/^[0-9a-f]{64}$/i.test(sha256)) {
    throw new ConfigError("toolchain-sha256", sha256, "64 hexadecimal digits");
  }
  const fingerprint = get("gpg-key-fingerprint").replace(/\s+/g, "").toUpperCase();
  if (!/^[0-9A-F]{40}$/.test(fingerprint)) {
    throw new ConfigError("gpg-key-fingerprint", get("gpg-key-fingerprint"), "a 40-hex-digit OpenPGP v4 fingerprint");
  }
  const modules = listOf(get("modules"));
  const baseRef = optional(get("base-ref"));
  if (baseRef !== void 0 && !isCommitish(baseRef)) {
    throw new ConfigError(
      "base-ref",
      baseRef,
      'a commit SHA, or a branch or tag name as git check-ref-format allows it, optionally with ~N or ^N (no ":", no leading "-" or "+", no spaces or control characters)'
    );
  }
  return {
    workingDirectory,
    modules: modules.length > 0 ? modules : void 0,
    checks: parseChecks(get("checks")),
    baseRef,
    failOn: parseEnum("fail-on", get("fail-on"), [...SEVERITIES, "never"]),
    ruleSeverity: parseRuleSeverities(get("rules")),
    maxNewModules: parseThreshold("max-new-modules", get("max-new-modules")),
    maxUpdatedModules: parseThreshold("max-updated-modules", get("max-updated-modules")),
    maxMajorUpgrades: parseThreshold("max-major-upgrades", get("max-major-upgrades")),
    allowReplace,
    allowLocalReplace: parseBoolean("allow-local-replace", get("allow-local-replace")),
    onlyNew: parseBoolean("only-new", get("only-new")),
    denyModules,
    goBinary: get("go-binary"),
    toolchain: {
      trust: parseEnum("toolchain-trust", get("toolchain-trust"), ["archive", "module", "both"]),
      sha256: sha256?.toLowerCase(),
      archive: optional(get("toolchain-archive")),
      checksumsUrl: parseUrl("toolchain-checksums-url", get("toolchain-checksums-url")),
      downloadUrl: parseUrl("toolchain-download-url", get("toolchain-download-url")),
      gpgKeyFingerprint: fingerprint,
      gpgKeyUrl: parseUrl("gpg-key-url", get("gpg-key-url")),
      gpgPublicKey: optional(get("gpg-public-key"))
    },
    cache: parseBoolean("cache", get("cache")),
    annotations: parseBoolean("annotations", get("annotations")),
    summary: parseBoolean("summary", get("summary")),
    sarifFile: optional(get("sarif-file")),
    reportFile: optional(get("report-file")),
    variables: parseVariables(env),
    sbomFile: optional(get("sbom-file")),
    commentSummaryInPr: parseEnum("comment-summary-in-pr", get("comment-summary-in-pr"), COMMENT_MODES),
    checkRun: parseBoolean("check-run", get("check-run"))
  };
}

// src/policy.ts
var THRESHOLDS = [
  { rule: "sum-new-modules-limit", input: "max-new-modules", limit: "maxNewModules", counted: "added" },
  { rule: "sum-updated-modules-limit", input: "max-updated-modules", limit: "maxUpdatedModules", counted: "updated" },
  { rule: "sum-major-upgrades-limit", input: "max-major-upgrades", limit: "maxMajorUpgrades", counted: "majors" }
];
var thresholds = (findings, { config, step, drift, at }) => {
  if (step !== "sum-drift" || drift === void 0) return findings;
  const over = [];
  for (const t of THRESHOLDS) {
    const limit = config[t.limit];
    const counted = drift[t.counted];
    if (limit < 0 || counted.length <= limit) continue;
    over.push(
      newFinding(t.rule, {
        ...at,
        message: `${counted.length} ${counted.length === 1 ? "module counts" : "modules count"} toward ${t.input}, more than the ${limit} allowed: ${counted.join(", ")}. Split the change, or raise ${t.input}.`
      })
    );
  }
  return [...findings, ...over];
};
function allRulesOff(config, rules) {
  return rules.every((rule) => config.ruleSeverity.get(rule) === "off");
}
var severityOverrides = (findings, { config }) => {
  const out = [];
  for (const f of findings) {
    if (allRulesOff(config, [f.rule])) continue;
    const override = config.ruleSeverity.get(f.rule);
    out.push(override === void 0 ? f : { ...f, severity: override });
  }
  return out;
};
var redaction = (findings) => findings.map((f) => ({ ...f, message: redactSecrets(f.message) }));
var dedupe = (findings) => {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((f) => {
    const key = JSON.stringify([f.step, f.rule, f.file, f.line, f.module, f.version, f.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
var sort = (findings) => [...findings].sort(compareFindings);
var PROCESSORS = [
  // First: a threshold counts modules whatever `rules` does to the findings counted (turning
  // sum-module-added off must not lift max-new-modules); its own finding is overridable next.
  thresholds,
  // Before the rest: every later processor, and the fail decision, must see the severities in force.
  severityOverrides,
  // After overrides (a dropped finding needs no redaction); before dedupe, which compares messages.
  redaction,
  // After redaction: two messages differing only in a secret are one finding.
  dedupe,
  // Last: the order of what is reported.
  sort
];
function applyProcessors(findings, input) {
  return PROCESSORS.reduce((fs, process2) => process2(fs, input), findings);
}
function isBlocking(f, failOn) {
  return failOn !== "never" && severityRank(f.severity) >= severityRank(failOn);
}
function mergeSteps(steps) {
  const seen = /* @__PURE__ */ new Set();
  const merged = [];
  for (const f of steps.flatMap((s) => s.findings)) {
    const key = JSON.stringify([f.rule, f.file, f.line, f.module, f.version, f.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(f);
  }
  return merged.sort(compareFindings);
}
function stepStatus(findings, judged, error, config) {
  if (error !== void 0 || findings.some((f) => isBlocking(f, config.failOn))) return "failed";
  return !judged && findings.length > 0 && findings.every((f) => f.rule === "step-skipped") ? "skipped" : "passed";
}
function verdict(steps, blocking) {
  const broken = steps.filter((s) => s.error !== void 0);
  if (broken.length > 0) return { outcome: "broken", message: broken.map((s) => `step ${s.step}: ${s.error}`).join("; ") };
  return blocking > 0 ? { outcome: "blocked", blocking } : { outcome: "passed" };
}

// src/report/markdown.ts
var SPECIAL = /[\\`*_[\]()!<>&|#~$^{}"':]/g;
var LINKISH = /@|:\/\/|www\.|#\d|\bgh-\d/i;
function controlsVisible(text) {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => {
    const n = c.charCodeAt(0);
    return n < 32 ? String.fromCharCode(9216 + n) : n === 127 ? "\u2421" : "\uFFFD";
  });
}
function entities(text) {
  return text.replace(SPECIAL, (c) => `&#${c.charCodeAt(0)};`);
}
function code(text, where = "cell") {
  let body = controlsVisible(text).replace(/\r\n|\r|\n/g, "\u2424");
  if (where === "cell") body = body.replace(/\|/g, "\\|");
  if (body === "") return "` `";
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || /^ .* $/.test(body) ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}
function escapeMarkdown(text) {
  return controlsVisible(text).replace(/\r\n|\r|\n|[^\s]+/g, (word) => {
    if (word === "\n" || word === "\r" || word === "\r\n") return "<br>";
    if (!LINKISH.test(word)) return entities(word);
    const lead = /^[(["']*/.exec(word)[0];
    const tail = /[.,;:!?)\]"']*$/.exec(word.slice(lead.length))[0];
    return `${entities(lead)}${code(word.slice(lead.length, word.length - tail.length))}${entities(tail)}`;
  });
}
var ruleLabels = /* @__PURE__ */ new Map();
function ruleLabel(rule) {
  let label = ruleLabels.get(rule);
  if (label === void 0) ruleLabels.set(rule, label = code(rule.replace(/-/g, "\u2011")));
  return label;
}
function encodeSegment(segment) {
  return encodeURIComponent(segment).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function location(file, line, links) {
  const repoPath = links?.repoPath(file);
  if (links === void 0 || repoPath === void 0) return code(`${file}:${line}`);
  const label = code(`${repoPath}:${line}`);
  const url = `${links.serverUrl}/${links.repository}/blob/${links.sha}/${repoPath.split("/").map(encodeSegment).join("/")}#L${line}`;
  return `[${label}](${url})`;
}
function blobLinks(env, repoPath) {
  const { serverUrl, repository, sha } = env;
  if (!serverUrl || !repository || !sha) return void 0;
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository) || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) {
    return void 0;
  }
  let url;
  try {
    url = new URL(serverUrl);
  } catch {
    return void 0;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return void 0;
  return { serverUrl: url.origin + url.pathname.replace(/\/+$/, ""), repository, sha, repoPath };
}
var BoundedLines = class {
  constructor(limitBytes) {
    this.limitBytes = limitBytes;
  }
  limitBytes;
  lines = [];
  bytes = 0;
  /** Adds every line or none of them; false when they would not fit. */
  tryAdd(...lines) {
    const size = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
    if (this.bytes + size > this.limitBytes) return false;
    this.lines.push(...lines);
    this.bytes += size;
    return true;
  }
};

// src/report/summary.ts
var SUMMARY_LIMIT_BYTES = 1024 * 1024;
var TRAILER_BYTES = 32 * 1024;
var MAX_SAME_PLACE = 5;
var ICON = { passed: "\u2705", failed: "\u274C", skipped: "\u23ED\uFE0F" };
var SEVERITY_ICON = { error: "\u{1F6D1}", warning: "\u26A0\uFE0F", notice: "\u2139\uFE0F" };
function countBySeverity(findings) {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
function countsLine(findings) {
  const counts = countBySeverity(findings);
  return [...SEVERITIES].reverse().map((s) => `${counts[s]} ${s}${counts[s] === 1 ? "" : "s"}`).join(", ");
}
function gateFailed(result) {
  return result.blocking > 0 || result.steps.some((s) => s.error !== void 0);
}
function verdictLine(result) {
  return result.blocking > 0 ? `**Failed:** ${result.blocking} blocking finding(s); ${countsLine(result.findings)}.` : gateFailed(result) ? `**Failed:** a step could not run to the end; ${countsLine(result.findings)}.` : `**Passed:** ${countsLine(result.findings)}.`;
}
function baseLine(result) {
  if (result.base === void 0) return "Base commit: none needed by the steps run.";
  if ("sha" in result.base) return `Base commit: ${code(result.base.sha, "text")}.`;
  return `Base commit: none. ${escapeMarkdown(result.base.skipped)}`;
}
var placeKey = (p) => `${p.file}
${p.line}`;
var placesOf = (f) => [f, ...f.also ?? []];
function samePlace(findings) {
  const byPlace = /* @__PURE__ */ new Map();
  for (const f of findings) {
    for (const p of placesOf(f)) {
      if (p.line === 1) continue;
      const at = byPlace.get(placeKey(p));
      if (at === void 0) byPlace.set(placeKey(p), [f]);
      else at.push(f);
    }
  }
  const related = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const others = new Set(placesOf(f).flatMap((p) => byPlace.get(placeKey(p)) ?? []));
    others.delete(f);
    if (others.size > 0) related.set(f, [...others]);
  }
  return related;
}
function findingRow(f, related, links) {
  const places = placesOf(f).map((p) => location(p.file, p.line, links)).join(", ");
  let xref = "";
  if (related !== void 0) {
    const named = related.slice(0, MAX_SAME_PLACE).map((o) => `${ruleLabel(o.rule)} (${o.step})`);
    const more = related.length > MAX_SAME_PLACE ? ` and ${related.length - MAX_SAME_PLACE} more` : "";
    xref = `<br>**Same line:** ${named.join(", ")}${more}`;
  }
  return `| ${SEVERITY_ICON[f.severity]} ${f.severity} | ${ruleLabel(f.rule)} | ${places} | ${escapeMarkdown(f.message)}${xref} |`;
}
var FINDINGS_HEADER = ["| severity | rule | location | message |", "|---|---|---|---|"];
function modulesLine(result, shown = 100) {
  const dirs = result.scope.modules.map((m) => code(m.relDir, "text"));
  return shortList(dirs, shown) || "none";
}
function head(result) {
  const lines = [
    "## go-guard",
    "",
    verdictLine(result),
    "",
    baseLine(result),
    "",
    `Modules: ${modulesLine(result)}`,
    "",
    "| step | status | findings | time |",
    "|---|---|---|---|"
  ];
  for (const s of result.steps) {
    const status = `${ICON[s.status]} ${s.status}${s.error ? `: ${escapeMarkdown(s.error)}` : ""}`;
    lines.push(`| ${s.step} | ${status} | ${s.findings.length} | ${(s.durationMs / 1e3).toFixed(2)} s |`);
  }
  return lines;
}
function section(step, rows) {
  return rows.length === 0 ? [] : ["", `### ${step}`, "", ...FINDINGS_HEADER, ...rows];
}
function omittedTable(omitted, omittedBlocking, options) {
  const byRule = /* @__PURE__ */ new Map();
  for (const f of omitted) {
    const key = `${f.rule}
${f.severity}
${f.step}`;
    const entry = byRule.get(key) ?? { severity: f.severity, step: f.step, n: 0 };
    entry.n++;
    byRule.set(key, entry);
  }
  const where = options.reportFile ? `the JSON report ${code(options.reportFile, "text")}` : "the JSON report (set the `report-file` input to write it)";
  const lines = [
    "",
    "### Not shown",
    "",
    omittedBlocking === 0 ? `All of it would pass GitHub's 1 MiB limit: this summary shows every blocking finding and the most severe of the others, and counts the other ${omitted.length} here.` : `Even the blocking findings alone pass GitHub's 1 MiB limit: ${omittedBlocking} of them are counted here with the other findings.`,
    `Every finding is in ${where}; with \`check-run: true\` the check run carries each as an annotation.`,
    "",
    "| rule | step | severity | findings |",
    "|---|---|---|---|"
  ];
  for (const [key, e] of byRule) {
    lines.push(`| ${ruleLabel(key.split("\n")[0])} | ${e.step} | ${SEVERITY_ICON[e.severity]} ${e.severity} | ${e.n} |`);
  }
  return lines;
}
function renderSummary(result, options) {
  const limit = options.limitBytes ?? SUMMARY_LIMIT_BYTES;
  const related = samePlace(result.findings);
  const rows = new Map(result.findings.map((f) => [f, findingRow(f, related.get(f), options.links)]));
  const render = (shown2) => [
    ...head(result),
    ...result.steps.flatMap(
      (s) => section(
        s.step,
        result.findings.filter((f) => f.step === s.step && shown2(f)).map((f) => rows.get(f))
      )
    )
  ];
  const text = `${render(() => true).join("\n")}
`;
  if (Buffer.byteLength(text) <= limit) return text;
  const heads = Buffer.byteLength(render(() => false).join("\n")) + result.steps.length * 128;
  let room = limit - TRAILER_BYTES - heads;
  const shown = /* @__PURE__ */ new Set();
  const blocking = (f) => isBlocking(f, options.failOn);
  for (const f of [...result.findings.filter(blocking), ...result.findings.filter((f2) => !blocking(f2))]) {
    const size = Buffer.byteLength(rows.get(f)) + 1;
    if (size > room) break;
    room -= size;
    shown.add(f);
  }
  const omitted = result.findings.filter((f) => !shown.has(f));
  return `${[...render((f) => shown.has(f)), ...omittedTable(omitted, omitted.filter(blocking).length, options)].join("\n")}
`;
}

export {
  require_picomatch2 as require_picomatch,
  findAllowingRule,
  shortList,
  traceProcesses,
  runProcess,
  withoutCredentials,
  GitError,
  resolveBase,
  CommitFiles,
  ignoredPaths,
  isValid,
  canonical,
  major,
  build,
  compare,
  findDenyingRule,
  RULES,
  SEVERITIES,
  STEP_IDS,
  compareText,
  compareFindings,
  newFinding,
  skipped,
  blockingSkip,
  redactSecrets,
  ConfigError,
  parseVariables,
  INPUT_DEFAULTS,
  parseConfig,
  allRulesOff,
  applyProcessors,
  isBlocking,
  mergeSteps,
  stepStatus,
  verdict,
  code,
  escapeMarkdown,
  location,
  blobLinks,
  BoundedLines,
  SEVERITY_ICON,
  countBySeverity,
  countsLine,
  gateFailed,
  verdictLine,
  samePlace,
  findingRow,
  modulesLine,
  renderSummary
};
