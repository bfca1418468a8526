import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-3 px-6 text-center">
      <p className="font-mono text-sm text-zinc-500 dark:text-zinc-400">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">This page does not exist or has moved.</p>
      <Link href="/keys" className="text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400">
        Go to your keys
      </Link>
    </main>
  );
}
