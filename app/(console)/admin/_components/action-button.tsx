"use client";

import { useRef } from "react";
import { Button, type ButtonVariant } from "@/app/_components/button";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import type { AdminActionResult } from "@/lib/console/admin/admin-action-result";
import { ActionMessage } from "./action-message";
import { useAdminAction } from "./use-admin-action";

export interface ConfirmText {
  title: string;
  body: string;
  confirmLabel: string;
}

/**
 * One admin action behind one button, posting `fields`. With `confirm`, the button first opens a
 * ConfirmDialog that says what will happen: used for every destructive change, whose opener is
 * outlined in red and whose confirm button is solid red. The answer is shown next to the button
 * (or in the dialog on failure).
 */
export function ActionButton({
  label,
  ariaLabel,
  action,
  fields,
  confirm,
  variant = "secondary",
}: {
  label: string;
  ariaLabel?: string;
  action: (formData: FormData) => Promise<AdminActionResult>;
  fields: Record<string, string>;
  confirm?: ConfirmText;
  variant?: ButtonVariant;
}) {
  const { result, pending, run, clear } = useAdminAction(action);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const destructive = variant === "danger";

  function submit() {
    const formData = new FormData();
    for (const [name, value] of Object.entries(fields)) formData.set(name, value);
    run(formData, () => dialogRef.current?.close());
  }

  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        variant={confirm && destructive ? "danger-outline" : variant}
        aria-label={ariaLabel}
        disabled={pending}
        onClick={() => {
          clear();
          if (confirm) dialogRef.current?.showModal();
          else submit();
        }}
      >
        {pending && !confirm ? "Working…" : label}
      </Button>
      {confirm ? (
        <ConfirmDialog
          dialogRef={dialogRef}
          title={confirm.title}
          confirmLabel={confirm.confirmLabel}
          pending={pending}
          destructive={destructive}
          onConfirm={submit}
          alert={result && !result.ok ? <ActionMessage result={result} /> : null}
        >
          {confirm.body}
        </ConfirmDialog>
      ) : null}
      {confirm && result && !result.ok ? null : <ActionMessage result={result} />}
    </div>
  );
}
