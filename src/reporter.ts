/** Where a run reports to: the Actions runner (main.ts) or a terminal (the CLI). */
import type { OutputName } from './config/input-spec.js'
import type { Annotation } from './report/annotations.js'
import type { Logger } from './stages/context.js'

export interface Reporter extends Logger {
  group<T>(name: string, work: () => Promise<T>): Promise<T>
  annotate(annotation: Annotation): void
}

export type Outputs = Partial<Record<OutputName, string>>
