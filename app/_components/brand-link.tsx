import Link from "next/link";

/** The product mark and name, linking home: the console header and the 404 page. */
export function BrandLink({ href }: { href: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-indigo-500">
      <span aria-hidden="true" className="grid size-6 place-items-center rounded-md bg-indigo-600 text-xs font-bold text-white">
        S
      </span>
      Switchboard
    </Link>
  );
}
