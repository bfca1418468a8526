import { Activity, KeyRound } from "lucide-react";
import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";
import { buildSearchHref } from "@/lib/console/usage/build-search-href";
import type { UsageRange } from "@/lib/usage/usage-ranges";

/** No calls in the range: mint a first key, or widen the range. */
export function UsageEmptyState({ firstKey, rangeText, range, keep, own }: { firstKey: boolean; rangeText: string; range: UsageRange; keep: { user: string | null }; own: boolean }) {
  return firstKey ? (
        <EmptyState
          icon={<KeyRound className="size-6" />}
          title="Mint your first key"
          action={
            <Link href="/keys" className={buttonClasses("primary")}>
              Mint a key
            </Link>
          }
        >
          Usage appears once an MCP client calls a tool with one of your keys. Mint a key, paste its <code className="font-mono">claude mcp add</code> command, and call a tool.
        </EmptyState>
      ) : (
        <EmptyState
          icon={<Activity className="size-6" />}
          title={`No calls in the ${rangeText}`}
          action={
            <div className="flex flex-wrap justify-center gap-2">
              {range === "30d" ? null : (
                <Link href={buildSearchHref("/usage", { ...keep, range: "30d" })} className={buttonClasses("secondary")}>
                  Show the last 30 days
                </Link>
              )}
              <Link href="/keys" className={buttonClasses("secondary")}>
                Go to your keys
              </Link>
            </div>
          }
        >
          Connect a client with one of {own ? "your" : "the"} keys and call a tool; calls show up here within 15 seconds, and at once in the call log.
        </EmptyState>
      );
}
