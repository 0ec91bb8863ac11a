import { useEffect, useId, useRef } from "react";
import { useStore } from "../../../state/store";
import { trajectories } from "../../../state/trajectories";
import { createStepChart, type StepChart as Chart, type StepChartOptions } from "./stepChart";
import { watchTheme } from "../../theme";

interface Props extends Omit<StepChartOptions, "describe"> {
  /** Accessible name of the canvas. */
  label: string;
}

/**
 * React shell of a step chart: sizes the canvas to its box, wires the chart to the
 * trajectories and the store (transient subscriptions, no re-render per batch), and lets
 * a click or drag on the plot set the scrub step (double-click returns to the live step).
 */
export function StepChart({ label, ...options }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const descRef = useRef<HTMLParagraphElement>(null);
  const chartRef = useRef<Chart | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const descId = useId();

  useEffect(() => {
    const canvas = canvasRef.current!;
    const box = boxRef.current!;
    const chart = createStepChart(canvas, {
      ...optionsRef.current,
      describe: (text) => {
        if (descRef.current) descRef.current.textContent = text;
      },
    });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize(box.clientWidth, box.clientHeight));
    observer.observe(box);
    chart.resize(box.clientWidth, box.clientHeight);
    const offTrajectories = trajectories.subscribe(chart.invalidate);
    const offStore = useStore.subscribe(chart.invalidate);
    const offScheme = watchTheme(chart.refreshTheme);
    return () => {
      observer.disconnect();
      offTrajectories();
      offStore();
      offScheme();
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  // The series and scale choice are plain functions: hand the chart the current ones.
  const { series, yLabel, scaleKind, quantity, lineKey, onScaleKind } = options;
  useEffect(() => {
    chartRef.current?.setOptions({ series, yLabel, scaleKind, quantity, lineKey, onScaleKind });
  }, [series, yLabel, scaleKind, quantity, lineKey, onScaleKind]);

  const scrubTo = (clientX: number) => {
    const s = chartRef.current?.stepAt(clientX);
    if (s !== null && s !== undefined) useStore.getState().setScrub(s);
  };

  return (
    <div className="step-chart" ref={boxRef}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={label}
        aria-describedby={descId}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          scrubTo(e.clientX);
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) scrubTo(e.clientX);
        }}
        onDoubleClick={() => useStore.getState().setScrub(null)}
      />
      <p id={descId} ref={descRef} className="visually-hidden" />
    </div>
  );
}
