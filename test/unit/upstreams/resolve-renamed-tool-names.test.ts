import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { resolveRenamedToolNames, type ToolRename } from "@/lib/upstreams/resolve-renamed-tool-names";

const rename = (from: string, to: string, tools: string[]): ToolRename => ({ from: tools.map((tool) => `${from}__${tool}`), to: tools.map((tool) => `${to}__${tool}`) });

describe("resolveRenamedToolNames", () => {
  const cases: Array<{ name: string; renames: ToolRename[]; current: string[]; expected: Record<string, string> }> = [
    { name: "one rename: each old name → its new one", renames: [rename("alpha", "beta", ["echo", "sum"])], current: ["beta__echo", "beta__sum"], expected: { alpha__echo: "beta__echo", alpha__sum: "beta__sum" } },
    { name: "renamed twice: every old name → the latest", renames: [rename("alpha", "beta", ["echo"]), rename("beta", "gamma", ["echo"])], current: ["gamma__echo"], expected: { alpha__echo: "gamma__echo", beta__echo: "gamma__echo" } },
    { name: "renamed back: the name in use again is its own tool", renames: [rename("alpha", "beta", ["echo"]), rename("beta", "alpha", ["echo"])], current: ["alpha__echo"], expected: { beta__echo: "alpha__echo" } },
    { name: "a new server took the old name: its tools are not redirected", renames: [rename("alpha", "beta", ["echo"])], current: ["beta__echo", "alpha__echo"], expected: {} },
    { name: "a loop of renames of a server since removed redirects nowhere (and ends)", renames: [rename("a", "b", ["x"]), rename("b", "a", ["x"])], current: [], expected: {} },
    { name: "an event whose lists do not pair up is skipped", renames: [{ from: ["alpha__echo", "alpha__sum"], to: ["beta__echo"] }], current: ["beta__echo"], expected: {} },
  ];
  for (const entry of cases) {
    test(entry.name, () => {
      assert.deepEqual(Object.fromEntries(resolveRenamedToolNames(entry.renames, new Set(entry.current))), entry.expected);
    });
  }
});
