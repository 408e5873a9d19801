import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSettings, writeSettings } from "../../src/engine/settings.js";
import { progressPath, resolveStateDir } from "../../src/engine/state-dir.js";
import { ProgressStore } from "../../src/engine/store.js";
import { UsageError } from "../../src/engine/usage-error.js";
import { fakeTarget } from "../helpers/fixture-runner.js";

const tempDir = () => mkdtempSync(join(tmpdir(), "genai-lab-store-"));
const at = "2026-11-26T10:00:00.000Z";

function openStore(dir: string, hooks = {}) {
  return ProgressStore.open(progressPath(dir, "fixture-lab", fakeTarget), "fixture-lab", fakeTarget, hooks);
}

describe("ProgressStore", () => {
  it("refresh re-reads what another process wrote (a hint counted by `genai-lab hint`), and only then", () => {
    const dir = tempDir();
    const tui = openStore(dir);
    tui.dispatch({ type: "hint-revealed", stepId: "make-thing", at });
    const heard: (string | undefined)[] = [];
    tui.subscribe((state, action) => heard.push(`${action?.type ?? "re-read"}:${state.hints?.["make-thing"]}`));
    expect(tui.refresh()).toBe(false); // nothing changed on disk: a stat, no re-read
    const cli = openStore(dir);
    cli.dispatch({ type: "hint-revealed", stepId: "make-thing", at });
    expect(tui.state.hints?.["make-thing"]).toBe(1); // stale until it looks
    expect(tui.refresh()).toBe(true);
    expect(tui.state.hints?.["make-thing"]).toBe(2);
    expect(heard).toEqual(["re-read:2"]);
    expect(tui.refresh()).toBe(false);
    expect(ProgressStore.inMemory("fixture-lab", fakeTarget).refresh()).toBe(false);
  });

  it("writes nothing until the first change, then the whole state with its formatVersion", () => {
    const dir = tempDir();
    const store = openStore(dir);
    expect(existsSync(store.path)).toBe(false);
    store.dispatch({ type: "fact-set", key: "requestIds", value: ["a", "b"], at });
    const onDisk = JSON.parse(readFileSync(store.path, "utf8")) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ formatVersion: 1, lab: "fixture-lab", facts: { requestIds: ["a", "b"] } });
    expect(openStore(dir).state).toEqual(store.state);
  });

  it("loads files from before hands-on mode, and drops a mode or hint count it does not know instead of trusting it", () => {
    const dir = tempDir();
    const store = openStore(dir);
    store.dispatch({ type: "mode-set", mode: "hands-on", at });
    store.dispatch({ type: "hint-revealed", stepId: "make-thing", at });
    expect(openStore(dir).state).toMatchObject({ mode: "hands-on", hints: { "make-thing": 1 } });
    const raw = JSON.parse(readFileSync(store.path, "utf8")) as Record<string, unknown>;
    writeFileSync(store.path, JSON.stringify({ ...raw, mode: "speedrun", hints: { "make-thing": -1 } }));
    const loaded = openStore(dir).state;
    expect(loaded.mode).toBeUndefined();
    expect(loaded.hints).toBeUndefined();
    delete raw.mode;
    delete raw.hints;
    writeFileSync(store.path, JSON.stringify(raw)); // as written before hands-on mode existed
    expect(openStore(dir).state).toMatchObject({ lab: "fixture-lab", facts: {} });
  });

  it("keeps progress per target: kind, account and Region each get their own file", () => {
    const dir = tempDir();
    const a = progressPath(dir, "lab", fakeTarget);
    expect(a).toBe(join(dir, "progress", "lab", "sandbox-123456789012-us-east-1.json"));
    expect(progressPath(dir, "lab", { ...fakeTarget, region: "us-west-2" })).not.toBe(a);
    expect(progressPath(dir, "lab", { ...fakeTarget, kind: "aws" })).not.toBe(a);
    const endpoint = { ...fakeTarget, kind: "endpoint" as const };
    expect(progressPath(dir, "lab", { ...endpoint, endpoint: "http://localhost:4566" })).not.toBe(
      progressPath(dir, "lab", { ...endpoint, endpoint: "http://localhost:4567" }),
    );
  });

  it("loses nothing when a crash comes between the write and the rename", () => {
    const dir = tempDir();
    const store = openStore(dir);
    store.dispatch({ type: "fact-set", key: "first", value: 1, at });
    const before = readFileSync(store.path, "utf8");
    const crashing = openStore(dir, {
      beforeRename: () => {
        throw new Error("power cut");
      },
    });
    expect(() => crashing.dispatch({ type: "fact-set", key: "second", value: 2, at })).toThrow("power cut");
    expect(readFileSync(store.path, "utf8")).toBe(before);
    expect(crashing.state.facts).toEqual({ first: 1 }); // the in-memory state did not move ahead of the disk
    expect(readdirSync(dirname(store.path)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses a corrupt file with a message naming it, and never overwrites it", () => {
    const dir = tempDir();
    const path = progressPath(dir, "fixture-lab", fakeTarget);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '{"formatVersion": 1, "lab": "fixture-lab", ');
    expect(() => openStore(dir)).toThrow(UsageError);
    expect(() => openStore(dir)).toThrow(new RegExp(`Cannot read the state file ${path} .*left untouched`));
    expect(readFileSync(path, "utf8")).toBe('{"formatVersion": 1, "lab": "fixture-lab", ');
  });

  it("refuses a file written by a newer version, and a file of another lab", () => {
    const dir = tempDir();
    const path = progressPath(dir, "fixture-lab", fakeTarget);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ formatVersion: 99, lab: "fixture-lab" }));
    expect(() => openStore(dir)).toThrow(/written by a newer genai-lab \(format 99; this one reads up to 1\)/);
    writeFileSync(
      path,
      JSON.stringify({ formatVersion: 1, lab: "other", target: {}, steps: {}, checks: {}, facts: {}, ledger: [] }),
    );
    expect(() => openStore(dir)).toThrow(/is not a progress file of the lab "fixture-lab"/);
  });
});

