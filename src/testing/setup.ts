// Every test process has typed surfaces, as the workers and the CLI do (see src/core/surfaces/formulaSupport.ts).
import "../core/surfaces/typedSurfaces";
