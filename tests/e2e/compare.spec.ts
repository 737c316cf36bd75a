// Experiments (#16): a preset queues three runs, the comparison overlays them and marks what differs,
// the selection travels in the link; the Code view follows the settings and copies its program.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { collectErrors, expectHeldAt, holdRunAt, releaseRun, screenshot, waitForReady } from './helpers';

test('"Compare learning rates" trains three runs one after another and compares them; the link keeps the comparison', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=2&batch=100&train=200&hidden=16&seed=2&lr=0.01');
  await waitForReady(page);
  // The first run is held at its first step while the queue is looked at.
  await holdRunAt(page, 1);
  await page.getByRole('button', { name: 'Compare learning rates' }).click();
  await expectHeldAt(page, 1);
  await expect(page.getByText(/Compare learning rates: run 1 of 3/)).toBeVisible();
  await releaseRun(page);

  const lossChart = page.getByTestId('compare-loss');
  await expect(lossChart).toHaveAttribute('data-runs', '3', { timeout: 180_000 });
  await expect(page.getByRole('button', { name: 'Compare learning rates' })).toBeEnabled();
  const table = page.getByRole('table', { name: /Settings and results/ });
  const rateRow = table.getByRole('row', { name: /Learning rate/ });
  await expect(rateRow).toContainText('(differs)');
  for (const rate of ['0.1', '0.01', '0.001']) await expect(rateRow).toContainText(rate);
  // Same model and seed: those rows are not marked.
  await expect(table.getByRole('row', { name: /Seed/ })).not.toContainText('(differs)');
  await expect(table.getByRole('row', { name: /Test accuracy/ }).getByRole('cell')).toHaveCount(3);
  // Each run draws a training line and a test line per chart.
  await expect(lossChart.locator('path.recharts-line-curve')).toHaveCount(6);
  await screenshot(page, 'compare-01-three-rates');
  // Every axis label whole inside its chart (#29: "0.00% 5.00%" was cut from "100.00% 75.00%").
  for (const id of ['compare-loss', 'compare-accuracy']) {
    const cut = await page.getByTestId(id).evaluate((figure) => {
      const svg = figure.querySelector('svg.recharts-surface')?.getBoundingClientRect();
      const labels = figure.querySelectorAll('.recharts-cartesian-axis-tick-value, .recharts-label');
      return Array.from(labels)
        .filter((l) => {
          const box = l.getBoundingClientRect();
          return (
            !svg || box.left < svg.left - 0.5 || box.bottom > svg.bottom + 0.5 || box.right > svg.right + 0.5
          );
        })
        .map((l) => l.textContent);
    });
    expect(cut, `labels cut in ${id}`).toEqual([]);
  }
  await expect(page.getByTestId('compare-accuracy')).toContainText('100.00%');

  const ids = new URL(page.url()).searchParams.get('compare')?.split(',') ?? [];
  expect(ids).toHaveLength(3);

  // The link restores the comparison from the runs saved in this browser.
  await page.reload();
  await waitForReady(page);
  await expect(lossChart).toHaveAttribute('data-runs', '3');
  const picker = page.getByRole('group', { name: /Runs to compare/ });
  await picker.getByRole('checkbox').first().uncheck();
  await expect(lossChart).toHaveAttribute('data-runs', '2');
  await expect.poll(() => new URL(page.url()).searchParams.get('compare')?.split(',').length).toBe(2);
  expect(errors).toEqual([]);
});

