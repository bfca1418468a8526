import { Activity } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";

export const metadata: Metadata = { title: "Usage" };

export default function UsagePage() {
  return (
    <>
      <PageHeader title="Usage" description="Calls made with your keys: volume, latency and errors per tool." />
      <EmptyState
        icon={<Activity className="size-6" />}
        title="No calls yet"
        action={
          <Link href="/keys" className={buttonClasses("primary")}>
            Mint a key
          </Link>
        }
      >
        Connect Claude Code with one of your keys and call a tool; its calls show up here within a minute.
      </EmptyState>
    </>
  );
}
