"use client";

import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/app/_components/button";

const PARAMETER_TYPES = ["string", "integer", "boolean", "enum", "path"] as const;
type ParameterType = (typeof PARAMETER_TYPES)[number];

/** A parameter as the command-tools service stores it (see lib/command-tools/command-tool-schema.ts). */
export interface ParameterDefinition {
  type: ParameterType;
  description: string;
  required?: boolean;
  pattern?: string;
  enum?: string[];
  min?: number;
  max?: number;
  flag?: string;
  allowLeadingDash?: boolean;
}

interface Row {
  key: number;
  name: string;
  type: ParameterType;
  description: string;
  required: boolean;
  pattern: string;
  enumValues: string;
  min: string;
  max: string;
  flag: string;
}

function toRows(parameters: Record<string, ParameterDefinition>): Row[] {
  return Object.entries(parameters).map(([name, parameter], index) => ({
    key: index,
    name,
    type: parameter.type,
    description: parameter.description,
    required: parameter.required ?? false,
    pattern: parameter.pattern ?? "",
    enumValues: parameter.enum?.join(", ") ?? "",
    min: parameter.min?.toString() ?? "",
    max: parameter.max?.toString() ?? "",
    flag: parameter.flag ?? "",
  }));
}

/** Rows → the JSON the form posts; blank optional fields are left out so the service's defaults apply. */
function toJson(rows: Row[]): string {
  const parameters: Record<string, ParameterDefinition> = {};
  for (const row of rows) {
    const parameter: ParameterDefinition = { type: row.type, description: row.description, required: row.type !== "boolean" && row.required };
    if (row.pattern.trim()) parameter.pattern = row.pattern.trim();
    if (row.type === "enum") parameter.enum = row.enumValues.split(",").map((value) => value.trim()).filter(Boolean);
    if (row.min.trim()) parameter.min = Number(row.min);
    if (row.max.trim()) parameter.max = Number(row.max);
    if (row.flag.trim()) parameter.flag = row.flag.trim();
    parameters[row.name.trim()] = parameter;
  }
  return JSON.stringify(parameters);
}

const cellInput = "w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/**
 * Typed parameters of a command tool, one row each, posted as JSON in a hidden "parameters"
 * field. Each parameter must appear in argv as a whole element "{{name}}".
 */
export function ParameterEditor({ initial, error }: { initial: Record<string, ParameterDefinition>; error?: string }) {
  const [rows, setRows] = useState<Row[]>(() => toRows(initial));
  const [nextKey, setNextKey] = useState(rows.length);

  function update(key: number, patch: Partial<Row>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  function add() {
    setRows((current) => [...current, { key: nextKey, name: "", type: "string", description: "", required: false, pattern: "", enumValues: "", min: "", max: "", flag: "" }]);
    setNextKey(nextKey + 1);
  }

  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={error ? "parameters-error" : "parameters-hint"}>
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Parameters</legend>
      <p id="parameters-hint" className="-mt-1 text-xs text-zinc-500 dark:text-zinc-400">
        Each parameter fills one whole argv element written as <code className="font-mono">{"{{name}}"}</code>. Strings may carry a regular expression the whole value must match.
      </p>
      <input type="hidden" name="parameters" value={toJson(rows)} />
      {rows.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No parameters: the command always runs with the same arguments.</p> : null}
      {rows.map((row, index) => {
        const label = row.name.trim() || `parameter ${index + 1}`;
        const id = (field: string) => `param-${row.key}-${field}`;
        return (
          <div key={row.key} role="group" aria-label={`Parameter ${index + 1}`} className="grid gap-2 rounded-lg border border-zinc-200 p-3 sm:grid-cols-6 dark:border-zinc-800">
            <div className="sm:col-span-2">
              <label htmlFor={id("name")} className="text-xs font-medium">Name</label>
              <input id={id("name")} value={row.name} onChange={(event) => update(row.key, { name: event.target.value })} required pattern="[a-zA-Z][a-zA-Z0-9_]{0,39}" className={cellInput} />
            </div>
            <div className="sm:col-span-1">
              <label htmlFor={id("type")} className="text-xs font-medium">Type</label>
              <select id={id("type")} value={row.type} onChange={(event) => update(row.key, { type: event.target.value as ParameterType })} className={cellInput}>
                {PARAMETER_TYPES.map((type) => (
                  <option key={type} value={type}>{type}</option>
                ))}
              </select>
            </div>
            <div className="sm:col-span-3">
              <label htmlFor={id("description")} className="text-xs font-medium">Description (shown to the model)</label>
              <input id={id("description")} value={row.description} onChange={(event) => update(row.key, { description: event.target.value })} required maxLength={500} className={cellInput} />
            </div>
            {row.type === "string" ? (
              <div className="sm:col-span-3">
                <label htmlFor={id("pattern")} className="text-xs font-medium">Pattern (regular expression)</label>
                <input id={id("pattern")} value={row.pattern} onChange={(event) => update(row.key, { pattern: event.target.value })} placeholder="^[\w./-]+$" className={`${cellInput} font-mono`} />
              </div>
            ) : null}
            {row.type === "enum" ? (
              <div className="sm:col-span-3">
                <label htmlFor={id("enum")} className="text-xs font-medium">Allowed values (comma-separated)</label>
                <input id={id("enum")} value={row.enumValues} onChange={(event) => update(row.key, { enumValues: event.target.value })} className={cellInput} />
              </div>
            ) : null}
            {row.type === "string" || row.type === "integer" ? (
              <>
                <div>
                  <label htmlFor={id("min")} className="text-xs font-medium">{row.type === "integer" ? "Min" : "Min length"}</label>
                  <input id={id("min")} type="number" step={1} value={row.min} onChange={(event) => update(row.key, { min: event.target.value })} className={cellInput} />
                </div>
                <div>
                  <label htmlFor={id("max")} className="text-xs font-medium">{row.type === "integer" ? "Max" : "Max length"}</label>
                  <input id={id("max")} type="number" step={1} value={row.max} onChange={(event) => update(row.key, { max: event.target.value })} className={cellInput} />
                </div>
              </>
            ) : null}
            <div>
              <label htmlFor={id("flag")} className="text-xs font-medium">Flag (optional)</label>
              <input id={id("flag")} value={row.flag} onChange={(event) => update(row.key, { flag: event.target.value })} placeholder="--grep" className={`${cellInput} font-mono`} />
            </div>
            <div className="flex items-end justify-between gap-2 sm:col-span-6">
              {row.type === "boolean" ? (
                <span className="text-xs text-zinc-500 dark:text-zinc-400">Booleans are optional; true puts the flag alone.</span>
              ) : (
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={row.required} onChange={(event) => update(row.key, { required: event.target.checked })} />
                  Required
                </label>
              )}
              <Button variant="ghost" className="text-red-700 dark:text-red-400" onClick={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))} aria-label={`Remove ${label}`}>
                <Trash2 className="size-4" aria-hidden="true" />
                Remove
              </Button>
            </div>
          </div>
        );
      })}
      {error ? (
        <p id="parameters-error" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div>
        <Button variant="secondary" onClick={add}>
          <Plus className="size-4" aria-hidden="true" />
          Add parameter
        </Button>
      </div>
    </fieldset>
  );
}
