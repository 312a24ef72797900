/**
 * Repository text on its way out: the escaping log writer against workflow-command syntax, and
 * module paths checked with go's own rules (asked of the real go command) before they reach it.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { checkModulePath, checkModuleVersion } from '../src/go/module.js'
import { actionsLogger, escapeLogText } from '../src/logger.js'
import { GO_BIN } from './helpers/go.js'

describe('the escaping log writer', () => {
  it.each([
    ['a newline starting a command', 'x\n::add-mask::secret', 'x%0A::add-mask::secret'],
    ['a carriage return', 'x\r::warning file=a.go,line=1::boo', 'x%0D::warning file=a.go,line=1::boo'],
    ['a command at the start', '::stop-commands::token', '%3A:stop-commands::token'],
    ['a command after white space', '  ::error::x', '  %3A:error::x'],
    ['the legacy form, anywhere', 'see ##[set-output name=a;]b', 'see ##%5Bset-output name=a;]b'],
    ['an escape already written', 'x%0A::error::y', 'x%250A::error::y'],
    ['ANSI sequences', 'a\x1b[2K\x1b[1Ab\x1b]0;title\x07c\x9b31md', 'abcd'],
    ['other control characters', 'a\x00b\x07c\tc', 'a%00b%07c\tc'],
    ['a credential in a URL', 'GOPROXY=https://t0ken@proxy.internal', 'GOPROXY=https://***@proxy.internal']
  ])('%s', (_what, text, line) => {
    expect(escapeLogText(text)).toBe(line)
  })

  it('writes one line per message, warnings and debug as the commands the runner shows', () => {
    const written: string[] = []
    const logger = actionsLogger(line => written.push(line))
    logger.info('modules: a\n::add-mask::b')
    logger.warning('w\n::error::x')
    logger.debug('d\r\n::notice::y')
    expect(written).toEqual([
      'modules: a%0A::add-mask::b\n',
      '::warning::w%0A::error::x\n',
      '::debug::d%0D%0A::notice::y\n'
    ])
  })
})

describe('module paths, by go rules', () => {
  const paths = [
    'example.com/ok',
    'example.com/ok/v2',
    'gopkg.in/yaml.v3',
    'example.com/A_b.c~d',
    '-modfile=/tmp/pwned/go.mod',
    'Example.com/x',
    'example.com/a b',
    'example.com/x/v1',
    'example.com/con',
    'example.com/LPT1.txt',
    'nodot/x',
    'example.com/x~1',
    'example.com/.x',
    'example.com/x.',
    'example.com//x',
    'example.com/x/',
    'example.com/..',
    'example.com/x\u00e9',
    'exa_mple.com/x'
  ]

  it('checkModulePath gives the reason go gives, or none where go takes the path', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'go-guard-paths-'))
    let out: string
    try {
      // GOPROXY=off: a path go takes fails the lookup instead; `--` ends go's flags.
      out = execFileSync(GO_BIN, ['mod', 'download', '-json', '--', ...paths.map(p => `${p}@v1.0.0`)], {
        cwd: dir,
        env: { ...process.env, GOPROXY: 'off', GOFLAGS: '', GOTOOLCHAIN: 'local', GOWORK: 'off' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore']
      })
    } catch (error) {
      out = (error as { stdout: string }).stdout
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
    const byGo = new Map<string, string>()
    for (const m of out.matchAll(
      /"Path": "((?:[^"\\]|\\.)*)",\n\t"Version": "v1.0.0",\n\t"Error": "((?:[^"\\]|\\.)*)"/g
    )) {
      const modulePath = JSON.parse(`"${m[1]}"`) as string
      const error = JSON.parse(`"${m[2]}"`) as string
      byGo.set(modulePath, /: malformed module path "(?:[^"\\]|\\.)*": (.*)$/.exec(error)?.[1] ?? '')
    }
    expect(Object.fromEntries(paths.map(p => [p, checkModulePath(p)]))).toEqual(
      Object.fromEntries(paths.map(p => [p, byGo.get(p)]))
    )
  })

  it('checkModuleVersion also wants the canonical version a go.sum line has', () => {
    expect(checkModuleVersion('example.com/x', 'v1.2.3')).toBe('')
    expect(checkModuleVersion('example.com/x', 'v2.0.0+incompatible')).toBe('')
    expect(checkModuleVersion('example.com/x', 'v0.0.0-20240101000000-abcdefabcdef')).toBe('')
    expect(checkModuleVersion('example.com/x', 'v1.2')).toMatch(/not a canonical semantic version/)
    expect(checkModuleVersion('example.com/x', '-v1.2.3')).toMatch(/not a canonical semantic version/)
    expect(checkModuleVersion('example.com/x', 'master')).toMatch(/not a canonical semantic version/)
    expect(checkModuleVersion('-x', 'v1.0.0')).toBe('malformed module path "-x": leading dash')
  })
})
