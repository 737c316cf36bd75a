// The environment for Dawn in Node on this machine: a Vulkan loader (the system's, else Chromium's
// copy) and, when no driver is named or installed, SwiftShader through Chromium's ICD file.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM_DIR = '/usr/lib/chromium';
const ICD_DIRS = ['/usr/share/vulkan/icd.d', '/etc/vulkan/icd.d', '/usr/local/share/vulkan/icd.d'];

function systemHasLoader() {
  try {
    return execFileSync('/sbin/ldconfig', ['-p'], { encoding: 'utf8' }).includes('libvulkan.so.1');
  } catch {
    return false;
  }
}

/** process.env plus what Dawn needs here; the caller's own VK_* settings win. */
export function vulkanEnv(base = process.env) {
  const env = { ...base };
  if (!systemHasLoader() && existsSync(`${CHROMIUM_DIR}/libvulkan.so.1`)) {
    env.LD_LIBRARY_PATH = [CHROMIUM_DIR, env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  }
  const named = env.VK_ICD_FILENAMES || env.VK_DRIVER_FILES;
  const installed = ICD_DIRS.some((dir) => existsSync(dir));
  const swiftshader = `${CHROMIUM_DIR}/vk_swiftshader_icd.json`;
  if (!named && !installed && existsSync(swiftshader)) env.VK_ICD_FILENAMES = swiftshader;
  return env;
}
