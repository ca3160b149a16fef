/** A results file that cannot be read right: the gate fails with this message rather than guess. */
export class JtlError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${detail}`)
    this.name = 'JtlError'
  }
}
