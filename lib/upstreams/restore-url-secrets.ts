import { listUrlSecrets } from "@/lib/upstream-connections/list-url-secrets";
import { redactUrl, URL_SECRET_PLACEHOLDER } from "@/lib/upstream-connections/redact-url";

/**
 * The URL an edit sets, from the URL it gives and the stored one (in full). Pure. The URL as shown
 * (the console's edit form sends it back as loaded) keeps the stored URL. Otherwise each "***"
 * stands for the stored part in its place, as a header left without a value keeps its stored
 * value: the password (of the same user), a user name standing alone, a query value (the stored
 * value of that name, in order) or the fragment. `kept` names the stored parts used, so the caller can refuse sending
 * them to another host. Refuses, naming the part (never a value), a "***" with nothing stored
 * behind it: saved as typed, it would quietly replace the secret with three asterisks.
 */
export function restoreUrlSecrets(given: string, stored: string | null): { ok: true; url: string; kept: string[] } | { ok: false; message: string } {
  const before = parseOrNull(stored);
  if (before && stored && given === redactUrl(stored)) return { ok: true, url: stored, kept: listUrlSecrets(stored).length > 0 ? ["the URL's secret parts"] : [] };
  const after = new URL(given);
  const kept: string[] = [];
  const refuse = (part: string) => ({ ok: false as const, message: `url: ${part} is "${URL_SECRET_PLACEHOLDER}", the placeholder of a stored secret, but none is stored in its place; give its value` });
  if (after.password === URL_SECRET_PLACEHOLDER) {
    if (!before?.password || before.username !== after.username) return refuse("the password");
    after.password = before.password;
    kept.push("the URL's password");
  } else if (after.username === URL_SECRET_PLACEHOLDER && !after.password) {
    if (!before?.username || before.password) return refuse("the user name");
    after.username = before.username;
    kept.push("the URL's user name");
  }
  const storedValues = queryEntries(before?.search ?? "");
  const query: string[] = [];
  for (const entry of queryEntries(after.search)) {
    if (entry.value !== URL_SECRET_PLACEHOLDER) {
      query.push(entry.raw);
      continue;
    }
    const index = storedValues.findIndex((candidate) => candidate.name === entry.name && candidate.value !== undefined);
    if (entry.name === undefined || index < 0) return refuse(entry.name === undefined ? "a query entry" : `the query value ${entry.name}`);
    query.push(storedValues.splice(index, 1)[0].raw);
    kept.push(`the URL's query value ${entry.name}`);
  }
  let fragment = after.hash;
  if (fragment === `#${URL_SECRET_PLACEHOLDER}`) {
    if (!before?.hash) return refuse("the fragment");
    fragment = before.hash;
    kept.push("the URL's fragment");
  }
  after.search = "";
  after.hash = "";
  return { ok: true, url: `${after.href}${query.length > 0 ? `?${query.join("&")}` : ""}${fragment}`, kept };
}

/** Query entries as written: `name=value`, or a bare entry (no name: it is the value). */
function queryEntries(search: string): { raw: string; name?: string; value?: string }[] {
  return search
    .slice(1)
    .split("&")
    .filter(Boolean)
    .map((raw) => (raw.includes("=") ? { raw, name: raw.slice(0, raw.indexOf("=")), value: raw.slice(raw.indexOf("=") + 1) } : { raw, value: raw }));
}

function parseOrNull(url: string | null): URL | null {
  try {
    return url ? new URL(url) : null;
  } catch {
    return null;
  }
}
