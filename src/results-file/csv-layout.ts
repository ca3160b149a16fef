/**
 * Which CSV column holds what. With a header row, columns are found by name (any order, any subset).
 * Without one, only JMeter's default layouts are accepted, and every row must fit the assumed layout:
 * a file that could be read two ways is refused rather than read wrong.
 */

/** Column indexes; -1 when the file does not have the column. */
export interface Layout {
  readonly timestamp: number
  readonly elapsed: number
  readonly success: number
  readonly label: number
  /** Why a sample failed (-1 when the file has no such column). */
  readonly responseCode: number
  readonly responseMessage: number
  readonly failureMessage: number
  /** The header row's fields, or null for a file without one. */
  readonly header: readonly string[] | null
  /** For a file without header: the default layout assumed, checked on every row. */
  readonly assumed: DefaultLayout | null
}

export interface DefaultLayout {
  readonly name: string
  readonly columns: number
  /** Columns that are whole numbers in this layout. */
  readonly integers: readonly number[]
}

// JMeter's default CSV columns (jmeter.properties of each version); success is column 7 in all.
const DEFAULTS: readonly DefaultLayout[] = [
  {
    name: 'JMeter 5.x default (17 columns, with URL)',
    columns: 17,
    integers: [0, 1, 9, 10, 11, 12, 14, 15, 16]
  },
  { name: 'JMeter 3.x/4.x default (16 columns)', columns: 16, integers: [0, 1, 9, 10, 11, 12, 13, 14, 15] },
  { name: 'JMeter 2.x default (12 columns)', columns: 12, integers: [0, 1, 8, 9, 10, 11] }
]

const KNOWN = new Set(
  [
    'timeStamp',
    'elapsed',
    'label',
    'responseCode',
    'responseMessage',
    'threadName',
    'dataType',
    'success',
    'failureMessage',
    'bytes',
    'sentBytes',
    'grpThreads',
    'allThreads',
    'URL',
    'Filename',
    'Latency',
    'Connect',
    'Encoding',
    'SampleCount',
    'ErrorCount',
    'Hostname',
    'IdleTime'
  ].map(name => name.toLowerCase())
)

const INTEGER = /^\d{1,15}$/

/** Decides from the first record; returns the layout, or a refusal that says why. */
export function detectLayout(fields: readonly string[]): { layout: Layout; isHeader: boolean } | string {
  const names = fields.map(f => f.trim().toLowerCase())
  if (names.filter(n => KNOWN.has(n)).length >= 2) {
    const at = (name: string) => names.indexOf(name.toLowerCase())
    const layout = {
      timestamp: at('timeStamp'),
      elapsed: at('elapsed'),
      success: at('success'),
      label: at('label'),
      responseCode: at('responseCode'),
      responseMessage: at('responseMessage'),
      failureMessage: at('failureMessage')
    }
    if (layout.elapsed < 0 && layout.success < 0) {
      return 'its header row has neither an elapsed nor a success column'
    }
    return { layout: { ...layout, header: fields, assumed: null }, isHeader: true }
  }
  const assumed = DEFAULTS.find(d => fitsDefault(d, fields))
  if (!assumed) {
    return (
      `it has no header row, and its ${fields.length} columns do not match a JMeter default layout ` +
      '(5.x: 17, 3.x/4.x: 16, 2.x: 12 columns, starting timeStamp,elapsed); the columns cannot be ' +
      'known for sure. Save results with a header (jmeter.save.saveservice.print_field_names=true)'
    )
  }
  return {
    // Every default starts timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success;
    // failureMessage follows from JMeter 3 on.
    layout: {
      timestamp: 0,
      elapsed: 1,
      label: 2,
      responseCode: 3,
      responseMessage: 4,
      success: 7,
      failureMessage: assumed.columns >= 16 ? 8 : -1,
      header: null,
      assumed
    },
    isHeader: false
  }
}

/** Whether a headerless row has the shape of a default layout: count, numbers, success and dataType. */
export function fitsDefault(d: DefaultLayout, fields: readonly string[]): boolean {
  if (fields.length !== d.columns) return false
  if (!d.integers.every(i => INTEGER.test(fields[i]!))) return false
  if (fields[7] !== 'true' && fields[7] !== 'false') return false
  return ['', 'text', 'bin'].includes(fields[6]!)
}

/** A repeated header row (runs appended to one file). */
export function isHeaderRow(layout: Layout, fields: readonly string[]): boolean {
  const h = layout.header
  return h !== null && fields.length === h.length && fields.every((f, i) => f === h[i])
}
