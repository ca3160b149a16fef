/** What load-engines sends to every JMeter pod: the jmeter dir's files, links followed, loops and size refused. */
import { closeSync, mkdirSync, openSync, ftruncateSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../../src/contracts/errors.js'
import {
  MAX_TESTS_BYTES,
  testsUpload,
  type UploadedFile
} from '../../../src/jmeter-tests/cluster/tests-upload.js'
import { tempDirs } from '../../helpers/temp-dirs.js'

const scratch = tempDirs('tests-upload-')

const uploaded = (dir: string) =>
  new Map(
    (JSON.parse(testsUpload(dir)) as { files: UploadedFile[] }).files.map(f => [
      f.path,
      { mode: f.mode, text: Buffer.from(f.data, 'base64').toString() }
    ])
  )

describe('testsUpload', () => {
  it('sends every file with its path, mode and bytes; linked files and folders are followed', () => {
    const root = scratch()
    const dir = path.join(root, 'jmeter')
    mkdirSync(path.join(dir, 'data'), { recursive: true })
    writeFileSync(path.join(dir, 'load.jmx'), '<jmeterTestPlan/>')
    writeFileSync(path.join(dir, 'data', 'items.csv'), 'a,b\n', { mode: 0o640 })
    writeFileSync(path.join(root, 'shared.csv'), 'x\n')
    mkdirSync(path.join(root, 'common'))
    writeFileSync(path.join(root, 'common', 'users.csv'), 'u\n')
    symlinkSync(path.join(root, 'shared.csv'), path.join(dir, 'data', 'shared.csv'))
    // Two links to the same folder are not a loop: its files come twice, under both names.
    symlinkSync(path.join(root, 'common'), path.join(dir, 'common'))
    symlinkSync(path.join(root, 'common'), path.join(dir, 'data', 'common'))
    const files = uploaded(dir)
    expect([...files.keys()].sort()).toEqual([
      'common/users.csv',
      'data/common/users.csv',
      'data/items.csv',
      'data/shared.csv',
      'load.jmx'
    ])
    expect(files.get('data/items.csv')).toEqual({ mode: 0o640, text: 'a,b\n' })
    expect(files.get('data/shared.csv')?.text).toBe('x\n')
  })

  it('refuses a link back to a folder it is walking, naming it', () => {
    const dir = scratch()
    mkdirSync(path.join(dir, 'data'))
    writeFileSync(path.join(dir, 'load.jmx'), '<jmeterTestPlan/>')
    symlinkSync('..', path.join(dir, 'data', 'up'))
    expect(() => testsUpload(dir)).toThrow(InputError)
    expect(() => testsUpload(dir)).toThrow(
      /^Input 'jmeter-dir': expected a folder without links back to itself \(data\/up leads back to .+\), got /
    )
  })

  it('refuses more than 64 MB of files before reading them', () => {
    const dir = scratch()
    const fd = openSync(path.join(dir, 'huge.csv'), 'w')
    ftruncateSync(fd, MAX_TESTS_BYTES + 1) // sparse: nothing is written
    closeSync(fd)
    expect(() => testsUpload(dir)).toThrow(/at most 64 MB of files with load-engines/)
  })
})
