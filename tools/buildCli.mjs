/**
 * Compiles the headless runner (src/cli/race.ts and everything it imports) into one
 * CommonJS file, build/race.cjs, so `npm run race` starts plain node instead of compiling
 * TypeScript at every launch (CommonJS so that bin/race.cjs can hand V8 a code cache for
 * it). Also writes build/race.inputs.json: the files the bundle was made from, which
 * bin/race.cjs compares against the bundle's age to rebuild a stale one. Runs from
 * `npm install`/`npm ci` (the `prepare` script) and `npm run build:cli`.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { relative } from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));
export const BUNDLE = "build/race.cjs";
export const INPUTS = "build/race.inputs.json";

/** Builds synchronously; throws esbuild's error (file:line: message) when a source does not compile. */
export async function buildCli() {
  const { buildSync } = await import("esbuild");
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: ["src/cli/race.ts"],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // Syntax and whitespace only: identifiers stay readable in an "internal error" message.
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: "none",
    metafile: true,
    write: false,
    outfile: BUNDLE,
    logLevel: "silent",
  });
  // Our sources, this script and the lockfile (a dependency upgrade changes it) decide staleness;
  // walking node_modules at every launch would cost more than it saves.
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith("node_modules/"));
  inputs.push("tools/buildCli.mjs", "package-lock.json");
  mkdirSync(`${root}build`, { recursive: true });
  // Write beside, then rename: a launch running at the same time never sees half a bundle.
  const tmp = `${root}${BUNDLE}.${process.pid}.tmp`;
  writeFileSync(`${root}${INPUTS}`, JSON.stringify(inputs));
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, `${root}${BUNDLE}`);
  return relative(process.cwd(), `${root}${BUNDLE}`) || BUNDLE;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const out = await buildCli();
    if (!process.argv.includes("--quiet")) console.log(`built ${out}`);
  } catch (err) {
    // Without devDependencies (npm install --omit=dev) there is no esbuild: bin/race.cjs says so when run.
    if (err && err.code === "ERR_MODULE_NOT_FOUND") console.warn(`race CLI not built: ${err.message}`);
    else throw err;
  }
}
