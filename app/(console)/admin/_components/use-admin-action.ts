"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { AdminActionResult } from "@/lib/console/admin/admin-action-result";

/**
 * Runs an admin Server Action from a client control: tracks pending state, keeps the answer for
 * display and refreshes the server-rendered page after a success. A failed round trip (network,
 * hub restarting) becomes an ordinary error answer rather than an unhandled rejection.
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

  return { result, pending, run, clear: () => setResult(null) };
}
