import katex from "katex";
import { describe, expect, it } from "vitest";
import { defaultValues, inRange } from "../params";
import { Race } from "../engine/race";
import { optimizers } from "./index";

describe("optimizers registry", () => {
  const names = Object.keys(optimizers);

  it("holds every optimizer the engine issue names", () => {
    expect(names.sort()).toEqual(
      ["sgd", "adagrad", "rmsprop", "adam", "adamw", "nadam", "adamax", "adadelta", "radam", "rprop", "asgd", "emaMomentum", "nag", "lion"].sort(),
    );
  });

  it.each(names)("%s: keyed by its own name, defaults inside their own ranges", (name) => {
    const def = optimizers[name];
    expect(def.name).toBe(name);
    for (const [key, spec] of Object.entries(def.params)) {
      if (spec.kind === "number" || spec.kind === "integer") {
        expect(inRange(spec, spec.default), `${name}.${key} default`).toBe(true);
        expect(spec.slider[0]).toBeLessThan(spec.slider[1]);
        if (spec.scale === "log") expect(spec.slider[0]).toBeGreaterThan(0);
      }
    }
    expect(def.params.lr.label).toBe("Learning rate");
  });

  it.each(names)("%s: its update rule is valid KaTeX", (name) => {
    const tex = `\\begin{aligned}${optimizers[name].latex}\\end{aligned}`;
    expect(() => katex.renderToString(tex, { throwOnError: true, displayMode: true })).not.toThrow();
  });

  it.each(names)("%s: with a small lr, descends the bowl from (10, 1)", (name) => {
    const lr = name === "adadelta" ? 1 : name === "rprop" ? 0.01 : 0.01;
    const race = new Race({ surface: "bowl", steps: 300, runs: [{ id: name, optimizer: { name, lr } }] }).finish();
    const run = race.runs[0];
    expect(run.status).not.toBe("diverged");
    const loss = run.trace.loss;
    expect(loss[run.trace.count - 1]).toBeLessThan(loss[0]);
  });

  it("PyTorch 1.13 defaults", () => {
    const d = (n: string) => defaultValues(optimizers[n].params);
    expect(d("sgd")).toEqual({ lr: 0.01, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 });
    expect(d("adam")).toEqual({ lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, amsgrad: false });
    expect(d("adamw").weightDecay).toBe(0.01);
    expect(d("nadam")).toMatchObject({ lr: 2e-3, momentumDecay: 4e-3 });
    expect(d("adagrad")).toMatchObject({ lr: 0.01, eps: 1e-10, initialAccumulatorValue: 0, lrDecay: 0 });
    expect(d("rmsprop")).toMatchObject({ lr: 0.01, alpha: 0.99, eps: 1e-8, centered: false });
    expect(d("adadelta")).toMatchObject({ lr: 1, rho: 0.9, eps: 1e-6 });
    expect(d("rprop")).toMatchObject({ lr: 0.01, etaMinus: 0.5, etaPlus: 1.2, stepSizeMin: 1e-6, stepSizeMax: 50 });
    expect(d("asgd")).toMatchObject({ lr: 0.01, lambd: 1e-4, alpha: 0.75, t0: 1e6 });
    expect(d("adamax")).toMatchObject({ lr: 2e-3 });
    expect(d("radam")).toMatchObject({ lr: 1e-3 });
  });
});
