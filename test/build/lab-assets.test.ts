/**
 * The build's lab assets: tsc never deletes output, so a step folder renamed in the source must not survive in dist
 * (the compiled lab would then hold two steps with one number and one id, and refuse to load).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { copyLabAssets, pruneStaleFolders } from "../../src/build/lab-assets.js";

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text = ""): void {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe("lab assets in dist", () => {
  it("removes a renamed step's old compiled folder and keeps the others, then copies the Markdown", () => {
    root = mkdtempSync(join(tmpdir(), "lab-assets-"));
    write("steps/05-investigate/step.ts");
    write("steps/05-investigate/body.en.md", "# Investigate");
    write("steps/06-cleanup/step.ts");
    write("steps/lib/x.ts");
    write("dist/steps/05-cleanup/step.js"); // the old name of 06-cleanup
    write("dist/steps/05-investigate/step.js");
    write("dist/steps/lib/gone/y.js"); // a source folder removed
    write("dist/steps/lib/x.js");
    write("dist/src/cli.js"); // not a lab folder: left alone

    expect(pruneStaleFolders(root, ["steps"]).sort()).toEqual(["dist/steps/05-cleanup", "dist/steps/lib/gone"]);
    expect(existsSync(join(root, "dist/steps/05-cleanup"))).toBe(false);
    expect(existsSync(join(root, "dist/steps/05-investigate/step.js"))).toBe(true);
    expect(existsSync(join(root, "dist/steps/lib/x.js"))).toBe(true);
    expect(existsSync(join(root, "dist/src/cli.js"))).toBe(true);
    expect(copyLabAssets(root, ["steps"])).toBe(1);
    expect(readFileSync(join(root, "dist/steps/05-investigate/body.en.md"), "utf8")).toBe("# Investigate");
  });

  it("does nothing before the first build", () => {
    root = mkdtempSync(join(tmpdir(), "lab-assets-"));
    write("steps/01-a/step.ts");
    expect(pruneStaleFolders(root, ["steps"])).toEqual([]);
  });
});
