/**
 * The results files a list of paths names: a file as it is, a folder as the results files under it
 * (`.jtl`, `.csv`, `.xml`, at any depth, sorted: download-artifact puts each artifact in its own folder).
 */
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../contracts/errors.js'

const RESULTS = /\.(jtl|csv|xml)$/i

export function resultsFilesOf(input: string, paths: readonly string[]): string[] {
  return paths.flatMap(given => {
    let folder: boolean
    try {
      folder = statSync(given).isDirectory()
    } catch {
      return [given] // the reader names a missing file, like any unreadable one
    }
    if (!folder) return [given]
    const found = readdirSync(given, { recursive: true, withFileTypes: true })
      .filter(entry => entry.isFile() && RESULTS.test(entry.name))
      .map(entry => path.join(entry.parentPath, entry.name))
      .sort()
    if (found.length === 0)
      throw new InputError(input, 'results files (.jtl, .csv, .xml) in the folder', given)
    return found
  })
}
