/** The small part of citation-js (which ships no types) that src/cite uses. */
declare module '@citation-js/core' {
  interface FormatOptions {
    readonly format?: 'text' | 'html';
    readonly template?: string;
    readonly lang?: string;
  }
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    format(kind: 'bibliography' | 'citation', options?: FormatOptions): string;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): { templates: { add(name: string, xml: string): void; has(name: string): boolean } };
    };
  };
}
declare module '@citation-js/plugin-csl';
