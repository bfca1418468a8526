import { Wrench } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";

export const metadata: Metadata = { title: "Tools" };

export default function ToolsPage() {
  return (
    <>
      <PageHeader title="Tools" description="The tools your keys may call, with their input schemas and deprecation notices." />
      <EmptyState
        icon={<Wrench className="size-6" />}
        title="No tools to show yet"
        action={
          <Link href="/keys" className={buttonClasses("secondary")}>
            Go to your keys
          </Link>
        }
      >
        Tools appear here once the hub has synced its catalogue and you have been granted some. Ask an admin for access if the list stays empty.
      </EmptyState>
    </>
  );
}
