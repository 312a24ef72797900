import * as path from 'node:path'

/**
 * Where the finding's file is for GitHub: findings are relative to the repository root
 * (working-directory), while annotations and code scanning resolve paths against the checkout
 * (GITHUB_WORKSPACE), which the repository root may be below.
 */
export type WorkspacePaths = (file: string) => string

export function workspacePaths(root: string, workspace: string): WorkspacePaths {
  return file => path.relative(workspace, path.join(root, file)).split(path.sep).join('/')
}
