// The part of jsdom (a dependency of Framework too) the report uses to draw Plot charts in Node.
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
