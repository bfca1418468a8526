import type { CommandToolSeed } from "@/mcp/tools/command-tool-seed";

/**
 * v2 (breaking: `path` and `timeoutSeconds` are required, `pattern` became `grep`): runs the tests
 * in one workspace file or folder with Node's test runner.
 */
export const runTestsV2Seed: CommandToolSeed = {
  definition: {
    name: "run_tests_v2",
    version: "2.0.0",
    title: "Run tests (v2)",
    description: "Runs the tests in one workspace file or folder with Node's test runner (node --test) and returns the report with the exit code.",
    argv: ["node", "--test", "--test-reporter=spec", "{{grep}}", "{{path}}"],
    parameters: {
      path: { type: "path", required: true, description: "Test file or folder relative to the workspace root, e.g. test/unit" },
      grep: {
        type: "string",
        description: "Only run tests whose name matches this pattern, e.g. parser",
        pattern: "[A-Za-z0-9 _.,:/()*+?|^$-]+",
        max: 200,
        flag: "--test-name-pattern",
      },
      timeoutSeconds: { type: "integer", required: true, min: 1, max: 600, description: "Kill the run after this many seconds (1-600)" },
    },
    workingDir: ".",
    timeoutMs: 600_000,
    maxOutputBytes: 65_536,
  },
};
