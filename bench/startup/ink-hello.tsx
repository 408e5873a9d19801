/** The baseline for the TUI's time to first frame: a bare Ink app that draws one line and waits. */
import { Text, render } from "ink";

const app = render(<Text>genai-lab hello</Text>, { exitOnCtrlC: true, patchConsole: false });
process.on("SIGTERM", () => app.unmount());
