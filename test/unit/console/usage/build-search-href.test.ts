import assert from "node:assert/strict";
import { test } from "node:test";
import { buildSearchHref } from "@/lib/console/usage/build-search-href";

test("buildSearchHref: keeps set params, drops empty ones, encodes values", () => {
  assert.equal(buildSearchHref("/usage", {}), "/usage");
  assert.equal(buildSearchHref("/usage", { range: "7d", user: null, key: undefined, tool: "" }), "/usage?range=7d");
  assert.equal(buildSearchHref("/usage/calls", { tool: "read file&x", from: "2026-11-24T09:00:00.000Z", cursor: "42" }), "/usage/calls?tool=read+file%26x&from=2026-11-24T09%3A00%3A00.000Z&cursor=42");
});
