"use client";

import { useState } from "react";
import { TextField } from "@/app/_components/text-field";
import { AdminFormCard } from "@/app/(console)/admin/_components/admin-form-card";
import { SelectField } from "@/app/(console)/admin/_components/select-field";
import { TextAreaField } from "@/app/(console)/admin/_components/text-area-field";
import { useAdminAction } from "@/app/(console)/admin/_components/use-admin-action";
import type { UpstreamServerView } from "@/lib/upstreams/to-upstream-server-view";
import { editServerAction } from "./actions";

/** What the edit form needs of a server: its settings with secret values already redacted. */
export type EditableServer = Pick<UpstreamServerView, "name" | "transport" | "command" | "args" | "cwd" | "url" | "env" | "headers" | "timeoutMs" | "maxConcurrency" | "settingsVersion">;

/**
 * Changes a server's settings, prefilled with what may be shown: a secret value is never sent to
 * the page, its field reads "set — leave blank to keep". The hub connects with the new settings
 * before it saves them. The settings version it was loaded with goes back with it (a save over
 * someone else's newer one is refused), and so do the arguments as loaded, so that untouched ones
 * are left exactly as stored. Choosing the other kind (local command or remote URL) shows that
 * kind's fields empty and none of the stored entries: a switch keeps nothing of the old kind.
 */
export function EditServerForm({ server }: { server: EditableServer }) {
  const { result, pending, submit } = useAdminAction(editServerAction);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const storedKind = server.transport === "stdio" ? "stdio" : "remote";
  const [kind, setKind] = useState(storedKind);
  const local = kind === "stdio";
  const switched = kind !== storedKind;
  const id = (field: string) => `edit-${server.name}-${field}`;
  const entries = switched ? [] : local ? server.env : server.headers;
  const noun = local ? "variable" : "header";
  const shown = (value: string | null) => (switched ? "" : (value ?? ""));
  return (
    <AdminFormCard titleId={id("title")} title={`Edit ${server.name}`} onSubmit={(event) => submit(event)} result={result} pending={pending} submitLabel="Connect and save" pendingLabel="Connecting…">
      <input type="hidden" name="server" value={server.name} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="expectedVersion" value={server.settingsVersion} />
      {local && !switched ? <input type="hidden" name="argsLoaded" value={JSON.stringify(server.args)} /> : null}
      <SelectField
        id={id("kind")}
        label="Kind"
        name="kindChoice"
        value={kind}
        onChange={(event) => setKind(event.target.value === "stdio" ? "stdio" : "remote")}
        hint={switched ? `Switching drops the stored ${storedKind === "stdio" ? "command, arguments, folder and environment" : "URL and headers"} (secrets are never carried over). Every tool is held for review until approved.` : undefined}
      >
        <option value="stdio">Local command (stdio)</option>
        <option value="remote">Remote URL</option>
      </SelectField>
      {local ? (
        <div key="stdio" className="flex flex-col gap-4">
          <TextField id={id("command")} label="Command" name="command" required defaultValue={shown(server.command)} error={errors.command} />
          <TextAreaField id={id("args")} label="Arguments" name="args" rows={3} defaultValue={switched ? "" : server.args.join("\n")} hint="One per line." error={errors.args} />
          <TextField id={id("cwd")} label="Working folder" name="cwd" defaultValue={shown(server.cwd)} hint="Absolute; blank for the hub's." error={errors.cwd} />
        </div>
      ) : (
        <div key="remote" className="grid gap-4 sm:grid-cols-2">
          <TextField
            id={id("url")}
            label="URL"
            name="url"
            type="url"
            required
            defaultValue={shown(server.url)}
            hint={!switched && server.url?.includes("***") ? "*** keeps the stored password or query value (never shown); type a new one to replace it." : undefined}
            error={errors.url}
          />
          <SelectField id={id("transport")} label="Transport" name="transport" defaultValue={switched ? "http" : server.transport} error={errors.transport}>
            <option value="http">Streamable HTTP</option>
            <option value="sse">Legacy HTTP+SSE</option>
          </SelectField>
        </div>
      )}
      {entries.length > 0 ? (
        <fieldset className="flex min-w-0 flex-col gap-3">
          <legend className="mb-1 text-sm font-medium">{local ? "Environment" : "Headers"}</legend>
          {entries.map((entry, index) => (
            <div key={entry.name} className="grid min-w-0 gap-2 sm:grid-cols-[minmax(0,1fr)_auto_auto] sm:items-end">
              <input type="hidden" name={`entry.${index}.name`} value={entry.name} />
              <input type="hidden" name={`entry.${index}.stored`} value={entry.secret ? "secret" : "plain"} />
              <TextField
                id={id(`entry-${index}`)}
                label={entry.name}
                name={`entry.${index}.value`}
                defaultValue={entry.secret ? "" : entry.value}
                placeholder={entry.secret ? "set — leave blank to keep" : undefined}
                autoComplete="off"
                error={errors[`entry.${index}`]}
              />
              <label className="flex items-center gap-2 text-sm sm:pb-2">
                <input type="checkbox" name={`entry.${index}.secret`} defaultChecked={entry.secret} aria-label={`Keep ${entry.name} secret`} />
                Secret
              </label>
              <label className="flex items-center gap-2 text-sm sm:pb-2">
                <input type="checkbox" name={`entry.${index}.remove`} aria-label={`Remove ${noun} ${entry.name}`} />
                Remove
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <TextAreaField id={id("add-secret")} label={local ? "Add secret environment" : "Add secret headers"} name="addSecret" rows={2} placeholder={local ? "API_TOKEN=…" : "Authorization: Bearer …"} hint={`${local ? "KEY=value" : '"Name: value"'} per line; encrypted at rest and never shown again. Replaces a ${noun} of the same name.`} error={errors.addSecret} />
      <TextAreaField id={id("add-plain")} label={local ? "Add plain environment" : "Add plain headers"} name="addPlain" rows={2} hint={`${local ? "KEY=value" : '"Name: value"'} per line; shown back.`} error={errors.addPlain} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={id("timeout")} label="Timeout (seconds)" name="timeoutSeconds" type="number" min={1} max={600} defaultValue={server.timeoutMs / 1000} error={errors.timeoutSeconds} />
        <TextField id={id("concurrency")} label="Max concurrency" name="maxConcurrency" type="number" min={1} max={256} defaultValue={server.maxConcurrency} hint="Calls in flight at once." error={errors.maxConcurrency} />
      </div>
    </AdminFormCard>
  );
}
