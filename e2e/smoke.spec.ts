import { expect, test } from "./fixtures";

test("the page shows the project's name", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /Downhill/ })).toBeVisible();
  await expect(page).toHaveTitle(/Downhill/);
});
