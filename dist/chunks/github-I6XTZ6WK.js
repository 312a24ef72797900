import { createRequire as __goGuardCreateRequire } from 'node:module'; const require = __goGuardCreateRequire(import.meta.url);
import {
  emitAnnotations,
  headLinks,
  publishToGitHub,
  takeGitHubToken
} from "./chunk-ZMQRHQPJ.js";
import "./chunk-23QYM4ZX.js";
import "./chunk-UW4H7KUS.js";
import "./chunk-WYOLP7NZ.js";
export {
  emitAnnotations,
  headLinks,
  publishToGitHub,
  takeGitHubToken
};
