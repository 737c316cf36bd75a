import { expect, test } from '@playwright/test';

// The built app installs as a PWA: a web app manifest with the fields browsers need, and every icon
// it names is there, of the size it claims.
test('the web app manifest is valid and every icon it names loads at its stated size', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href ?? '', page.url());
  const response = await request.get(manifestUrl.href);
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: 'Digits on WebGPU',
    short_name: expect.any(String),
    start_url: expect.any(String),
    display: 'standalone',
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
  });
  // The start URL is this app, within its scope.
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(new URL('./', manifestUrl).href);

  const icons: { src: string; sizes: string; type: string; purpose?: string }[] = manifest.icons;
  const sizes = icons.map((icon) => icon.sizes);
  expect(sizes).toContain('192x192');
  expect(sizes).toContain('512x512');
  expect(icons.some((icon) => icon.purpose?.split(' ').includes('maskable'))).toBe(true);
  expect(icons.some((icon) => icon.type === 'image/svg+xml')).toBe(true);
  for (const icon of icons) {
    const url = new URL(icon.src, manifestUrl).href;
    const iconResponse = await request.get(url);
    expect(iconResponse.ok(), url).toBe(true);
    expect(iconResponse.headers()['content-type'], url).toContain(icon.type);
    // Decoded by the browser, at the size the manifest states.
    const natural = await page.evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      return `${image.naturalWidth}x${image.naturalHeight}`;
    }, url);
    if (icon.sizes !== 'any') expect(natural, url).toBe(icon.sizes);
  }

  // What the browser shows around the page, and how a shared link previews.
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', manifest.theme_color);
  await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute('content', /light/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Digits on WebGPU');
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', /MNIST/);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /icon\.svg$/);

  // The data's credit and licence are in the app.
  await page.getByText('About the data').click();
  await expect(page.getByText(/Yann LeCun, Corinna Cortes and Christopher J\.C\. Burges/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Attribution-Share Alike 3\.0/ })).toBeVisible();
});
