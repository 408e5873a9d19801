/**
 * `genai-lab lab new DIR` scaffolds a lab that works; `genai-lab lab check DIR` says whether a lab is ready for
 * learners (src/cli/lab/check.ts). Run one with `genai-lab run --lab DIR`.
 */
import { resolveParams } from "../params.js";
import { tr } from "../../engine/text.js";
import { UsageError } from "../../engine/usage-error.js";
import type { Command } from "../command.js";
import { checkLab } from "../lab/check.js";
import { loadChosenLab } from "../lab/load.js";
import { scaffoldLab } from "../lab/scaffold.js";

export const lab: Command = async (ctx) => {
  const { io, lang, style } = ctx;
  const [action, dir, ...extra] = ctx.parsed.rest;
  if ((action !== "new" && action !== "check") || dir === undefined || extra.length > 0) {
    throw new UsageError({
      vi: "Cách dùng: genai-lab lab new THƯ_MỤC, hoặc genai-lab lab check THƯ_MỤC.",
      en: "Usage: genai-lab lab new DIR, or genai-lab lab check DIR.",
    });
  }
  if (action === "new") {
    const files = scaffoldLab(dir);
    io.stdout.write(
      `${tr({ vi: `Đã tạo bài lab trong ${dir}:`, en: `Lab created in ${dir}:` }, lang)}\n` +
        files.map((file) => `  ${file}\n`).join("") +
        `\n${tr({ vi: "Tiếp theo:", en: "Next:" }, lang)}\n  genai-lab lab check ${dir}\n  genai-lab run --lab ${dir}\n`,
    );
    return 0;
  }
  const loaded = await loadChosenLab(dir);
  const params = resolveParams(loaded.manifest.parameters, { param: ctx.parsed.flags.param ?? [] }, "us-east-1");
  const overrides = Object.fromEntries(
    Object.entries(params).filter(([key, value]) => key !== "region" && value !== loaded.manifest.parameters[key]),
  );
  const findings = await checkLab(loaded, ctx.signal, overrides);
  for (const finding of findings) {
    io.stdout.write(`${finding.ok ? style.pass("✓") : style.fail("✗")} ${finding.area}\n`);
    for (const problem of finding.problems) io.stdout.write(`    ${problem}\n`);
  }
  const failed = findings.filter((finding) => !finding.ok).length;
  io.stdout.write(
    `\n${tr(
      failed === 0
        ? { vi: `Bài lab ${loaded.manifest.id} sẵn sàng.`, en: `The lab ${loaded.manifest.id} is ready.` }
        : { vi: `${failed} mục chưa đạt.`, en: `${failed} finding${failed === 1 ? "" : "s"} to fix.` },
      lang,
    )}\n`,
  );
  return failed === 0 ? 0 : 1;
};
