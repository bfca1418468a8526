import assert from "node:assert/strict";
import { test } from "node:test";
import { formatCallRate } from "@/lib/console/usage/format-call-rate";

const DAY_MINUTES = 1440;
const cases: Array<[number, string]> = [
  [0, "0 calls/min"],
  [5 / DAY_MINUTES, "5 calls/day"],
  [90 / DAY_MINUTES, "3.8 calls/h"],
  [1 / 60, "1 calls/h"],
  [12.345, "12.3 calls/min"],
  [1, "1 calls/min"],
];
for (const [perMinute, text] of cases) test(`formatCallRate(${perMinute}) is ${text}`, () => assert.equal(formatCallRate(perMinute), text));
