/** The current time, re-read every `intervalMs` while `active` (spinners, elapsed times); idle otherwise. */
import { useEffect, useState } from "react";

export function useNow(active: boolean, intervalMs = 100): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
