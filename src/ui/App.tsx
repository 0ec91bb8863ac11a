import { useEffect } from "react";
import { getEngine } from "../state/engine";
import { exposeDebugHandle } from "../state/debugHandle";
import { useStore } from "../state/store";
import { ContourPlot } from "./plot/ContourPlot";
import { Transport } from "./controls/Transport";
import { RunList } from "./controls/RunList";
import { ToolsPanel } from "./tools/ToolsPanel";
import { SurfacePicker } from "./controls/SurfacePicker";
import { PresetPicker } from "./controls/PresetPicker";
import { Caption } from "./panels/Caption";
import { LrPanel } from "./panels/LrPanel";
import { LossPanel } from "./panels/LossPanel";
import { Leaderboard } from "./panels/Leaderboard";
import { UpdateRule } from "./panels/UpdateRule";
import { GradientVariancePanel } from "./panels/GradientVariancePanel";
import { useKeyboardShortcuts } from "./useKeyboardShortcuts";
import { InspectorButton, StepInspector, useInspectionWatcher } from "./inspector/StepInspector";
import { ShareMenu } from "./share/ShareMenu";
import { ExportMenu } from "./export/ExportMenu";
import { HelpButton, HelpOverlay } from "./HelpOverlay";
import { LectureButton } from "./lecture/LectureButton";
import { LecturePanel } from "./lecture/LecturePanel";
import { ScenesDialog } from "./lecture/ScenesDialog";
import { Embed, isEmbedView } from "./embed/Embed";

function Message() {
  const message = useStore((s) => s.message);
  const kind = useStore((s) => s.messageKind);
  return (
    <p className="message" role="status" aria-live="polite" data-kind={kind}>
      {message}
    </p>
  );
}

export function App() {
  useEffect(() => {
    getEngine();
    exposeDebugHandle();
  }, []);
  useKeyboardShortcuts();
  useInspectionWatcher();
  // `?embed`: only the plot, the transport and the caption (every hook above still runs).
  if (isEmbedView()) return <Embed />;
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">
          <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="6" fill="#1b2a41" />
            <path d="M4 8 C 12 8, 14 24, 28 24" stroke="#f6c344" strokeWidth="3" fill="none" />
            <circle cx="28" cy="24" r="3" fill="#e85d75" />
          </svg>
          Downhill
        </h1>
        <SurfacePicker />
        {/* The classroom: presets, sharing, exports, lecture mode (one component each). */}
        <nav className="toolbar" aria-label="Classroom">
          <PresetPicker />
          <ShareMenu />
          <ExportMenu />
          <ScenesDialog />
          <InspectorButton />
          <LectureButton />
          <HelpButton />
        </nav>
        <Message />
      </header>
      <main className="app-main">
        <section className="stage" aria-label="Race track">
          <ContourPlot />
          <Transport />
        </section>
        {/* The lesson sits beside the plot, above the runs: under it, it would shrink the plot. */}
        <aside className="sidebar" aria-label="Runs">
          <Caption />
          <RunList />
          <ToolsPanel />
        </aside>
        <section className="panels" aria-label="Panels">
          <LrPanel />
          <LossPanel />
          <Leaderboard />
          <UpdateRule />
          <GradientVariancePanel />
          <StepInspector />
        </section>
        <LecturePanel />
      </main>
      <HelpOverlay />
    </div>
  );
}
