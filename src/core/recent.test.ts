import { describe, expect, it } from "vitest";
import { recent } from "./recent";

describe("recent", () => {
  it("makes a value once per key while it is among the newest `kept`, then makes it again", () => {
    let made = 0;
    const memo = recent<{ key: string }>(2);
    const get = (key: string) => memo(key, () => (made++, { key }));
    const a = get("a");
    expect(get("a")).toBe(a);
    get("b");
    expect(made).toBe(2);
    get("c"); // drops "a", the oldest
    expect(get("b")).toEqual({ key: "b" });
    expect(made).toBe(3);
    expect(get("a")).not.toBe(a);
    expect(made).toBe(4);
  });
});
