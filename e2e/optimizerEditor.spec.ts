import { optimizers } from "../src/core/optim";
import { expect, test } from "./fixtures";

/**
 * The run editor shows one control per optimizer parameter, read from the registry, except
 * parameters marked `control: false` (nothing drawn depends on them: ASGD's averaging
 * start t₀ only moves PyTorch's `ax`, which is not the drawn iterate); and the update-rule
 * panel shows the formula the registry assembles from the optimizer's transforms.
 */
test("each optimizer's editor has a control for every parameter the app draws, none for t₀", async ({ page }) => {
  await page.goto("/");
  const picker = page.getByRole("combobox", { name: "Optimizer", exact: true });
  for (const def of Object.values(optimizers)) {
    await picker.selectOption(def.name);
    for (const spec of Object.values(def.params)) {
      const hidden = "control" in spec && spec.control === false;
      const role = spec.kind === "boolean" ? "checkbox" : spec.kind === "enum" ? "combobox" : "slider";
      await expect(page.getByRole(role, { name: spec.label, exact: true }), `${def.name}: ${spec.label}`).toHaveCount(hidden ? 0 : 1);
    }
  }
  await picker.selectOption("asgd");
  await expect(page.getByRole("slider", { name: "Lambda", exact: true })).toHaveCount(1);
  await expect(page.getByText("Averaging start", { exact: true })).toHaveCount(0);
  // The rule still names t₀: it is in the experiment and the formula, only not a control.
  await expect(page.locator("section.update-rule annotation").filter({ hasText: "t_0" }).first()).toBeAttached();
});
