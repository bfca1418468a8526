import { ScrollText } from "lucide-react";
import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";

/** The call log with nothing to show: no match for the filters (or no older page), or no calls at all yet (then: mint a key or use one). */
export function CallLogEmptyState({ narrowed, olderPage, hasKeys, own }: { narrowed: boolean; olderPage: boolean; hasKeys: boolean; own: boolean }) {
  if (narrowed || olderPage) {
    return (
      <EmptyState
        icon={<ScrollText className="size-6" />}
        title={olderPage ? "No older calls" : "No calls match these filters"}
        action={
          <Link href="/usage/calls" className={buttonClasses("secondary")}>
            Clear filters
          </Link>
        }
      >
        Widen the time window, pick another tool, server or status, or clear the filters to see every call.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<ScrollText className="size-6" />}
      title={hasKeys ? "No calls yet" : "Mint your first key"}
      action={
        <Link href="/keys" className={buttonClasses("primary")}>
          {hasKeys ? "Go to your keys" : "Mint a key"}
        </Link>
      }
    >
      Each tool call an MCP client makes with {own ? "your keys" : "a key"} is listed here within a second or two.
    </EmptyState>
  );
}
