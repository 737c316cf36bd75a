import { useState } from 'react';
import type { UserDigit } from '../../data/userDigit';
import type { UserDigitsKeeper } from '../../page/userDigitsKeeper';
import { downloadFile } from '../download';
import { useUserDigits } from '../hooks/useUserDigits';
import { DigitImage } from './DigitImage';

const DIGITS = Array.from({ length: 10 }, (_, d) => d);

/**
 * Your digits: the drawings the user labelled, by digit with counts, each with its label (to
 * change), whether it is kept for testing only, and Delete; exported as MNIST's IDX files and
 * imported back.
 */
export function YourDigits({ keeper, score }: { keeper: UserDigitsKeeper; score?: React.ReactNode }) {
  const { available, digits, unreadable, message } = useUserDigits(keeper);
  const [busy, setBusy] = useState(false);
  const tests = digits.filter((digit) => digit.testOnly).length;
  const exportFiles = async () => {
    setBusy(true);
    try {
      for (const file of await keeper.exportFiles())
        downloadFile(file.name, file.bytes as Uint8Array<ArrayBuffer>, 'application/gzip');
    } finally {
      setBusy(false);
    }
  };
  const importFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setBusy(true);
    try {
      const files = await Promise.all(
        Array.from(list, async (file) => ({
          name: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
        })),
      );
      await keeper.importFiles(files);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card your-digits" aria-labelledby="your-digits-title">
      <h2 id="your-digits-title">Your digits</h2>
      {score}
      <p className="muted" data-testid="your-digits-count">
        {digits.length === 0
          ? 'None yet: label a drawing on the pad to keep it here.'
          : `${digits.length} drawing${digits.length === 1 ? '' : 's'}: ${digits.length - tests} for training, ${tests} kept for testing only (every fifth of each digit).`}
      </p>
      {message && (
        <p
          className={message.kind === 'error' ? 'error' : 'muted'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}{' '}
          <button type="button" className="link-button" onClick={() => keeper.dismissMessage()}>
            Dismiss
          </button>
        </p>
      )}
      <div className="your-digits-files">
        <button type="button" onClick={exportFiles} disabled={busy || digits.length === 0}>
          Export as IDX files
        </button>
        <label className="file-button">
          Import IDX files{' '}
          <input
            type="file"
            multiple
            accept=".gz,.ubyte,application/gzip,application/octet-stream"
            disabled={busy || available !== true}
            onChange={(event) => {
              void importFiles(event.currentTarget.files);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {DIGITS.map((label) => {
        const these = digits.filter((digit) => digit.label === label);
        if (these.length === 0) return null;
        return (
          <div key={label} className="digit-group">
            <h3 id={`your-digits-${label}`}>
              {label} <span className="muted">({these.length})</span>
            </h3>
            <ul className="your-digit-list" aria-labelledby={`your-digits-${label}`}>
              {these.map((digit, i) => (
                <YourDigit key={digit.id} digit={digit} name={`${label} #${i + 1}`} keeper={keeper} />
              ))}
            </ul>
          </div>
        );
      })}
      {unreadable.length > 0 && (
        <ul className="unreadable-digits">
          {unreadable.map((entry, i) => (
            <li key={entry.id ?? i} className="error">
              {entry.unreadable}{' '}
              {entry.id !== null && (
                <button type="button" onClick={() => keeper.remove(entry.id as string)}>
                  Delete it
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function YourDigit({ digit, name, keeper }: { digit: UserDigit; name: string; keeper: UserDigitsKeeper }) {
  return (
    <li className={digit.testOnly ? 'your-digit for-testing' : 'your-digit'}>
      <DigitImage pixels={digit.pixels} max={255} label={`Your drawing ${name}`} />
      {digit.testOnly && <span className="test-mark">for testing</span>}
      <select
        aria-label={`Label of drawing ${name}`}
        value={digit.label}
        onChange={(event) => keeper.relabel(digit.id, Number(event.currentTarget.value))}
      >
        {DIGITS.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <label>
        <input
          type="checkbox"
          checked={digit.testOnly}
          onChange={(event) => keeper.setTestOnly(digit.id, event.currentTarget.checked)}
        />
        <span className="visually-hidden">Drawing {name} kept </span>for testing
      </label>
      <button type="button" onClick={() => keeper.remove(digit.id)} aria-label={`Delete drawing ${name}`}>
        Delete
      </button>
    </li>
  );
}