test('"Compare optimizers" trains SGD, RMSprop and Adam one after another and compares them', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=1&batch=100&train=200&hidden=16&seed=2');
  await waitForReady(page);
  await holdRunAt(page, 1);
  await page.getByRole('button', { name: 'Compare optimizers' }).click();
  await expectHeldAt(page, 1);
  await expect(page.getByText(/Compare optimizers: run 1 of 3/)).toBeVisible();
  // #29: the status names the run, and the form shows its optimizer's rate, not the one typed (RMSprop's).
  const runTitle = page.getByRole('heading', { name: 'Run 1 of 3: SGD, learning rate 0.01' });
  await expect(runTitle).toBeVisible();
  const rate = page.getByRole('textbox', { name: 'Learning rate', exact: true });
  await expect(rate).toHaveValue('0.01');
  await expect(rate).toBeDisabled();
  await screenshot(page, 'compare-03-preset-run-named');
  await releaseRun(page);

  const lossChart = page.getByTestId('compare-loss');
  await expect(lossChart).toHaveAttribute('data-runs', '3', { timeout: 180_000 });
  await expect(page.getByRole('button', { name: 'Compare optimizers' })).toBeEnabled();
  const table = page.getByRole('table', { name: /Settings and results/ });
  const optimizerRow = table.getByRole('row', { name: /Optimizer/ });
  await expect(optimizerRow).toContainText('(differs)');
  for (const name of ['SGD', 'RMSprop', 'Adam']) await expect(optimizerRow).toContainText(name);
  // Each at Keras's default rate for it.
  const rateRow = table.getByRole('row', { name: /Learning rate/ });
  for (const rate of ['0.01', '0.001']) await expect(rateRow).toContainText(rate);
  await expect(table.getByRole('row', { name: /Seed/ })).not.toContainText('(differs)');
  const accuracies = table.getByRole('row', { name: /Test accuracy/ }).getByRole('cell');
  await expect(accuracies).toHaveCount(3);
  // Every run finished its epoch (a run without one shows a dash).
  for (const text of await accuracies.allTextContents()) expect(text).toMatch(/^\d+(\.\d+)?\s?%$/);
  await screenshot(page, 'compare-02-three-optimizers');
  // The result names the preset's last run; the form is the user's again.
  await expect(
    page.getByRole('heading', { name: 'Run finished · Run 3 of 3: Adam, learning rate 0.001' }),
  ).toBeVisible();
  await expect(rate).toHaveValue('0.001');
  await expect(rate).toBeEnabled();
  expect(errors).toEqual([]);
});

test('picking an optimizer moves a default rate to its default, and the Code view and link follow', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/');
  const code = page.getByRole('region', { name: /program/ });
  const optimizer = page.getByRole('combobox', { name: 'Optimizer' });
  const rate = page.getByRole('textbox', { name: 'Learning rate', exact: true });
  await page.getByText('More settings: optimizer, batch size, seed, training images').click();
  await optimizer.selectOption('sgd');
  // The rate's hint names the optimizer, in view while the picker is folded.
  await expect(page.getByText('Step size of SGD.')).toBeVisible();
  await expect(rate).toHaveValue('0.01');
  await expect(code).toContainText('keras.optimizers.SGD(learning_rate=0.01)');
  await optimizer.selectOption('adam');
  await expect(rate).toHaveValue('0.001');
  await expect(code).toContainText('keras.optimizers.Adam(learning_rate=0.001)');
  // A rate typed by hand stays.
  await rate.fill('0.002');
  await optimizer.selectOption('sgd');
  await expect(rate).toHaveValue('0.002');
  await expect(code).toContainText('keras.optimizers.SGD(learning_rate=0.002)');

  // A link with an optimizer opens with it.
  await page.goto('/?optimizer=adam');
  await expect(page.getByText('Step size of Adam.')).toBeVisible();
  await page.getByText('More settings: optimizer, batch size, seed, training images').click();
  await expect(optimizer).toHaveValue('adam');
  await expect(rate).toHaveValue('0.001');
  expect(errors).toEqual([]);
});

