import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeLikePattern } from "@/lib/db/escape-like-pattern";

test("escapeLikePattern: LIKE's wildcards and its escape character are taken literally", () => {
  assert.equal(escapeLikePattern("files__"), "files\\_\\_");
  assert.equal(escapeLikePattern("100%"), "100\\%");
  assert.equal(escapeLikePattern("a\\b"), "a\\\\b");
  assert.equal(escapeLikePattern("sb-upstream://files-2/"), "sb-upstream://files-2/");
});
