/** One element of a parsed glob. */
type GlobToken =
  | { kind: "char"; char: string }
  /** `?`: one character other than "/". */
  | { kind: "one" }
  /** `*`: any run of characters other than "/". */
  | { kind: "star" }
  /** `**` not followed by "/": anything, "/" included. */
  | { kind: "any" }
  /** `**` then "/": zero or more whole folders, each ending in "/". */
  | { kind: "dirs" };

/** A glob ready to test names against. */
export interface CompiledGlob {
  /** Whether the whole candidate matches the glob. Time O(glob × candidate length), never backtracking. */
  matches(candidate: string): boolean;
  /** True when the glob has no "/": it is meant for the file name, not the path. */
  matchesBaseName: boolean;
}

/**
 * Compiles a simple glob (`*`, `**`, `?`; every other character literal) into a matcher. `**`
 * then "/" stands for any number of whole folders, so `src/**` + `/*.ts` also matches `src/a.ts`.
 * A glob without "/" matches the file name; one with "/" matches the path from the search folder.
 *
 * It is matched by simulating its automaton over a set of states, not with a RegExp: a
 * backtracking engine given `****…Z` or a run of `**` + "/" (the schema allows 200 characters) takes
 * exponential time on a near-miss and blocks the event loop for seconds to hours. Here each
 * candidate character costs at most one pass over the glob. Runs of equivalent wildcards are
 * collapsed too, so `****` costs what `*` does.
 */
export function compileGlob(glob: string): CompiledGlob {
  const tokens = parseGlob(glob);
  const size = tokens.length;
  // Which states are live: `at[i]` = before token i (i = size: the whole glob matched);
  // `inside[i]` = part-way through a folder name of the folders wildcard at i (it must reach "/" to finish).
  let at = new Uint8Array(size + 1);
  let inside = new Uint8Array(size + 1);
  let nextAt = new Uint8Array(size + 1);
  let nextInside = new Uint8Array(size + 1);

  // Wildcards may match nothing, so being before one also means being after it.
  const followEmpty = (states: Uint8Array): void => {
    for (let index = 0; index < size; index += 1) {
      if (states[index] && tokens[index].kind !== "char" && tokens[index].kind !== "one") states[index + 1] = 1;
    }
  };

  const matches = (candidate: string): boolean => {
    at.fill(0);
    inside.fill(0);
    at[0] = 1;
    followEmpty(at);
    // UTF-16 units, as the glob is read: a literal character is then the same units on both sides.
    for (let position = 0; position < candidate.length; position += 1) {
      const char = candidate[position];
      nextAt.fill(0);
      nextInside.fill(0);
      let live = false;
      for (let index = 0; index < size; index += 1) {
        if (inside[index]) {
          if (char === "/") nextAt[index] = 1;
          else nextInside[index] = 1;
          live = true;
        }
        if (!at[index]) continue;
        const token = tokens[index];
        if (token.kind === "char") {
          if (char === token.char) nextAt[index + 1] = 1;
        } else if (token.kind === "one") {
          if (char !== "/") nextAt[index + 1] = 1;
        } else if (token.kind === "star") {
          if (char !== "/") nextAt[index] = 1;
        } else if (token.kind === "any") {
          nextAt[index] = 1;
        } else if (char === "/") {
          nextAt[index] = 1;
        } else {
          nextInside[index] = 1;
        }
        live = true;
      }
      if (!live) return false;
      followEmpty(nextAt);
      [at, nextAt] = [nextAt, at];
      [inside, nextInside] = [nextInside, inside];
    }
    return at[size] === 1;
  };

  return { matches, matchesBaseName: !glob.includes("/") };
}

/** Splits a glob into tokens, collapsing wildcard runs that match the same strings as one of them. */
function parseGlob(glob: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  const push = (token: GlobToken): void => {
    const previous = tokens.at(-1);
    if (token.kind === "star" || token.kind === "dirs" || token.kind === "any") {
      // `**` swallows any neighbouring wildcard; a repeated `*` or folders wildcard is one of them.
      if (previous?.kind === "any" || previous?.kind === token.kind) return;
      if (token.kind === "any") {
        while (tokens.at(-1)?.kind === "star" || tokens.at(-1)?.kind === "dirs") tokens.pop();
      }
    }
    tokens.push(token);
  };
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index];
    if (char === "*" && glob[index + 1] === "*") {
      const slashFollows = glob[index + 2] === "/";
      push(slashFollows ? { kind: "dirs" } : { kind: "any" });
      index += slashFollows ? 2 : 1;
    } else if (char === "*") {
      push({ kind: "star" });
    } else if (char === "?") {
      push({ kind: "one" });
    } else {
      push({ kind: "char", char });
    }
  }
  return tokens;
}
