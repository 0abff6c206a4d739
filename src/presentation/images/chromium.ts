/**
 * Finding and launching the system Chromium (Debian: `apt-get install -y chromium`) with
 * playwright-core; a browser is never downloaded. Figures are rendered in a real browser
 * because plotly.js needs one to measure text and to export images.
 */
import { existsSync } from "node:fs";

/** Flags that let Chromium run headless as root in a container, with no network chatter. */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
]);

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The Chromium executable: $CHROMIUM_PATH if set, else the first of the usual paths that exists; null if none. */
export function chromiumPath(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export function hasChromium(): boolean {
  return chromiumPath() !== null;
}

/** The browser type playwright-core returns; kept loose so this file needs no DOM types. */
export type Browser = Awaited<ReturnType<typeof import("playwright-core").chromium.launch>>;

/**
 * Launches headless Chromium. Throws an Error saying how to install it when none is found.
 * playwright-core is loaded on first use, so importing this module costs nothing.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (executablePath === null) {
    const where = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : CANDIDATES.join(", ");
    throw new Error(
      `Chromium not found (looked at ${where}): install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`,
    );
  }
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
}
