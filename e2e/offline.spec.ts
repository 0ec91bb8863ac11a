import { expect, test } from "./fixtures";

/**
 * After one visit the app works with no network: the service worker (vite-plugin-pwa +
 * Workbox) has precached the build, the workers and KaTeX's fonts.
 */
test("after one visit the app reloads and races offline, formulas typeset in KaTeX's own fonts", async ({ page, context, pageErrors }) => {
  await page.goto("/");
  // The worker controls the page once it has installed (precached everything) and claimed it.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), { once: true }));
  });
  await context.setOffline(true);
  // A request that skips the cache fails: the network really is gone.
  expect(await page.evaluate(() => fetch(`/index.html?${Math.random()}`, { cache: "no-store" }).then(() => "online", () => "offline"))).toBe("offline");
  // That probe's failed request is the one console error this test expects.
  expect(pageErrors.splice(0)).toEqual(["Failed to load resource: net::ERR_INTERNET_DISCONNECTED"]);

  await page.reload();
  await expect(page.getByRole("heading", { name: /Downhill/ })).toBeVisible();
  await page.getByRole("button", { name: "Run to end" }).click();
  await expect(page.getByLabel("Step", { exact: true })).toHaveAttribute("data-step", "5000", { timeout: 20_000 });
  // The contour workers ran too: the plot's canvas is not blank.
  await expect(page.locator(".katex").first()).toBeVisible();
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.replace(/"/g, "").startsWith("KaTeX_") && f.status === "loaded").map((f) => f.family.replace(/"/g, ""));
  });
  expect(fonts).toContain("KaTeX_Main");
  expect(fonts).toContain("KaTeX_Math");
  await context.setOffline(false);
});

test("the app is installable: a manifest with a name, a start URL, standalone display and 192 and 512 px icons", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ name: expect.stringContaining("Downhill"), short_name: "Downhill", display: "standalone", start_url: expect.any(String) });
  const sizes = (manifest.icons as { sizes: string; src: string; type: string }[]).map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons as { src: string; sizes: string }[]) {
    const res = await request.get(icon.src);
    expect(res.ok()).toBe(true);
    const png = await res.body();
    // PNG signature, then IHDR's width and height match the size the manifest declares.
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
  }
});
