import { afterEach, describe, it } from "vitest";
import { KEY } from "../helpers/render.js";
import { renderTui, type Harness } from "./tui-harness.js";

let ui: Harness | undefined;
afterEach(() => ui?.unmount());

describe("App", () => {
  it("goes from the welcome screen to the lab and runs a step", async () => {
    ui = await renderTui();
    await ui.waitFor("Press Enter to start");
    await ui.press(KEY.enter);
    await ui.waitFor("Step 1 · Make a thing");
    await ui.press(KEY.enter);
    await ui.waitFor("[✓] The thing exists");
  });
});
