// Types for scripts/prepareData.mjs (a plain script, so that the postinstall step needs no compiler).
export const manifestPath: string;
export class MissingDataPackageError extends Error {}
export function prepareData(log?: (line: string) => void): Promise<string>;
