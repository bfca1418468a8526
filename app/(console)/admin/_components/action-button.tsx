"use client";

import { useId, useRef } from "react";
import { Button, type ButtonVariant } from "@/app/_components/button";
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
 * native <dialog> (focus trap, Escape closes it) that says what will happen: used for every
 * destructive change. The answer is shown next to the button (or in the dialog on failure).
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
  const titleId = useId();

  function submit() {
    const formData = new FormData();
    for (const [name, value] of Object.entries(fields)) formData.set(name, value);
    run(formData, () => dialogRef.current?.close());
  }

  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        variant={confirm ? (variant === "danger" ? "ghost" : variant) : variant}
        className={confirm && variant === "danger" ? "text-red-700 dark:text-red-400" : ""}
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
        <dialog
          ref={dialogRef}
          aria-labelledby={titleId}
          className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-6 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <h2 id={titleId} className="text-lg font-semibold">
            {confirm.title}
          </h2>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{confirm.body}</p>
          {result && !result.ok ? (
            <div className="mt-4">
              <ActionMessage result={result} />
            </div>
          ) : null}
          <div className="mt-5 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialogRef.current?.close()} autoFocus>
              Cancel
            </Button>
            <Button variant={variant === "danger" ? "danger" : "primary"} onClick={submit} disabled={pending}>
              {pending ? "Working…" : confirm.confirmLabel}
            </Button>
          </div>
        </dialog>
      ) : null}
      {confirm && result && !result.ok ? null : <ActionMessage result={result} />}
    </div>
  );
}
