/** The TUI shows each step's page rendered from its Markdown, and renders it again once an action changed a fact. */
import { describe, expect, it } from "vitest";
import { fixtureRunner } from "../helpers/fixture-runner.js";
import { controllerWith, sessionOf } from "./controller-harness.js";

describe("TuiController: step pages", () => {
  it("fills the placeholders (a --param included) and re-renders a page after an action recorded a fact", async () => {
    const session = sessionOf(await fixtureRunner({ params: { thingName: "gizmo" } }));
    const controller = controllerWith(() => Promise.resolve(session));
    await controller.connect();
    const page = (id: string) => controller.getState().view?.steps.find((step) => step.id === id);
    expect(page("make-thing")?.body.en).toMatch(/^This step \*\*makes\*\* a thing named `gizmo` in us-east-1\./);
    expect(page("make-thing")?.task?.en).toBe("Make a thing with `fixture`, named as the lab says. Its name: `gizmo`.");
    expect(page("use-thing")?.body.en).toBe("Use the thing you made. Used so far: (not used yet).\n");

    await controller.runStep("make-thing");
    await controller.runStep("use-thing");
    expect(page("use-thing")?.body).toEqual({
      vi: "Dùng thứ đã tạo. Đã dùng: gizmo.\n",
      en: "Use the thing you made. Used so far: gizmo.\n",
    });
  });
});
