// Kernel processes started by this test process, read from /proc (Linux): to check that none is left.
import { readdirSync, readFileSync } from "node:fs";

export function kernelChildren(): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (ppid === process.pid && (cmd.includes("launch.cjs") || cmd.includes("tslab"))) out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}
