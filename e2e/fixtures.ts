/// <reference lib="dom" />
import { expect, test as base } from "@playwright/test";

/**
 * Every browser test fails on a console error or an uncaught exception in the page
 * ("no console errors" is a convention the page keeps), without each spec wiring it up.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(e.message));
      await use(errors);
      expect(errors, "console errors and uncaught exceptions").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Page } from "@playwright/test";
