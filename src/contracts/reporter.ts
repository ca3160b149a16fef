/** Where a run reports to: the Actions runner (src/runner) or a terminal (the CLI). */

export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

/** A failed or warning objective, pointing at its line in the user's file. */
export interface Annotation {
  readonly level: 'error' | 'warning'
  readonly title: string
  readonly message: string
  /** Relative to the workspace, as GitHub wants it. */
  readonly file?: string
  readonly line?: number
}

export interface Reporter extends Logger {
  group<T>(name: string, work: () => Promise<T>): Promise<T>
  annotate(annotation: Annotation): void
  /** Hides a secret (or a form of it) from every later log line; a terminal has nothing to hide it from. */
  mask(secret: string): void
}
