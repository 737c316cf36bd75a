// Types for scripts/node/vulkanEnv.mjs (plain JavaScript: the npm scripts run it without a compiler).
export function vulkanEnv(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
