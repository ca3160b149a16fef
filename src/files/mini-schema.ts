/**
 * A small JSON-Schema subset checker (type/nullable, enum, properties, required, additionalProperties
 * false, items, anyOf of types, minimum, minLength). The evaluate CLI validates slo.yaml and history
 * with it instead of Ajv: compiling Ajv schemas costs about 10 MB of peak memory, a sixth of the
 * evaluate step's budget. Messages match src/files/yaml-file.ts.
 */
import { clip } from './excerpt.js'

export interface MiniSchema {
  readonly type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null'
  readonly nullable?: boolean
  readonly enum?: readonly unknown[]
  readonly properties?: Readonly<Record<string, MiniSchema>>
  readonly required?: readonly string[]
  readonly additionalProperties?: false
  readonly items?: MiniSchema
  readonly anyOf?: readonly MiniSchema[]
  readonly minimum?: number
  readonly minLength?: number
}

export interface SchemaError {
  readonly path: (string | number)[]
  readonly message: string
}

/** The first error, or null when `value` matches. */
export function check(
  schema: MiniSchema,
  value: unknown,
  path: (string | number)[] = []
): SchemaError | null {
  if (value === null && (schema.nullable || schema.type === 'null')) return null
  if (schema.anyOf) {
    if (schema.anyOf.some(s => check(s, value, path) === null)) return null
    return { path, message: `expected ${schema.anyOf.map(s => s.type).join(' or ')}` }
  }
  if ((schema.type === 'number' || schema.type === 'integer') && typeof value === 'number') {
    if (!Number.isFinite(value)) return { path, message: `expected a finite number, got ${value}` }
  }
  if (schema.type && !hasType(schema.type, value)) return { path, message: `expected ${schema.type}` }
  if (schema.enum && !schema.enum.includes(value)) {
    const allowed = schema.enum.filter(v => v !== null).map(v => JSON.stringify(v))
    return { path, message: `expected one of ${allowed.join(', ')}` }
  }
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) {
    return { path, message: `must be >= ${schema.minimum}` }
  }
  if (typeof value === 'string' && schema.minLength !== undefined && value.length < schema.minLength) {
    return { path, message: `must NOT have fewer than ${schema.minLength} characters` }
  }
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i++) {
      const error = check(schema.items, value[i], [...path, i])
      if (error) return error
    }
  }
  if (schema.type === 'object') return checkObject(schema, value as Record<string, unknown>, path)
  return null
}

function checkObject(
  schema: MiniSchema,
  value: Record<string, unknown>,
  path: (string | number)[]
): SchemaError | null {
  for (const key of schema.required ?? []) {
    if (!(key in value)) return { path, message: `missing required key '${key}'` }
  }
  for (const [key, v] of Object.entries(value)) {
    const property = schema.properties?.[key]
    if (!property) {
      if (schema.additionalProperties === false) return { path, message: `unknown key '${clip(key, 60)}'` }
      continue
    }
    const error = check(property, v, [...path, key])
    if (error) return error
  }
  return null
}

function hasType(type: NonNullable<MiniSchema['type']>, value: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    case 'array':
      return Array.isArray(value)
    case 'integer':
      return Number.isInteger(value)
    case 'null':
      return value === null
    default:
      return typeof value === type
  }
}