describe("state directory and settings", () => {
  it("resolves --state-dir, then GENAI_LAB_HOME, then XDG_STATE_HOME, then ~/.local/state", () => {
    expect(resolveStateDir("/flag", { GENAI_LAB_HOME: "/home-var" })).toBe("/flag");
    expect(resolveStateDir(undefined, { GENAI_LAB_HOME: "/home-var", XDG_STATE_HOME: "/xdg" })).toBe("/home-var");
    expect(resolveStateDir(undefined, { XDG_STATE_HOME: "/xdg" })).toBe("/xdg/genai-lab");
    expect(resolveStateDir(undefined, {})).toMatch(/\.local\/state\/genai-lab$/);
  });

  it("remembers the chosen language", () => {
    const dir = tempDir();
    expect(readSettings(dir)).toEqual({});
    writeSettings(dir, { language: "vi" });
    expect(readSettings(dir)).toEqual({ language: "vi" });
  });

  it("never overwrites a damaged settings file or one from a newer genai-lab", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "settings.json"), '{"formatVersion": 7, "theme": "future"}');
    expect(() => writeSettings(dir, { language: "en" })).toThrow(UsageError);
    expect(readFileSync(join(dir, "settings.json"), "utf8")).toBe('{"formatVersion": 7, "theme": "future"}');
    writeFileSync(join(dir, "settings.json"), "{ broken");
    expect(() => writeSettings(dir, { language: "en" })).toThrow(/Cannot read the state file/);
  });
});

