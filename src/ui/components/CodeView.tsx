import { useMemo, useState } from 'react';
import type { DatasetIdentity } from '../../data/datasetIdentity';
import { withDataset } from '../../page/programs/datasetProgram';
import { kerasProgram } from '../../page/programs/kerasProgram';
import { tfjsProgram } from '../../page/programs/tfjsProgram';
import { torchProgram } from '../../page/programs/torchProgram';
import type { Settings } from '../../protocol/settings';

const LANGUAGES = [
  { id: 'keras', label: 'Keras (Python)', name: 'Keras', write: kerasProgram },
  { id: 'torch', label: 'PyTorch', name: 'PyTorch', write: torchProgram },
  { id: 'tfjs', label: 'TensorFlow.js', name: 'TensorFlow.js', write: tfjsProgram },
] as const;
type Language = (typeof LANGUAGES)[number]['id'];

/**
 * The program that trains what is on screen, in Keras, PyTorch or TensorFlow.js, rewritten as the
 * settings change. While a setting is invalid it shows no program rather than one for other settings.
 * The block scrolls by itself and takes keyboard focus, so the page never scrolls sideways.
 */
export function CodeView({
  settings,
  dataset = null,
}: {
  settings: Settings | undefined;
  /** An imported data set in use: the programs name it, and the Keras program reads its files. */
  dataset?: DatasetIdentity | null;
}) {
  const [language, setLanguage] = useState<Language>('keras');
  const [copied, setCopied] = useState<'idle' | 'copied' | 'refused'>('idle');
  const chosen = LANGUAGES.find((l) => l.id === language) ?? LANGUAGES[0];
  const program = useMemo(
    () => (settings ? withDataset(chosen.write(settings), dataset, chosen.id, settings) : null),
    [settings, chosen, dataset],
  );

  const copy = async () => {
    if (!program) return;
    try {
      await navigator.clipboard.writeText(program);
      setCopied('copied');
    } catch {
      setCopied('refused');
    }
  };

  return (
    <section className="card code-view" aria-labelledby="code-heading">
      <h2 id="code-heading">The code</h2>
      <p className="muted">
        The same run, written for Keras, PyTorch or TensorFlow.js: it follows the settings above. The PyTorch
        program also goes on from the weights downloaded below (Keep &amp; share).
      </p>
      <div className="code-toolbar">
        <div role="radiogroup" aria-label="Language" className="code-languages">
          {LANGUAGES.map((l) => (
            <label key={l.id}>
              <input
                type="radio"
                name="code-language"
                value={l.id}
                checked={language === l.id}
                onChange={() => {
                  setLanguage(l.id);
                  setCopied('idle');
                }}
              />
              {l.label}
            </label>
          ))}
        </div>
        <button type="button" onClick={copy} disabled={!program}>
          Copy code
        </button>
        <span role="status" className="muted">
          {copied === 'copied' && 'Copied.'}
          {copied === 'refused' && 'The clipboard was refused: select the code and copy it by hand.'}
        </span>
      </div>
      {program ? (
        <section
          className="code-block"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
          tabIndex={0}
          aria-label={`${chosen.name} program`}
        >
          <pre>
            <code>{program}</code>
          </pre>
        </section>
      ) : (
        <p role="alert">Fix the settings marked above to see the program.</p>
      )}
    </section>
  );
}
