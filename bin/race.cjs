/**
 * Launches the compiled headless runner, build/race.cjs (see tools/buildCli.mjs):
 * - rebuilds it first when it is missing or older than any file it was built from (a few
 *   dozen stat calls, well under a millisecond), so `npm run race` is never stale;
 * - runs it through vm.Script with V8's code cache (build/race.cjs.cache, written after
 *   the first run and whenever V8 rejects it, e.g. after a rebuild or a Node upgrade), so
 *   a launch does not parse and compile 600 KB of JavaScript again. CommonJS throughout:
 *   the ES module loader would cost more start-up than the cache saves. V8 rejects a cache
 *   made under other flags, so `npm run race` passes none: every way of starting it shares one.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");

const root = path.join(__dirname, "..");
const bundle = path.join(root, "build", "race.cjs");
const cacheFile = `${bundle}.cache`;

function stale() {
  let built;
  let inputs;
  try {
    built = fs.statSync(bundle).mtimeMs;
    inputs = JSON.parse(fs.readFileSync(path.join(root, "build", "race.inputs.json"), "utf8"));
  } catch {
    return true;
  }
  for (const file of inputs) {
    try {
      if (fs.statSync(path.join(root, file)).mtimeMs > built) return true;
    } catch {
      return true; // an input was removed or renamed
    }
  }
  return false;
}

function run() {
  const source = fs.readFileSync(bundle, "utf8");
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  // After the run, so the functions it compiled lazily are in the cache too.
  if (cachedData === undefined || script.cachedDataRejected) {
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      // A read-only checkout runs without the cache.
    }
  }
}

if (stale()) {
  import("../tools/buildCli.mjs")
    .then(({ buildCli }) => buildCli())
    .then(run, (err) => {
      process.stderr.write(`race: cannot build the CLI: ${err && err.message ? err.message : err}\n`);
      process.exit(1);
    });
} else run();