test("SGD's momentum and Nesterov: set in the form, checked as typed, in the link and the Code view", async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const copiedLink = async () => {
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText('Link copied')).toBeVisible();
    return page.evaluate(() => navigator.clipboard.readText());
  };
  await page.goto('/');
  await waitForReady(page);
  const code = page.getByRole('region', { name: /program/ });
  const optimizer = page.getByRole('combobox', { name: 'Optimizer' });
  const momentum = page.getByRole('spinbutton', { name: 'Momentum' });
  const nesterov = page.getByRole('checkbox', { name: 'Nesterov' });
  const train = page.getByRole('button', { name: 'Train' });
  await page.getByText('More settings: optimizer, batch size, seed, training images').click();
  // SGD's own settings appear only with SGD.
  await expect(momentum).toHaveCount(0);
  await optimizer.selectOption('sgd');
  await expect(momentum).toHaveValue('0');
  await expect(nesterov).toBeDisabled();
  await expect(nesterov).toHaveAccessibleDescription('Needs a momentum above 0.');

  await momentum.fill('1');
  await expect(momentum).toHaveAttribute('aria-invalid', 'true');
  await expect(momentum).toHaveAccessibleDescription('Momentum must be at least 0 and below 1.');
  await expect(train).toBeDisabled();

  // By keyboard: the momentum typed, Tab to the Nesterov box, Space to tick it.
  await momentum.fill('0.9');
  await expect(momentum).not.toHaveAttribute('aria-invalid');
  await expect(nesterov).toBeEnabled();
  await momentum.focus();
  await page.keyboard.press('Tab');
  await expect(nesterov).toBeFocused();
  await page.keyboard.press('Space');
  await expect(nesterov).toBeChecked();
  await expect(train).toBeEnabled();
  // The settings panel with SGD's fields open passes axe (labels, names, contrast).
  const { violations } = await new AxeBuilder({ page })
    .include('.settings-panel')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(await copiedLink()).toMatch(/[?&]optimizer=sgd&momentum=0\.9&nesterov=1(&|$)/);
  await expect(code).toContainText(
    'optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True),',
  );
  await expect(code).toContainText('# Training: SGD with Nesterov momentum 0.9 (lr 0.01)');
  await page.getByRole('radio', { name: 'TensorFlow.js' }).check();
  await expect(code).toContainText('optimizer: tf.train.momentum(0.01, 0.9, true),');
  await screenshot(page, 'compare-03-sgd-momentum');

  // Another optimizer has no momentum: the fields go, and so does the link's.
  await optimizer.selectOption('adam');
  await expect(momentum).toHaveCount(0);
  const adamLink = await copiedLink();
  expect(adamLink).toContain('optimizer=adam');
  expect(adamLink).not.toMatch(/momentum|nesterov/);

  // The link opens with them, and a short run trains with them: its saved run is named after them.
  await page.goto('/?optimizer=sgd&momentum=0.9&nesterov=1&epochs=1&batch=50&train=500&hidden=16');
  await waitForReady(page);
  await page.getByText('More settings: optimizer, batch size, seed, training images').click();
  await expect(momentum).toHaveValue('0.9');
  await expect(nesterov).toBeChecked();
  await train.click();
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });
  await expect(
    page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem').filter({
      hasText: 'Hidden 16, SGD with Nesterov momentum 0.9, lr 0.01, 1 epoch',
    }),
  ).toHaveCount(1);
  await page.goto('/?optimizer=sgd&momentum=2');
  await expect(page.getByRole('status').filter({ hasText: 'Ignored' })).toContainText(
    'Ignored momentum="2" from the link: Momentum must be at least 0 and below 1.',
  );
  expect(errors).toEqual([]);
});

test('a link to runs this browser does not have says so instead of showing nothing', async ({ page }) => {
  await page.goto('/?compare=run-1-nothere');
  await expect(page.getByText(/One run in this link is not saved in this browser/)).toBeVisible();
});

test('the Code view writes the Keras and TensorFlow.js programs for the settings on screen, and copies them', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  const code = page.getByRole('region', { name: /program/ });
  await expect(code).toContainText('layers.Dense(512, activation="relu")');
  await expect(code).toContainText('keras.optimizers.RMSprop(learning_rate=0.001)');

  await page.getByRole('textbox', { name: 'Hidden units', exact: true }).fill('64');
  await page.getByRole('textbox', { name: 'Learning rate', exact: true }).fill('0.01');
  await expect(code).toContainText('layers.Dense(64, activation="relu")');
  await expect(code).toContainText('RMSprop(learning_rate=0.01)');

  await page.getByRole('radio', { name: 'TensorFlow.js' }).check();
  await expect(code).toContainText("tf.layers.dense({ inputShape: [784], units: 64, activation: 'relu'");
  await page.getByRole('button', { name: 'Copy code' }).click();
  await expect(page.getByText('Copied.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await code.locator('code').textContent());
  expect(copied).toContain('tf.train.rmsprop(0.01, 0.9, 0, 1e-7)');

  // An invalid setting shows no program rather than one for other settings.
  await page.getByRole('textbox', { name: 'Hidden units', exact: true }).fill('0');
  await expect(page.getByText('Fix the settings marked above to see the program.')).toBeVisible();
  await expect(code).toHaveCount(0);
  expect(errors).toEqual([]);
});
