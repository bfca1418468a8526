"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { FormAlert } from "@/app/_components/form-alert";
import { LabelledField } from "@/app/_components/labelled-field";
import { TextField } from "@/app/_components/text-field";
import { KEY_LIFETIMES } from "@/lib/console/mint-key-form-schema";
import { mintKeyAction, type MintKeyResult } from "./actions";
import { SecretReveal } from "./secret-reveal";

/** "Mint a key": the form, then the one-time secret. `startOpen` when the user has no keys yet. */
export function MintKeyPanel({ tools, startOpen }: { tools: string[]; startOpen: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(startOpen);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<MintKeyResult | null>(null);
  const [restrictTools, setRestrictTools] = useState(false);
  const failure = result && !result.ok ? result : null;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const outcome = await mintKeyAction(new FormData(event.currentTarget));
    setResult(outcome);
    setPending(false);
  }

  function finish() {
    setResult(null);
    setOpen(false);
    setRestrictTools(false);
    router.refresh();
  }

  if (result?.ok) return <SecretReveal name={result.name} secret={result.secret} snippets={result.snippets} onDone={finish} />;

  if (!open) {
    return (
      <Button onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden="true" />
        Mint a key
      </Button>
    );
  }

  return (
    <form method="post" onSubmit={handleSubmit} aria-labelledby="mint-title" className="flex flex-col gap-4 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="mint-title" className="text-lg font-semibold">
        Mint a key
      </h2>
      <FormAlert message={failure?.message} />
      <TextField label="Name" name="name" required maxLength={100} placeholder="laptop – Claude Code" hint="Say where the key will live, so you know what to revoke later." error={failure?.fieldErrors.name} autoFocus />
      <LabelledField name="lifetime" label="Expires">
        {(control) => (
          <select {...control} defaultValue="90d" className="w-fit rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900">
            {KEY_LIFETIMES.map((lifetime) => (
              <option key={lifetime.value} value={lifetime.value}>
                {lifetime.label}
              </option>
            ))}
          </select>
        )}
      </LabelledField>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Tools</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="toolScope" checked={!restrictTools} onChange={() => setRestrictTools(false)} />
          Every tool I may use (including ones granted later)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="toolScope" checked={restrictTools} onChange={() => setRestrictTools(true)} disabled={tools.length === 0} />
          Only the tools I pick {tools.length === 0 ? "(no tools granted to you yet)" : null}
        </label>
        {restrictTools ? (
          <ul className="ml-6 grid gap-1.5 sm:grid-cols-2">
            {tools.map((tool) => (
              <li key={tool}>
                <label className="flex items-center gap-2 font-mono text-sm">
                  <input type="checkbox" name="tools" value={tool} />
                  {tool}
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        {failure?.fieldErrors.tools ? <p className="text-xs text-red-600 dark:text-red-400">{failure.fieldErrors.tools}</p> : null}
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Minting…" : "Mint key"}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
