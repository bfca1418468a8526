/**
 * Turns a simple glob (`*`, `**`, `?`; nothing else is special) into an anchored RegExp. Every other
 * character is escaped, so a client cannot smuggle a regular expression (and a ReDoS) through it.
 * A glob without "/" matches the file name; one with "/" matches the path from the search folder.
 */
export function globToRegExp(glob: string): { regExp: RegExp; matchesBaseName: boolean } {
  let source = "";
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index];
    if (char === "*" && glob[index + 1] === "*") {
      const slashFollows = glob[index + 2] === "/";
      source += slashFollows ? "(?:[^/]*/)*" : ".*";
      index += slashFollows ? 2 : 1;
    } else if (char === "*") {
      source += "[^/]*";
    } else if (char === "?") {
      source += "[^/]";
    } else {
      source += char.replace(/[.+^${}()|[\]\\/-]/g, "\\$&");
    }
  }
  return { regExp: new RegExp(`^${source}$`), matchesBaseName: !glob.includes("/") };
}
