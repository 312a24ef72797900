import type { Severity, StepId } from './findings.js'

export interface RuleInfo {
  step: StepId | 'any'
  severity: Severity
  /** When the rule fires. */
  summary: string
  /** How a user makes it pass. */
  fix: string
}

/** Every rule of the contract, with its default severity. */
export const RULES = {
  'step-skipped': {
    step: 'any',
    severity: 'notice',
    summary:
      'a step could not run; at error where skipping weakens the gate (a base commit that cannot be read or fetched, a `go` line newer than the running go)',
    fix: 'give the step what its finding says it needs (a base commit, the module proxy, a newer go); some skips need nothing'
  },
  'toolchain-checksum-mismatch': {
    step: 'toolchain',
    severity: 'error',
    summary: 'the toolchain archive SHA-256 differs from the official or pinned value',
    fix: 'install Go from the official archive (actions/setup-go does) and check `toolchain-sha256` if you pinned one'
  },
  'toolchain-signature-invalid': {
    step: 'toolchain',
    severity: 'error',
    summary: 'the archive .asc signature does not verify against the pinned release key',
    fix: 'obtain the archive from the official downloads; never override `gpg-key-fingerprint` to make this pass'
  },
  'toolchain-file-modified': {
    step: 'toolchain',
    severity: 'error',
    summary: 'an installed GOROOT file differs from the verified archive, or an executable was added or removed',
    fix: 'reinstall Go from a fresh official archive; find out what modified GOROOT on the runner'
  },
  'toolchain-unverifiable': {
    step: 'toolchain',
    severity: 'error',
    summary: 'the archive, checksum list or signature could not be obtained (fail closed)',
    fix: 'allow access to the downloads, or pin `toolchain-sha256` and `toolchain-archive`'
  },
  'toolchain-version-mismatch': {
    step: 'any',
    severity: 'warning',
    summary:
      "the running toolchain is older than a go.mod's or go.work's `go` or `toolchain` line (reported whichever steps run)",
    fix: 'install the Go version go.mod asks for (setup-go with `go-version-file: go.mod`)'
  },
  'scope-symlinked-file': {
    step: 'any',
    severity: 'error',
    summary:
      'a go.mod, go.sum, go.work or go.work.sum is a symbolic link (go follows it; its target need not be in the commit)',
    fix: 'commit the file itself instead of a link to it'
  },
  'scope-outside-repository': {
    step: 'any',
    severity: 'error',
    summary:
      'a go.work `use`, or a directory `replace` of a go.mod or go.work, names a directory outside `working-directory`, or go would build with a go.work outside it (`GOWORK`, or one in a directory above it): the build depends on code no reviewer sees',
    fix: 'move the module into the repository, or drop the `use` or `replace` directive'
  },
  'scope-unreadable': {
    step: 'any',
    severity: 'error',
    summary:
      'a file or directory in scope cannot be read or parsed as go reads it (too long a path, unreadable, a go.mod go cannot parse or that is not UTF-8)',
    fix: 'fix the file on the line named (or shorten, or make readable, the path), so that it can be judged'
  },
  'path-shadowed-go': {
    step: 'toolchain',
    severity: 'error',
    summary: 'PATH holds more than one distinct `go`, or the first is not the one judged',
    fix: 'remove the other `go` binaries from PATH, or point `go-binary` at the one the job uses'
  },
  'path-unsafe-entry': {
    step: 'toolchain',
    severity: 'warning',
    summary: 'PATH holds an empty, relative or world-writable entry',
    fix: 'use absolute PATH entries in directories only the job user can write'
  },
  'env-weakened-verification': {
    step: 'toolchain',
    severity: 'error',
    summary: 'the Go environment disables or narrows checksum verification',
    fix: 'remove the setting from the place the message names (job env, `go env -w` file or $GOROOT/go.env)'
  },
  'env-notice': {
    step: 'toolchain',
    severity: 'notice',
    summary: 'a Go environment setting worth a reviewer’s eye that does not disable verification',
    fix: 'confirm the setting is intended'
  },
  'mod-verify-failed': {
    step: 'verify',
    severity: 'error',
    summary:
      'a module in the module cache does not hash to what was recorded, a replacement’s cached copy does not hash to its go.sum line, or `go mod verify` failed without naming a module (nothing was verified)',
    fix: 'clear the module cache (`go clean -modcache`) and the Actions cache entry, then find out who modified it'
  },
  'mod-download-failed': {
    step: 'verify',
    severity: 'error',
    summary: 'a required module cannot be downloaded (unknown revision, gone, checksum mismatch)',
    fix: 'require a version that exists; on a checksum mismatch, do not edit go.sum: find out why the module content changed'
  },
  'sum-missing-entry': {
    step: 'verify',
    severity: 'error',
    summary: 'go.sum lacks an entry the build needs',
    fix: 'run `go mod tidy` and commit go.sum'
  },
  'mod-denied': {
    step: 'verify',
    severity: 'error',
    summary: 'a module the build uses matches `deny-modules` (the message names the pattern and its reason)',
    fix: 'remove the requirement or move to an allowed version; `go mod why -m <module>` shows what pulls it in'
  },
  'mod-not-tidy': {
    step: 'verify',
    severity: 'warning',
    summary:
      'go.mod or go.sum differ from what `go mod tidy` writes (`go mod tidy -diff` on scratch copies), on each line that would change',
    fix: 'run `go mod tidy` and commit go.mod and go.sum'
  },
  'sum-hash-changed': {
    step: 'sum-drift',
    severity: 'error',
    summary: 'a module@version present in base and head has a different hash',
    fix: 'restore the base hash; a published version never changes content'
  },
  'sum-unverified-hash': {
    step: 'sum-drift',
    severity: 'error',
    summary: 'a new or changed go.sum line disagrees with (or could not be checked against) the checksum database',
    fix: 'regenerate the line with `go mod tidy` against the checksum database; never hand-edit go.sum'
  },
  'sum-malformed-line': {
    step: 'sum-drift',
    severity: 'error',
    summary: 'a go.sum or go.work.sum line go refuses (go then refuses the whole file)',
    fix: 'regenerate the file with `go mod tidy` (`go mod download` in a workspace); never hand-edit it'
  },
  'sum-module-added': {
    step: 'sum-drift',
    severity: 'notice',
    summary: 'a module the build uses is new (go.mod requires it or go.sum hashes its content)',
    fix: 'review the new dependency'
  },
  'sum-module-removed': {
    step: 'sum-drift',
    severity: 'notice',
    summary: 'a module left the build (go.mod no longer requires it, go.sum no longer hashes its content)',
    fix: 'nothing, if intended'
  },
  'sum-module-upgraded': {
    step: 'sum-drift',
    severity: 'notice',
    summary: "a module's version went up",
    fix: 'review the upgrade'
  },
  'sum-module-downgraded': {
    step: 'sum-drift',
    severity: 'warning',
    summary: "a module's version went down",
    fix: 'confirm the downgrade is intended; it can reintroduce fixed vulnerabilities'
  },
  'sum-major-upgrade': {
    step: 'sum-drift',
    severity: 'warning',
    summary: 'a dependency moved to a new major version',
    fix: 'review the breaking changes of the new major version'
  },
  'sum-pseudo-version': {
    step: 'sum-drift',
    severity: 'warning',
    summary: 'a new requirement is a pseudo-version although the module has a tagged release newer than it',
    fix: 'require the tagged release'
  },
  'sum-pseudo-version-untagged': {
    step: 'sum-drift',
    severity: 'notice',
    summary: 'a new requirement is a pseudo-version of a module with no tagged release newer than it',
    fix: 'nothing to require instead; review the commit, and ask upstream to tag a release'
  },
  'sum-pseudo-version-inherited': {
    step: 'sum-drift',
    severity: 'notice',
    summary:
      'a new pseudo-version requirement this change did not choose: a dependency requires that commit, or the base already required a pseudo-version of the module',
    fix: 'nothing to change here; review the commit'
  },
  'sum-new-modules-limit': {
    step: 'sum-drift',
    severity: 'error',
    summary: 'more modules were added than `max-new-modules`',
    fix: 'split the change, or raise `max-new-modules`'
  },
  'sum-updated-modules-limit': {
    step: 'sum-drift',
    severity: 'error',
    summary: 'more module versions changed than `max-updated-modules`',
    fix: 'split the change, or raise `max-updated-modules`'
  },
  'sum-major-upgrades-limit': {
    step: 'sum-drift',
    severity: 'error',
    summary: 'more major upgrades than `max-major-upgrades`',
    fix: 'split the change, or raise `max-major-upgrades`'
  },
  'sum-retracted-version': {
    step: 'sum-drift',
    severity: 'warning',
    summary:
      'a requirement new or changed against the base (every one without a base) names a version its author retracted',
    fix: 'require a version that is not retracted (`go list -m -versions <module>`); the message carries the rationale'
  },
  'sum-deprecated-module': {
    step: 'sum-drift',
    severity: 'warning',
    summary:
      'a requirement new or changed against the base (every one without a base) names a module whose latest go.mod says `// Deprecated:`',
    fix: 'move to the replacement the deprecation names, or confirm the dependency is still wanted'
  },
  'vendor-file-modified': {
    step: 'vendor',
    severity: 'error',
    summary: 'a vendored file differs from the regenerated one',
    fix: 'run `go mod vendor` and commit the result; never edit vendor/ by hand'
  },
  'vendor-file-missing': {
    step: 'vendor',
    severity: 'error',
    summary: 'a file the regeneration produces is absent (also one .gitignore excludes, where the build reads it)',
    fix: 'run `go mod vendor` and commit the result (`git add -f` for an ignored file)'
  },
  'vendor-file-ignored': {
    step: 'vendor',
    severity: 'notice',
    summary:
      'files the regeneration produces are absent because .gitignore excludes them, and the build never reads them',
    fix: 'nothing, if intended: `go mod vendor` followed by `git status` stays clean'
  },
  'vendor-file-extra': {
    step: 'vendor',
    severity: 'error',
    summary: 'a committed vendored file the regeneration does not produce',
    fix: 'run `go mod vendor` and commit the result'
  },
  'vendor-modules-txt-mismatch': {
    step: 'vendor',
    severity: 'error',
    summary: 'vendor/modules.txt disagrees with go.mod',
    fix: 'run `go mod vendor` and commit the result'
  },
  'vendor-unsafe-entry': {
    step: 'vendor',
    severity: 'error',
    summary: 'vendor/ holds a symlink, a non-regular file or a path escaping the module',
    fix: 'remove the entry and run `go mod vendor`'
  },
  'replace-local-path': {
    step: 'replace',
    severity: 'error',
    summary: 'a replacement by a local directory',
    fix: 'remove the replace, or set `allow-local-replace: true` for a monorepo'
  },
  'replace-not-allowed': {
    step: 'replace',
    severity: 'error',
    summary: 'a replacement not matched by `allow-replace`',
    fix: 'remove the replace, or add `old => new` to `allow-replace`'
  },
  'replace-in-workspace': {
    step: 'replace',
    severity: 'error',
    summary: 'a replace directive in go.work',
    fix: 'move the replacement into the module’s go.mod where policy can review it, or drop it'
  }
} as const satisfies Record<string, RuleInfo>

/** A rule ID: a misspelt one fails the build. */
export type RuleId = keyof typeof RULES

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id)
}
