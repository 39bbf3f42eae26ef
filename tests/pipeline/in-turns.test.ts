import { describe, expect, it } from "vitest";
import { mapInTurns } from "../../src/pipeline/in-turns.ts";

describe("mapInTurns", () => {
  it("maps like Array.map, letting the event loop run between turns", async () => {
    const seen: string[] = [];
    setImmediate(() => seen.push("event loop"));
    const results = await mapInTurns([1, 2, 3, 4, 5], 2, (n) => {
      seen.push(`item ${n}`);
      return n * 10;
    });
    expect(results).toEqual([10, 20, 30, 40, 50]);
    // Queued before the work started, it ran after the first turn, not after all of it.
    expect(seen.indexOf("event loop")).toBe(2);
  });

  it("does not wait at all for work that fits one turn", async () => {
    let ran = false;
    setImmediate(() => {
      ran = true;
    });
    await mapInTurns([1, 2], 5, (n) => n);
    expect(ran).toBe(false);
  });
});
