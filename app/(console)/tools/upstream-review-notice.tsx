import Link from "next/link";
import type { UpstreamReviewState } from "@/lib/tool-catalog/get-upstream-review-state";

/** Why an upstream tool is not served right now (held for review, missing upstream), and where to act; nothing when it is. */
export function UpstreamReviewNotice({ review, server }: { review: UpstreamReviewState | null; server: string | null }) {
  if (review !== "held" && review !== "missing") return null;
  return (
    <p role="note" className="mt-2 rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900 dark:bg-indigo-950/40 dark:text-indigo-200">
      {review === "held"
        ? `Held for review: ${server ?? "its server"} offers a new or changed definition, and no client can list or call the tool until an admin approves it. `
        : `Missing upstream: ${server ?? "its server"} no longer lists this tool, so no client can call it; it returns if the server lists it again. `}
      <Link href="/admin/servers" className="font-medium underline">
        {review === "held" ? "Review it on the Servers page" : "Check the server"}
      </Link>
    </p>
  );
}
