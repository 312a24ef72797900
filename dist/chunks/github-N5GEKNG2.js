import { createRequire as __goGuardCreateRequire } from 'node:module'; const require = __goGuardCreateRequire(import.meta.url);
import {
  emitAnnotations,
  headLinks,
  publishToGitHub,
  takeGitHubToken
} from "./chunk-7MCZJGE2.js";
import "./chunk-22UYOMEH.js";
import "./chunk-UW4H7KUS.js";
import "./chunk-WYOLP7NZ.js";
export {
  emitAnnotations,
  headLinks,
  publishToGitHub,
  takeGitHubToken
};
