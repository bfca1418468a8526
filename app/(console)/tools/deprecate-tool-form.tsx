"use client";

import { useState } from "react";
import { Button, buttonClasses } from "@/app/_components/button";
import { TextField } from "@/app/_components/text-field";
import { ActionMessage } from "@/app/(console)/admin/_components/action-message";
import { SelectField } from "@/app/(console)/admin/_components/select-field";
import { useAdminAction } from "@/app/(console)/admin/_components/use-admin-action";
import { deprecateToolAction } from "./actions";

interface DeprecationState {
  name: string;
  deprecated: boolean;
  message: string | null;
  replacement: string | null;
  sunsetAt: string | null;
}

/** The earliest sunset the form offers: a sunset is 00:00 UTC of its date, so today is already past. */
function tomorrowUtc(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

/** "Deprecate…" (or "Edit deprecation…") behind a disclosure: message, replacement, sunset date. */
export function DeprecateToolForm({ tool, otherTools }: { tool: DeprecationState; otherTools: string[] }) {
  const { result, pending, submit } = useAdminAction(deprecateToolAction);
  const [open, setOpen] = useState(false);
  const failure = result && !result.ok ? result : null;
  const prefix = `deprecate-${tool.name}`;

  return (
    <div className="has-[details[open]]:basis-full">
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className={buttonClasses("secondary", "w-fit cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>
          {tool.deprecated ? "Edit deprecation…" : "Deprecate…"}
        </summary>
        <form method="post" onSubmit={(event) => submit(event, () => setOpen(false))} aria-label={`Deprecate ${tool.name}`} className="mt-3 grid gap-3 rounded-lg border border-zinc-200 p-4 sm:grid-cols-2 dark:border-zinc-800">
          <input type="hidden" name="name" value={tool.name} />
          <div className="sm:col-span-2">
            <TextField
              id={`${prefix}-message`}
              label="Message to clients"
              name="message"
              maxLength={500}
              defaultValue={tool.message ?? ""}
              placeholder="Runs the old test runner; switch before the sunset."
              hint="Shown in the tool's description in every client."
              error={failure?.fieldErrors?.message}
            />
          </div>
          <SelectField id={`${prefix}-replacement`} label="Replacement tool" name="replacement" defaultValue={tool.replacement ?? ""} error={failure?.fieldErrors?.replacement} hint='Clients see "[DEPRECATED: Use <replacement>]".'>
            <option value="">No replacement</option>
            {otherTools.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${prefix}-sunset`}
            label="Sunset date"
            name="sunset"
            type="date"
            defaultValue={tool.sunsetAt ? tool.sunsetAt.slice(0, 10) : ""}
            min={tomorrowUtc()}
            hint="From 00:00 UTC that day the tool is neither listed nor callable; it must be a future date (to withdraw it now, disable it). Leave empty for no date."
            error={failure?.fieldErrors?.sunset}
          />
          <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : tool.deprecated ? "Update deprecation" : "Deprecate tool"}
            </Button>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      </details>
      <div className="mt-2">
        <ActionMessage result={result} />
      </div>
    </div>
  );
}
