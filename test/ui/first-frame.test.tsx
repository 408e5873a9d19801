/**
 * The first frame is the lab's card, not a placeholder: the title and goal (read from the manifest before the
 * session opens) are on screen while the session is still opening, and the "Press Enter" prompt is drawn only once
 * Enter does something. bench/startup times these same marks.
 */
import { afterEach, describe, expect, it } from "vitest";
import { builtInLabDir } from "../../src/engine/install.js";
import { readLabCard } from "../../src/engine/lab-card.js";
import { tr } from "../../src/engine/text.js";
import { App } from "../../src/ui/components/App.js";
import { S } from "../../src/ui/strings.js";
import { createTheme } from "../../src/ui/theme/theme.js";
import { lab } from "../../steps/lab.js";
import { fixtureRunner } from "../helpers/fixture-runner.js";
import { render, type Rendered } from "../helpers/render.js";
import { controllerWith, sessionOf } from "./controller-harness.js";

let shown: Rendered | undefined;
afterEach(() => shown?.unmount());

async function opening(lang: "en" | "vi", withCard: boolean) {
  const session = sessionOf(await fixtureRunner());
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const card = withCard ? await readLabCard(builtInLabDir()) : undefined;
  const controller = controllerWith(
    async () => {
      await opened;
      return session;
    },
    { lang, ...(card ? { card } : {}) },
  );
  shown = render(
    <App
      controller={controller}
      theme={createTheme({ colors: false, presenter: false })}
      redact={false}
      hyperlinks={false}
      size={{ columns: 80, rows: 24 }}
    />,
    { lang },
  );
  const connected = controller.connect();
  return { shown, open: () => (open(), connected) };
}

const flat = (frame: string) => frame.replace(/[│╭╮╰╯─]/g, " ").replace(/\s+/g, " ");

describe("the TUI's first frame", () => {
  for (const lang of ["en", "vi"] as const) {
    it(`shows the lab's title and goal while the session opens, the prompt only once it is open (${lang})`, async () => {
      const { shown, open } = await opening(lang, true);
      const first = flat(await shown.waitFor((f) => flat(f).includes(tr(lab.title, lang))));
      expect(first).toContain(tr(lab.goal, lang));
      expect(first).not.toContain(tr(S.welcomeStart, lang));
      await open();
      await shown.waitFor((f) => flat(f).includes(tr(S.welcomeStart, lang)));
    });
  }

  it("without a card (a manifest that could not be read early) draws no title until the session opens", async () => {
    const { shown, open } = await opening("en", false);
    await shown.waitFor((f) => f.length > 0);
    expect(flat(shown.frame())).not.toContain(tr(lab.goal, "en"));
    await open();
    await shown.waitFor((f) => flat(f).includes(tr(S.welcomeStart, "en")));
  });
});
