import { createRequire } from 'node:module';

// PDF reports carry Chinese (names, titles, the zh-CN labels), which none of PDF's standard
// fonts has: every report PDF embeds Noto Sans SC (SIL OFL 1.1), subset to the glyphs it uses.
// The TTF comes from an npm package resolved at run time, not bundled: the path resolves the same
// from tsx, vitest and the electron-vite main bundle (dependencies stay in node_modules there).

// Not named `require`: the electron-vite bundle declares its own at the top of the main module.
const resolveFromHere = createRequire(import.meta.url);

/** The Noto Sans SC regular TTF's path. */
export function reportFontPath(): string {
  return resolveFromHere.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
}
