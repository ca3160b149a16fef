/**
 * Pieces of a file's text fit for an error line. Error lines quote at most a short excerpt of what they saw,
 * on one line: a file may be large, and may not be a text file of the user's at all.
 */

/** At most `max` characters on one line, control characters shown as escapes (no quotes added). */
export function clip(text: string, max = 60): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text
  // eslint-disable-next-line no-control-regex
  return shown.replace(/[\u0000-\u001f\u007f]/g, char => JSON.stringify(char).slice(1, -1))
}

/**
 * A short piece of a file's text fit for an error line: at most `max` characters, control characters and
 * quotes escaped (JSON string form).
 */
export function excerpt(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text)
}
