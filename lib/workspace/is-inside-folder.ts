import path from "node:path";

/** True when `child` is `parent` or lies below it (both absolute and normalized). */
export function isInsideFolder(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}
