"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/app/_components/button";
import { FormAlert } from "@/app/_components/form-alert";
import { revokeKeyAction } from "./actions";

/** Revoke with a confirmation dialog (native <dialog>: focus trap and Escape for free). */
export function RevokeKeyButton({ keyId, name, prefix }: { keyId: string; name: string; prefix: string }) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    setPending(true);
    const result = await revokeKeyAction(keyId);
    setPending(false);
    if (!result.ok) return setError(result.message);
    dialogRef.current?.close();
    router.refresh();
  }

  return (
    <>
      <Button variant="ghost" className="text-red-700 dark:text-red-400" onClick={() => dialogRef.current?.showModal()} aria-label={`Revoke key ${name}`}>
        Revoke
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`revoke-title-${keyId}`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-6 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <h2 id={`revoke-title-${keyId}`} className="text-lg font-semibold">
          Revoke “{name}”?
        </h2>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Every client using <code className="font-mono">{prefix}…</code> loses access immediately, including open sessions. This cannot be undone.
        </p>
        <div className="mt-4">
          <FormAlert message={error} />
        </div>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialogRef.current?.close()} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={revoke} disabled={pending}>
            {pending ? "Revoking…" : "Revoke key"}
          </Button>
        </div>
      </dialog>
    </>
  );
}