describe("two processes on one state directory", () => {
  it("never loses the other's ledger entries: each write builds on what is on disk", () => {
    const dir = tempDir();
    const tui = openStore(dir); // opened first, e.g. the TUI
    const run = openStore(dir); // then `genai-lab run` in another terminal
    run.dispatch({
      type: "resource-creating",
      resource: { type: "iam-role", name: "R" },
      region: "us-east-1",
      stepId: "s",
      actionId: "a",
      at,
    });
    run.dispatch({ type: "resource-created", key: "iam-role:R", at });
    tui.dispatch({ type: "check-recorded", checkId: "c", result: { status: "pass" }, at });
    const onDisk = openStore(dir).state;
    expect(onDisk.ledger.map((entry) => [entry.key, entry.state])).toEqual([["iam-role:R", "created"]]);
    expect(Object.keys(onDisk.checks)).toEqual(["c"]);
    expect(tui.state.ledger).toHaveLength(1); // the TUI's view caught up too
  });

  it("with writes deferred, keeps changes in memory (telling listeners as they come) and writes them all once", () => {
    const dir = tempDir();
    let writes = 0;
    const store = openStore(dir, { beforeRename: () => (writes += 1) });
    store.dispatch({ type: "fact-set", key: "before", value: 0, at });
    const heard: string[] = [];
    store.subscribe((_state, action) => heard.push(action?.type ?? "reloaded"));
    const write = store.deferWrites();
    store.dispatch({ type: "check-recorded", checkId: "a", result: { status: "pass" }, at });
    store.deferWrites()(); // nested: the outer caller writes
    store.dispatch({ type: "check-recorded", checkId: "b", result: { status: "pass" }, at });
    expect(Object.keys(store.state.checks)).toEqual(["a", "b"]);
    expect(openStore(dir).state.checks).toEqual({}); // nothing on disk yet
    write();
    expect(writes).toBe(2); // the first dispatch, then the deferred two at once
    expect(openStore(dir).state).toEqual(store.state);
    expect(heard).toEqual(["check-recorded", "check-recorded"]);
    write(); // a second call writes nothing
    expect(writes).toBe(2);
    store.dispatch({ type: "fact-set", key: "after", value: 1, at });
    expect(writes).toBe(3); // writing as usual again
  });

  it("writes deferred changes when the process exits before they are written (a second Ctrl+C: process.exit)", () => {
    const dir = tempDir();
    const store = openStore(dir);
    const before = process.listeners("exit");
    const write = store.deferWrites();
    const added = process.listeners("exit").filter((listener) => !before.includes(listener));
    expect(added).toHaveLength(1);
    store.dispatch({ type: "check-recorded", checkId: "a", result: { status: "pass" }, at });
    expect(openStore(dir).state.checks).toEqual({});
    added[0]!.call(process, 130); // what process.exit(130) runs, synchronously, before the process ends
    expect(Object.keys(openStore(dir).state.checks)).toEqual(["a"]);
    expect(process.listeners("exit")).toEqual(before); // and it is gone once written
    write(); // the caller's own write, later, writes nothing more
    expect(openStore(dir).state).toEqual(store.state);
    store.deferWrites()();
    expect(process.listeners("exit")).toEqual(before); // nor is one left by a burst written in the ordinary way
  });

  it("writes deferred changes on top of what another process wrote meanwhile, and tells listeners of it", () => {
    const dir = tempDir();
    const check = openStore(dir);
    const run = openStore(dir);
    const write = check.deferWrites();
    check.dispatch({ type: "check-recorded", checkId: "c", result: { status: "pass" }, at });
    run.dispatch({ type: "fact-set", key: "model", value: "m", at });
    const heard: string[] = [];
    check.subscribe((state) => heard.push(Object.keys(state.facts).join()));
    write();
    const onDisk = openStore(dir).state;
    expect(onDisk.facts).toEqual({ model: "m" });
    expect(Object.keys(onDisk.checks)).toEqual(["c"]);
    expect(check.state).toEqual(onDisk);
    expect(heard).toEqual(["model"]);
  });

  it("starts from scratch when another process reset (deleted) the file", () => {
    const dir = tempDir();
    const a = openStore(dir);
    a.dispatch({ type: "fact-set", key: "old", value: 1, at });
    rmSync(a.path);
    a.dispatch({ type: "fact-set", key: "new", value: 2, at });
    expect(openStore(dir).state.facts).toEqual({ new: 2 });
  });

  it("takes over a lock left by a crashed process, and leaves no lock behind", () => {
    const dir = tempDir();
    const store = openStore(dir);
    mkdirSync(dirname(store.path), { recursive: true });
    writeFileSync(`${store.path}.lock`, "99999");
    utimesSync(`${store.path}.lock`, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    store.dispatch({ type: "fact-set", key: "k", value: 1, at });
    expect(existsSync(`${store.path}.lock`)).toBe(false);
  });
});
