type JsonSchema = Record<string, unknown>;

/**
 * What one difference does to the set of values a schema allows. Whether it breaks depends on
 * who holds the old schema: a caller of a tool (input) breaks when the set narrows, a reader of
 * its results (output) when it widens.
 * - widens: more values allowed (a type, enum value or looser bound added; a constraint dropped)
 * - narrows: fewer values allowed (a type or enum value lost, a constraint added or tightened)
 * - changes: a meaning both sides relied on moved (a property removed, a constraint rewritten)
 * - extends: neither side breaks (a property added, unknown properties allowed)
 * - documents: documentation only (description, title, examples, ...)
 */
export type SchemaEffect = "widens" | "narrows" | "changes" | "extends" | "documents";

export interface SchemaDifference {
  /** Where and what, e.g. "input.limit: maximum narrowed 50 → 10". */
  line: string;
  effect: SchemaEffect;
}

/** Keyword → how the new value moves the allowed set when it grows. */
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

/** Keywords that only document; changing them never breaks anyone. */
const DOCUMENTATION = new Set(["description", "title", "default", "examples", "$schema", "deprecated"]);

/**
 * Pure, conservative walk of two versions of a JSON Schema, `at` naming the root ("input",
 * "output"); every difference once, with its effect. A keyword it does not understand
 * (pattern, format, const, anyOf, ...) narrows when added, widens when removed, and changes when
 * rewritten.
 */
export function diffJsonSchemas(previous: JsonSchema, next: JsonSchema, at: string): SchemaDifference[] {
  const differences: SchemaDifference[] = [];
  compareNode(previous, next, at, (line, effect) => differences.push({ line, effect }));
  return differences;
}

type Report = (line: string, effect: SchemaEffect) => void;

function compareNode(previous: JsonSchema, next: JsonSchema, at: string, report: Report): void {
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
  for (const key of keys) {
    const before = previous[key];
    const after = next[key];
    if (sameJson(before, after)) continue;
    if (DOCUMENTATION.has(key)) {
      report(`${at}: ${key} changed`, "documents");
      continue;
    }
    switch (key) {
      case "type":
        compareTypes(before, after, at, report);
        break;
      case "enum":
        compareEnums(before, after, at, report);
        break;
      case "properties":
        compareProperties(asSchemaMap(before), asSchemaMap(after), at, report);
        break;
      case "required":
        compareRequired(asStrings(before), asStrings(after), at, report);
        break;
      case "items":
        compareNode(asSchema(before), asSchema(after), `${at}[]`, report);
        break;
      case "additionalProperties":
        if (after === undefined || after === true) report(`${at}: accepts unknown properties`, "extends");
        else report(`${at}: additionalProperties narrowed`, "narrows");
        break;
      default:
        if (key in NUMERIC_BOUNDS) compareBound(key as keyof typeof NUMERIC_BOUNDS, before, after, at, report);
        else if (after === undefined) report(`${at}: ${key} removed`, "widens");
        else if (before === undefined) report(`${at}: ${key} added`, "narrows");
        else report(`${at}: ${key} changed`, "changes");
    }
  }
}

/** An integer is a number: number ⊇ integer, so integer → number widens and number → integer narrows. */
function covers(types: Set<string>, type: string): boolean {
  return types.has(type) || (type === "integer" && types.has("number"));
}

function compareTypes(before: unknown, after: unknown, at: string, report: Report): void {
  if (after === undefined) return report(`${at}: type constraint removed`, "widens");
  const old = new Set(asStrings(before ?? []));
  const now = new Set(asStrings(after));
  if (before === undefined) return report(`${at}: type narrowed to ${[...now].join("|")}`, "narrows");
  const lost = [...old].some((type) => !covers(now, type));
  const gained = [...now].some((type) => !covers(old, type));
  if (lost) report(`${at}: type ${[...old].join("|")} narrowed to ${[...now].join("|")}`, gained ? "changes" : "narrows");
  else report(`${at}: type widened to ${[...now].join("|")}`, gained ? "widens" : "documents");
}

function compareEnums(before: unknown, after: unknown, at: string, report: Report): void {
  if (after === undefined) return report(`${at}: enum removed`, "widens");
  if (before === undefined) return report(`${at}: enum added`, "narrows");
  const now = (after as unknown[]).map((value) => JSON.stringify(value));
  const old = (before as unknown[]).map((value) => JSON.stringify(value));
  const lost = old.filter((value) => !now.includes(value));
  const gained = now.some((value) => !old.includes(value));
  if (lost.length > 0) report(`${at}: enum value ${lost.join(", ")} removed`, gained ? "changes" : "narrows");
  else report(`${at}: enum extended`, "widens");
}

function compareProperties(before: Record<string, JsonSchema>, after: Record<string, JsonSchema>, at: string, report: Report): void {
  for (const name of Object.keys(before)) {
    if (!(name in after)) report(`${at}.${name}: property removed`, "changes");
    else compareNode(before[name], after[name], `${at}.${name}`, report);
  }
  for (const name of Object.keys(after)) {
    if (!(name in before)) report(`${at}.${name}: property added`, "extends");
  }
}

function compareRequired(before: string[], after: string[], at: string, report: Report): void {
  for (const name of after) if (!before.includes(name)) report(`${at}.${name}: newly required`, "narrows");
  for (const name of before) if (!after.includes(name)) report(`${at}.${name}: now optional`, "widens");
}

function compareBound(key: keyof typeof NUMERIC_BOUNDS, before: unknown, after: unknown, at: string, report: Report): void {
  if (after === undefined) return report(`${at}: ${key} removed`, "widens");
  if (before === undefined) return report(`${at}: ${key} ${String(after)} added`, "narrows");
  const widened = NUMERIC_BOUNDS[key] === "lower" ? Number(after) < Number(before) : Number(after) > Number(before);
  if (widened) report(`${at}: ${key} ${String(before)} → ${String(after)}`, "widens");
  else report(`${at}: ${key} narrowed ${String(before)} → ${String(after)}`, "narrows");
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
