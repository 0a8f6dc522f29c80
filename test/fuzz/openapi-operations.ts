/** The parts of an OpenAPI 3 document the fuzzer reads: operations, their parameters and body schemas. */

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  app: string;
  method: string;
  /** The OpenAPI path template, e.g. /orders/{id}. */
  path: string;
  parameters: Parameter[];
  /** Media type → resolved schema of the request body, if the operation takes one. */
  body: Record<string, Schema> | null;
  bodyRequired: boolean;
  secured: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> }; security?: unknown[] }>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Inlines `$ref`s (and `allOf`) so generators see plain schemas; a cycle stops at an empty schema. */
export function resolveSchema(schema: Schema | undefined, components: Record<string, Schema>, seen: string[] = []): Schema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name) || !components[name]) return {};
    return resolveSchema(components[name], components, [...seen, name]);
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => resolveSchema(s, components, seen));
    const { allOf: _allOf, ...rest } = schema;
    return Object.assign({}, ...parts, rest);
  }
  const out: Schema = { ...schema };
  if (schema.items) out.items = resolveSchema(schema.items, components, seen);
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolveSchema(v, components, seen)]));
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') out.additionalProperties = resolveSchema(schema.additionalProperties, components, seen);
  if (schema.oneOf) out.oneOf = schema.oneOf.map((s) => resolveSchema(s, components, seen));
  if (schema.anyOf) out.anyOf = schema.anyOf.map((s) => resolveSchema(s, components, seen));
  return out;
}

/** Every operation of a document, with schemas resolved; `/docs` itself is left out. */
export function operationsOf(app: string, document: OpenApiDocument): Operation[] {
  const components = document.components?.schemas ?? {};
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const body = op.requestBody
        ? Object.fromEntries(Object.entries(op.requestBody.content).map(([type, media]) => [type, resolveSchema(media.schema, components)]))
        : null;
      out.push({
        app,
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []).map((p) => ({ ...p, required: p.in === 'path' || !!p.required, schema: resolveSchema(p.schema, components) })),
        body,
        bodyRequired: !!op.requestBody?.required,
        secured: (op.security ?? []).length > 0,
      });
    }
  }
  return out;
}
