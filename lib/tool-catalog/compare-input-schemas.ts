type JsonSchema = Record<string, unknown>;

/**
 * Differences between two versions of a tool's input JSON Schema. `breaking` lists changes that
 * can make a call valid today invalid tomorrow (removed or renamed property, newly required field,
 * narrowed type, enum, range, length or pattern); `additive` lists every other difference.
 */
export type SchemaComparison =
  | { ok: true; changed: boolean; additive: string[] }
  | { ok: false; message: string; breaking: string[]; additive: string[] };

/** Keyword → how the new value may move without breaking callers. */
const NUMERIC_BOUNDS = {
  minimum: "lower",
  exclusiveMinimum: "lower",
  minLength: "lower",
  minItems: "lower",
  maximum: "upper",
  exclusiveMaximum: "upper",
  maxLength: "upper",
  maxItems: "upper",
} as const;

/** Keywords that only document; changing them never breaks a caller. */
const ANNOTATIONS = new Set(["description", "title", "default", "examples", "$schema", "deprecated"]);

/** Pure, conservative comparison of two input schemas; anything it does not understand is breaking. */
export function compareInputSchemas(previous: JsonSchema, next: JsonSchema): SchemaComparison {
  const breaking: string[] = [];
  const additive: string[] = [];
  compareNode(previous, next, "input", breaking, additive);
  if (breaking.length > 0) {
    return { ok: false, message: `Incompatible input schema change: ${breaking.join("; ")}`, breaking, additive };
  }
  return { ok: true, changed: additive.length > 0, additive };
}

function compareNode(previous: JsonSchema, next: JsonSchema, at: string, breaking: string[], additive: string[]): void {
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
  for (const key of keys) {
    const before = previous[key];
    const after = next[key];
    if (sameJson(before, after)) continue;
    if (ANNOTATIONS.has(key)) {
      additive.push(`${at}: ${key} changed`);
      continue;
    }
    switch (key) {
      case "type":
        compareTypes(before, after, at, breaking, additive);
        break;
      case "enum":
        compareEnums(before, after, at, breaking, additive);
        break;
      case "properties":
        compareProperties(asSchemaMap(before), asSchemaMap(after), at, breaking, additive);
        break;
      case "required":
        compareRequired(asStrings(before), asStrings(after), at, breaking, additive);
        break;
      case "items":
        compareNode(asSchema(before), asSchema(after), `${at}[]`, breaking, additive);
        break;
      case "additionalProperties":
        if (after === undefined || after === true) additive.push(`${at}: accepts unknown properties`);
        else breaking.push(`${at}: additionalProperties narrowed`);
        break;
      default:
        if (key in NUMERIC_BOUNDS) {
          compareBound(key as keyof typeof NUMERIC_BOUNDS, before, after, at, breaking, additive);
        } else if (after === undefined) {
          additive.push(`${at}: ${key} removed`);
        } else {
          // pattern, format, const, anyOf, ...: any new or changed constraint may refuse old input.
          breaking.push(`${at}: ${key} ${before === undefined ? "added" : "changed"}`);
        }
    }
  }
}

function compareTypes(before: unknown, after: unknown, at: string, breaking: string[], additive: string[]): void {
  if (after === undefined) return void additive.push(`${at}: type constraint removed`);
  const old = new Set(asStrings(before ?? []));
  const now = new Set(asStrings(after));
  if (before === undefined) return void breaking.push(`${at}: type narrowed to ${[...now].join("|")}`);
  const lost = [...old].filter((type) => !now.has(type) && !(type === "integer" && now.has("number")));
  if (lost.length > 0) breaking.push(`${at}: type ${[...old].join("|")} narrowed to ${[...now].join("|")}`);
  else additive.push(`${at}: type widened to ${[...now].join("|")}`);
}

function compareEnums(before: unknown, after: unknown, at: string, breaking: string[], additive: string[]): void {
  if (after === undefined) return void additive.push(`${at}: enum removed`);
  if (before === undefined) return void breaking.push(`${at}: enum added`);
  const allowed = (after as unknown[]).map((value) => JSON.stringify(value));
  const lost = (before as unknown[]).filter((value) => !allowed.includes(JSON.stringify(value)));
  if (lost.length > 0) breaking.push(`${at}: enum value ${lost.map((value) => JSON.stringify(value)).join(", ")} removed`);
  else additive.push(`${at}: enum extended`);
}

function compareProperties(
  before: Record<string, JsonSchema>,
  after: Record<string, JsonSchema>,
  at: string,
  breaking: string[],
  additive: string[],
): void {
  for (const name of Object.keys(before)) {
    if (!(name in after)) breaking.push(`${at}.${name}: property removed`);
    else compareNode(before[name], after[name], `${at}.${name}`, breaking, additive);
  }
  for (const name of Object.keys(after)) {
    if (!(name in before)) additive.push(`${at}.${name}: property added`);
  }
}

function compareRequired(before: string[], after: string[], at: string, breaking: string[], additive: string[]): void {
  for (const name of after) if (!before.includes(name)) breaking.push(`${at}.${name}: newly required`);
  for (const name of before) if (!after.includes(name)) additive.push(`${at}.${name}: now optional`);
}

function compareBound(
  key: keyof typeof NUMERIC_BOUNDS,
  before: unknown,
  after: unknown,
  at: string,
  breaking: string[],
  additive: string[],
): void {
  if (after === undefined) return void additive.push(`${at}: ${key} removed`);
  if (before === undefined) return void breaking.push(`${at}: ${key} ${String(after)} added`);
  const widened = NUMERIC_BOUNDS[key] === "lower" ? Number(after) < Number(before) : Number(after) > Number(before);
  if (widened) additive.push(`${at}: ${key} ${String(before)} → ${String(after)}`);
  else breaking.push(`${at}: ${key} narrowed ${String(before)} → ${String(after)}`);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function asStrings(value: unknown): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
}

function asSchema(value: unknown): JsonSchema {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonSchema) : {};
}

function asSchemaMap(value: unknown): Record<string, JsonSchema> {
  return asSchema(value) as Record<string, JsonSchema>;
}
