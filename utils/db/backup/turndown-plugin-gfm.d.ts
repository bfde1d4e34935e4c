// turndown-plugin-gfm ships no types: the two plugins used here take a TurndownService.
declare module 'turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  export const tables: TurndownService.Plugin;
  export const strikethrough: TurndownService.Plugin;
}
