// Types of what TypeScript files import from chromium.mjs.
export const CHROME_EXT_DIR: string;
export const CHROMIUM: string;
export const CHROMIUM_FLAGS: readonly string[];
