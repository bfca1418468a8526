"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { AdminActionResult } from "@/lib/console/admin/admin-action-result";

/**
 * Runs an admin Server Action from a client control: tracks pending state, keeps the answer for
 * display and refreshes the server-rendered page after a success. A failed round trip (network,
 * hub restarting) becomes an ordinary error answer rather than an unhandled rejection.
 * `submit` is the onSubmit of a form that posts its own fields: the page does not reload, and
 * `onSuccess` gets the form (the event's currentTarget is gone once the action has answered).
 */
export function useAdminAction(action: (formData: FormData) => Promise<AdminActionResult>) {
  const router = useRouter();
  const [result, setResult] = useState<AdminActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  function run(formData: FormData, onSuccess?: (result: AdminActionResult) => void) {
    startTransition(async () => {
      let answer: AdminActionResult;
      try {
        answer = await action(formData);
      } catch {
        answer = { ok: false, message: "Could not reach the hub. Check your connection and try again." };
      }
      setResult(answer);
      if (answer.ok) {
        onSuccess?.(answer);
        router.refresh();
      }
    });
  }

  function submit(event: FormEvent<HTMLFormElement>, onSuccess?: (form: HTMLFormElement) => void) {
    event.preventDefault();
    const form = event.currentTarget;
    run(new FormData(form), onSuccess && (() => onSuccess(form)));
  }

  return { result, pending, run, submit, clear: () => setResult(null) };
}
