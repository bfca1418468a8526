import type { CommandToolSeed } from "@/mcp/tools/command-tool-seed";

/** v1: runs every test of the workspace with Node's test runner. Superseded by run_tests_v2. */
export const runTestsSeed: CommandToolSeed = {
  definition: {
    name: "run_tests",
    version: "1.1.0",
    title: "Run tests",
    description: "Runs the workspace's tests with Node's test runner (node --test) and returns the report.",
    argv: ["node", "--test", "--test-reporter=spec", "{{pattern}}"],
    parameters: {
      pattern: {
        type: "string",
        description: "Only run tests whose name matches this pattern, e.g. parser",
        pattern: "[A-Za-z0-9 _.,:/()*+?|^$-]+",
        max: 200,
        flag: "--test-name-pattern",
      },
    },
    workingDir: ".",
    timeoutMs: 120_000,
    maxOutputBytes: 65_536,
  },
  deprecation: {
    replacement: "run_tests_v2",
    message: "The new version runs one file or folder and takes a timeout.",
    sunset: "2027-06-30",
  },
};
