/**
 * An action's or check's outputs, drawn: tables, key/values, charts, notes, code and links. Consecutive charts
 * form a grid, two per row when the page is wide enough: that is how the dashboard preview of step 4 reads
 * like the CloudWatch dashboard it previews.
 */
import { Box, Text } from "ink";
import stringWidth from "string-width";
import { cellText, type Output } from "../../engine/outputs.js";
import { useDisplay } from "../app/display.js";
import { hyperlink } from "../terminal/hyperlinks.js";
import { TONE_GLYPH, toneToken } from "../theme/status.js";
import { ChartView, type ChartOutput } from "./ChartView.js";
import { CodeBlock, CodeRows } from "./CodeBlock.js";
import { InlineText } from "./InlineText.js";
import { Styled } from "./Styled.js";
import { TableView } from "./TableView.js";
import { Wrap } from "./Wrap.js";

export function OutputView(props: { output: Output; width: number }) {
  const { t, s, lang, hyperlinks } = useDisplay();
  const { output } = props;
  switch (output.kind) {
    case "table":
      return (
        <TableView
          width={props.width}
          {...(output.title ? { title: t(output.title) } : {})}
          data={{
            headers: output.columns.map((c) => t(c.label)),
            rows: output.rows.map((row) => output.columns.map((c) => s(cellText(row[c.key], lang)))),
            align: output.columns.map((c) => c.align),
          }}
        />
      );
    case "key-values": {
      const labels = output.items.map((item) => t(item.label));
      const labelWidth = Math.min(Math.floor(props.width / 2), Math.max(...labels.map((l) => stringWidth(l)), 1) + 1);
      const valueWidth = Math.max(8, props.width - labelWidth - 1);
      return (
        <Box flexDirection="column">
          {output.title ? <Styled token="text.heading">{t(output.title)}</Styled> : null}
          {output.items.map((item, i) => (
            <Box key={i}>
              <Box width={labelWidth} flexShrink={0} marginRight={1}>
                <Styled token="text.muted" wrap="truncate-end">
                  {labels[i]}:
                </Styled>
              </Box>
              <Box flexShrink={1}>
                <Value text={s(item.value)} width={valueWidth} />
              </Box>
            </Box>
          ))}
        </Box>
      );
    }
    case "chart":
      return <ChartView chart={output} width={props.width} />;
    case "note":
      return (
        <InlineText
          token={toneToken(output.tone)}
          prefix={<Styled token={toneToken(output.tone)}>{TONE_GLYPH[output.tone]} </Styled>}
          text={t(output.text)}
        />
      );
    case "code":
      return (
        <CodeBlock
          code={output.code}
          language={output.language}
          width={props.width}
          {...(output.title ? { title: t(output.title) } : {})}
        />
      );
    case "link": {
      if (hyperlinks)
        return (
          <Styled token="text.link" wrap="wrap">
            {hyperlink(output.url, t(output.label))}
          </Styled>
        );
      // The address on a line of its own, never broken: it runs off the edge when it must (`y` prints it whole).
      const url = s(output.url);
      const inline = stringWidth(t(output.label)) + 1 + stringWidth(url) <= props.width;
      return inline ? (
        <Text>
          <Styled token="text.link">{t(output.label)}</Styled> <Styled token="text.muted">{url}</Styled>
        </Text>
      ) : (
        <Box flexDirection="column">
          <Styled token="text.link" wrap="wrap">
            {t(output.label)}
          </Styled>
          <CodeRows segments={[{ text: url, token: "text.muted" }]} width={props.width} />
        </Box>
      );
    }
  }
}

/** A value: prose wraps as prose; one long token (an ARN, an id) wraps at the edge, nothing inserted, to be read. */
function Value(props: { text: string; width: number }) {
  if (/\s/.test(props.text.trim()) || stringWidth(props.text) <= props.width) return <Wrap>{props.text}</Wrap>;
  return <Text wrap="wrap">{props.text}</Text>;
}

type Block = { kind: "one"; output: Output } | { kind: "charts"; charts: ChartOutput[] };

function groupOutputs(outputs: Output[]): Block[] {
  const blocks: Block[] = [];
  for (const output of outputs) {
    const last = blocks[blocks.length - 1];
    if (output.kind === "chart" && last?.kind === "charts") last.charts.push(output);
    else if (output.kind === "chart") blocks.push({ kind: "charts", charts: [output] });
    else blocks.push({ kind: "one", output });
  }
  return blocks;
}

const MIN_CHART_WIDTH = 34;

export function OutputList(props: { outputs: Output[]; width: number }) {
  const blocks = groupOutputs(props.outputs);
  return (
    <Box flexDirection="column">
      {blocks.map((block, i) => {
        if (block.kind === "one") {
          return (
            <Box key={i} marginTop={block.output.kind === "note" ? 0 : 1}>
              <OutputView output={block.output} width={props.width} />
            </Box>
          );
        }
        const perRow = props.width >= MIN_CHART_WIDTH * 2 + 2 && block.charts.length > 1 ? 2 : 1;
        const chartWidth = perRow === 2 ? Math.floor((props.width - 2) / 2) : props.width;
        const rows: ChartOutput[][] = [];
        for (let j = 0; j < block.charts.length; j += perRow) rows.push(block.charts.slice(j, j + perRow));
        return (
          <Box key={i} flexDirection="column">
            {rows.map((row, r) => (
              <Box key={r} marginTop={1}>
                {row.map((chart, c) => (
                  <Box key={c} width={chartWidth} marginRight={c < row.length - 1 ? 2 : 0} flexShrink={0}>
                    <ChartView chart={chart} width={chartWidth} />
                  </Box>
                ))}
              </Box>
            ))}
          </Box>
        );
      })}
    </Box>
  );
}
