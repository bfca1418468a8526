"use client";

import { Search } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useRef, type FormEvent } from "react";
import { Button } from "@/app/_components/button";

const SELECT = "rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

export interface FilterOption {
  value: string;
  label: string;
}

/** One labelled filter <select> that applies itself when picked. */
function FilterPicker({ id, name, label, value, options, onPick }: { id: string; name: string; label: string; value: string; options: FilterOption[]; onPick: () => void }) {
  return (
    <div className="flex flex-[1_1_9rem] flex-col gap-1.5 sm:flex-none">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} onChange={onPick} className={SELECT}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Search and filters of the Tools list: a GET form (works without JavaScript), which with
 * JavaScript applies itself as you type (debounced) or pick, keeping the URL shareable.
 */
export function ToolListFilters({ q, status, source, statusOptions, sourceOptions }: { q: string; status: string; source: string; statusOptions: FilterOption[]; sourceOptions: FilterOption[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const formRef = useRef<HTMLFormElement>(null);
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);

  function apply() {
    const form = formRef.current;
    if (!form) return;
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === "string" && value.trim() !== "") params.set(name, value.trim());
    const query = params.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clearTimeout(typing.current);
    apply();
  }

  return (
    <form ref={formRef} method="get" action={pathname} role="search" aria-label="Search tools" onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <div className="flex min-w-0 flex-[1_1_16rem] flex-col gap-1.5">
        <label htmlFor="tools-q" className="text-sm font-medium">
          Search
        </label>
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" aria-hidden="true" />
          <input
            id="tools-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={200}
            placeholder="Name, title or description"
            autoComplete="off"
            onChange={() => {
              clearTimeout(typing.current);
              typing.current = setTimeout(apply, 250);
            }}
            className={`${SELECT} w-full pl-9`}
          />
        </div>
      </div>
      <FilterPicker id="tools-status" name="status" label="Status" value={status} options={statusOptions} onPick={apply} />
      <FilterPicker id="tools-source" name="source" label="Source" value={source} options={sourceOptions} onPick={apply} />
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
