import { describe, expect, it } from "vitest";
import type { ContourBridge } from "../worker/bridge";
import type { FromWorker, ToContourWorker } from "../worker/protocol";
import { ContourRequests, type ContourReply } from "./contourRequests";

/** A contour worker the test answers by hand. */
function fakeWorker() {
  const sent: ToContourWorker[] = [];
  const listeners = new Set<(m: FromWorker) => void>();
  const bridge: ContourBridge = {
    send: (m) => void sent.push(m),
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
  };
  const reply = (m: FromWorker) => listeners.forEach((l) => l(m));
  return { bridge, sent, reply };
}

const view = { x: [-2, 2] as [number, number], y: [-1, 3] as [number, number] };

function part(req: ToContourWorker, values: number[], millis: number): ContourReply {
  return {
    type: "contours",
    requestId: req.requestId,
    view: req.view,
    nx: req.nx,
    ny: req.ny,
    thresholds: [1, 2, 3, 4],
    bands: values.map((value) => ({ value, coordinates: [] })),
    min: 0,
    max: 10,
    millis,
    part: req.part,
  };
}

describe("ContourRequests", () => {
  it("shares one request out (part i of n) and resolves once every worker answered, bands in threshold order", async () => {
    const [a, b] = [fakeWorker(), fakeWorker()];
    const requests = new ContourRequests([a.bridge, b.bridge], () => {});
    let done: ContourReply | null = null;
    const p = requests.request("rosenbrock", view, 200, 150, 20).then((r) => (done = r));
    expect(a.sent[0]).toMatchObject({ type: "contours", surface: "rosenbrock", nx: 200, ny: 150, levels: 20, part: 0, parts: 2 });
    expect(b.sent[0]).toMatchObject({ part: 1, parts: 2, requestId: a.sent[0].requestId });
    a.reply(part(a.sent[0], [1, 3], 40));
    await Promise.resolve();
    expect(done).toBeNull();
    b.reply(part(b.sent[0], [2, 4], 55));
    const merged = await p;
    expect(merged.bands.map((band) => band.value)).toEqual([1, 2, 3, 4]);
    expect([merged.millis, merged.part, requests.waiting]).toEqual([55, undefined, 0]);
  });

  it("drops requests left waiting behind more than four newer ones, and ignores their late parts", () => {
    const w = fakeWorker();
    const requests = new ContourRequests([w.bridge], () => {});
    for (let i = 0; i < 10; i++) void requests.request("bowl", view, 10, 10, 5);
    expect(requests.waiting).toBe(5);
    w.reply(part(w.sent[0], [1], 1)); // the first request's late answer: nobody waits for it
    expect(requests.waiting).toBe(5);
  });

  it("passes a worker's error message on", () => {
    const w = fakeWorker();
    const errors: string[] = [];
    new ContourRequests([w.bridge], (m) => errors.push(m));
    w.reply({ type: "error", message: 'unknown surface "nowhere"' });
    expect(errors).toEqual(['unknown surface "nowhere"']);
  });
});
