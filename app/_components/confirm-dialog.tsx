"use client";

import { useId, type ReactNode, type RefObject } from "react";
import { Button } from "@/app/_components/button";

/**
 * A native modal <dialog> (focus trap, Escape closes it) that says what an action will do, with
 * Cancel (focused) and the action's own button. Left-aligned whatever its opener's cell aligns.
 */
export function ConfirmDialog({
  dialogRef,
  title,
  children,
  confirmLabel,
  pendingLabel = "Working…",
  pending,
  destructive,
  onConfirm,
  alert,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  pending: boolean;
  destructive: boolean;
  onConfirm: () => void;
  /** A failure to show inside the dialog. */
  alert?: ReactNode;
}) {
  const titleId = useId();
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-6 text-left whitespace-normal text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{children}</p>
      {alert ? <div className="mt-4">{alert}</div> : null}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => dialogRef.current?.close()} autoFocus>
          Cancel
        </Button>
        <Button variant={destructive ? "danger" : "primary"} onClick={onConfirm} disabled={pending}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
