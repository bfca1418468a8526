"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/app/_components/button";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { FormAlert } from "@/app/_components/form-alert";
import { revokeKeyAction } from "./actions";

/** Revoke, behind a confirmation dialog. */
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
      <Button variant="danger-outline" onClick={() => dialogRef.current?.showModal()} aria-label={`Revoke key ${name}`}>
        Revoke
      </Button>
      <ConfirmDialog
        dialogRef={dialogRef}
        title={<>Revoke “{name}”?</>}
        confirmLabel="Revoke key"
        pendingLabel="Revoking…"
        pending={pending}
        destructive
        onConfirm={revoke}
        alert={error ? <FormAlert message={error} /> : null}
      >
        Every client using <code className="font-mono">{prefix}…</code> loses access immediately, including open sessions. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
