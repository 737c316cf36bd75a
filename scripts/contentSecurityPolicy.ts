// The built app is static and needs nothing from other origins, so it ships a Content-Security-Policy
// as a <meta> tag added at build time (the dev server's inline React preamble stays exempt).
// NOTE: a <meta> policy cannot set frame-ancestors or report-uri; a host that wants those sends the
// same policy as a header. Module workers take their policy from their own response, not from here.
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'digits-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
