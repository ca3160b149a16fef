/** What both Keptn shipyard formats share when they are read: the stage-name rule and duplicate check. */
import { ConfigFileError } from '../contracts/errors.js'
import { lineAt, type YamlSource } from '../files/yaml-file.js'

export const STAGE_NAME_PATTERN = '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$'
export const approvalValueSchema = { enum: ['automatic', 'manual'] }

export function checkUniqueNames(src: YamlSource, names: readonly string[], at: (string | number)[]): void {
  const seen = new Set<string>()
  names.forEach((name, i) => {
    if (seen.has(name))
      throw new ConfigFileError(src.file, lineAt(src, [...at, i]), `stage '${name}' appears twice`)
    seen.add(name)
  })
}
