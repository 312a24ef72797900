import { createRequire as __goGuardCreateRequire } from 'node:module'; const require = __goGuardCreateRequire(import.meta.url);
import {
  emitAnnotations,
  headLinks,
  publishToGitHub,
  takeGitHubToken
} from "./chunk-DSCEJLVI.js";
import "./chunk-V65YT7HP.js";
import "./chunk-UW4H7KUS.js";
import "./chunk-WYOLP7NZ.js";
export {
  emitAnnotations,
  headLinks,
  publishToGitHub,
  takeGitHubToken
};
