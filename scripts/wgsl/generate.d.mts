/** File name in shaders/ -> its text, as the generators write it. */
export function generatedShaders(): Record<string, string>;
