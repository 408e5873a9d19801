/** A spinner driven by the caller's clock, so every spinner on screen moves in step and tests can freeze it. */
import { Styled } from "./Styled.js";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

export function Spinner(props: { now: number }) {
  return <Styled token="status.running">{FRAMES[Math.floor(props.now / 80) % FRAMES.length]}</Styled>;
}
