"use client";

import { useState } from "react";
import { TextField } from "@/app/_components/text-field";
import { AdminFormCard } from "@/app/(console)/admin/_components/admin-form-card";
import { SelectField } from "@/app/(console)/admin/_components/select-field";
import { TextAreaField } from "@/app/(console)/admin/_components/text-area-field";
import { useAdminAction } from "@/app/(console)/admin/_components/use-admin-action";
import { addServerAction } from "./actions";

/** Registers an upstream server: a local command (stdio) or a remote URL; the hub connects first. */
export function AddServerForm() {
  const { result, pending, submit } = useAdminAction(addServerAction);
  const [transport, setTransport] = useState("stdio");
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <AdminFormCard titleId="add-server-title" title="Add a server" onSubmit={(event) => submit(event)} result={result} pending={pending} submitLabel="Connect and add" pendingLabel="Connecting…">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" required pattern="[a-z0-9]([a-z0-9\-]{0,30}[a-z0-9])?" placeholder="github" hint="Its tools appear as NAME__TOOL." error={errors.name} />
        <SelectField label="Transport" name="transport" value={transport} onChange={(event) => setTransport(event.target.value)} error={errors.transport}>
          <option value="stdio">Local command (stdio)</option>
          <option value="http">Remote, Streamable HTTP</option>
          <option value="sse">Remote, legacy HTTP+SSE</option>
        </SelectField>
      </div>
      {transport === "stdio" ? (
        <>
          <TextField label="Command" name="command" required placeholder="npx" hint="Run without a shell, in its own process group." error={errors.command} />
          <TextAreaField label="Arguments" name="args" rows={3} placeholder={"-y\n@modelcontextprotocol/server-everything"} hint="One per line." error={errors.args} />
          <TextAreaField label="Secret environment" name="env" rows={2} placeholder="API_TOKEN=…" hint="KEY=value per line; encrypted at rest and never shown again. The server gets only these plus PATH and HOME." error={errors.env} />
          <TextAreaField label="Plain environment" name="plainEnv" rows={2} placeholder="LOG_LEVEL=info" hint="KEY=value per line; shown back." error={errors.plainEnv} />
          <TextField label="Working folder" name="cwd" placeholder="/srv/mcp" hint="Absolute; optional." error={errors.cwd} />
        </>
      ) : (
        <>
          <TextField label="URL" name="url" type="url" required placeholder="https://mcp.example.com/mcp" error={errors.url} />
          <TextAreaField label="Secret headers" name="headers" rows={2} placeholder="Authorization: Bearer …" hint='"Name: value" per line; encrypted at rest and never shown again.' error={errors.headers} />
          <TextAreaField label="Plain headers" name="plainHeaders" rows={2} placeholder="X-Team: platform" hint='"Name: value" per line; shown back.' error={errors.plainHeaders} />
        </>
      )}
    </AdminFormCard>
  );
}
