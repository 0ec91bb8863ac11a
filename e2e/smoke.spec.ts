import { expect, test } from "@playwright/test";

test("the page shows the project's name", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /Downhill/ })).toBeVisible();
  expect(errors).toEqual([]);
});
