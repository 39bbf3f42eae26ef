import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // Vitest's default (cores − 1) runs the files one at a time on a 2-core machine, where
    // much of the suite waits on child processes and servers: two at a time took the suite
    // from 160 s to 116 s there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
