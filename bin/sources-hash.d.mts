// Types of bin/sources-hash.mjs for the TypeScript that imports it (the bench).
export declare const STAMP: string;
export declare function sourcesHash(root: string): string | undefined;
export declare function distIsFresh(root: string): boolean;
