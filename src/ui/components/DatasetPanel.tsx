import { DATASET_FILE_ROLES, type DatasetFileRole, ROLE_NAMES } from '../../data/datasetIdentity';
import type { TrainerClient } from '../../page/client';
import type { Snapshot } from '../../page/store';
import { useDatasetImport } from '../hooks/useDatasetImport';

interface Props {
  client: TrainerClient;
  phase: Snapshot['phase'];
  dataset: Snapshot['dataset'];
  datasetRequest: Snapshot['datasetRequest'];
}

const ACCEPT = '.gz,.ubyte,.idx,application/gzip,application/octet-stream';

/** "Training images (IDX file)": apart from the settings' own "Training images" field. */
const fileLabel = (role: DatasetFileRole) =>
  `${ROLE_NAMES[role][4].toUpperCase()}${ROLE_NAMES[role].slice(5)} (IDX file)`;

/**
 * Which data set the network learns (MNIST, or one imported in MNIST's IDX format, named with its
 * files' SHA-256), the way back to MNIST, and the Import a data set form.
 */
export function DatasetPanel({ client, phase, dataset, datasetRequest }: Props) {
  const { form, setFile, setText, submit, checking, problem } = useDatasetImport(client);
  const pending = checking || !!datasetRequest?.pending;
  const canChange = (phase === 'ready' || phase === 'noData') && !pending;
  const refusal =
    problem ?? (datasetRequest?.refusal ? { file: null, message: datasetRequest.refusal } : null);
  return (
    <section className="card dataset" aria-labelledby="dataset-title">
      <h2 id="dataset-title">Data set</h2>
      {dataset ? (
        <>
          <p data-testid="dataset-in-use">
            <strong>{dataset.name}</strong>: {dataset.trainCount.toLocaleString('en-US')} training and{' '}
            {dataset.testCount.toLocaleString('en-US')} test images; classes {dataset.classNames.join(', ')}.
          </p>
          <details>
            <summary>Its files (SHA-256 of the IDX bytes)</summary>
            <ul className="dataset-files">
              {DATASET_FILE_ROLES.map((role) => (
                <li key={role}>
                  {ROLE_NAMES[role]}: <code>{dataset.files[role].file}</code>{' '}
                  <code className="hash">{dataset.files[role].sha256}</code>
                </li>
              ))}
            </ul>
          </details>
          <button type="button" disabled={!canChange} onClick={() => client.changeDataset(null)}>
            Back to MNIST
          </button>
        </>
      ) : (
        <p className="muted" data-testid="dataset-in-use">
          <strong>MNIST</strong>: 60,000 training and 10,000 test images of handwritten digits.
        </p>
      )}
      <details className="dataset-import">
        <summary>Import a data set</summary>
        <p className="muted">
          Four IDX files, gzipped or not, as Fashion-MNIST, KMNIST and EMNIST's digits publish them: 28×28
          grayscale images with up to 10 classes. Switching data set starts the network on the pad over,
          untrained; save a run first to keep it.
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          {DATASET_FILE_ROLES.map((role) => (
            <label key={role} className="dataset-field">
              <span>{fileLabel(role)}</span>
              <input
                type="file"
                accept={ACCEPT}
                data-role={role}
                onChange={(event) => setFile(role, event.currentTarget.files?.[0] ?? null)}
              />
            </label>
          ))}
          <label className="dataset-field">
            <span>Name (optional)</span>
            <input type="text" value={form.name} onChange={(event) => setText('name', event.target.value)} />
          </label>
          <label className="dataset-field">
            <span>Class names, comma-separated (optional)</span>
            <input
              type="text"
              value={form.classNames}
              placeholder="T-shirt, Trouser, Pullover, …"
              onChange={(event) => setText('classNames', event.target.value)}
            />
          </label>
          <button type="submit" className="primary" disabled={!canChange}>
            {pending ? 'Importing…' : 'Import'}
          </button>
        </form>
      </details>
      {refusal && (
        <p className="alert" role="alert" data-testid="dataset-error">
          {refusal.message}
        </p>
      )}
    </section>
  );
}
