/**
 * A model's answer as a table cell shows it: the Markdown the model wrote read as text (no `**`, backticks or `#`
 * marks), its lines kept. An answer cut off at its token limit can end inside **bold** or `code`: the marks left
 * unpaired go too. The streamed answer is drawn as Markdown on the page; the results table is text.
 */
import { plainProse } from "genai-lab/kit";

export function answerText(answer: string): string {
  return plainProse(answer)
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, "")
    .replace(/\*\*|`/g, "");
}
