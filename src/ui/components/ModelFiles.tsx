import { useState } from 'react';
import type { TrainerClient } from '../../page/client';
import type { RunKeeper } from '../../page/keeper';
import { safetensorsDownload, tfjsDownload } from '../../page/modelDownloads';
import { MODEL_FILE, WEIGHTS_FILE } from '../../page/tfjsFormat';
import { SAFETENSORS_FILE } from '../../page/torchWeights';
import { downloadFile } from '../download';

interface Props {
  keeper: RunKeeper;
  /** Where the downloads read the model from. */
  client: TrainerClient;
  /** Why Save now is off (the keeper's saveOff); null when it can save the run on screen. */
  saveOff: string | null;
  /** The worker has a model (not while one is being replaced or the page is starting). */
  canExport: boolean;
  canImport: boolean;
  /** Whether the model has trained (or was opened or imported): an untrained one is random weights. */
  trained: boolean;
}

/** Save now, the TensorFlow.js files (download the current model, import one), and the PyTorch weights. */
export function ModelFiles({ keeper, client, saveOff, canExport, canImport, trained }: Props) {
  const [exportError, setExportError] = useState<string | null>(null);
  const exporting = (write: () => Promise<void>) => async () => {
    try {
      await write();
      setExportError(null);
    } catch (error) {
      setExportError(`Not exported: ${(error as Error).message}`);
    }
  };
  const download = exporting(async () => {
    const { modelJson, weights } = await tfjsDownload(client);
    downloadFile(MODEL_FILE, modelJson, 'application/json');
    downloadFile(WEIGHTS_FILE, weights, 'application/octet-stream');
  });
  const downloadWeights = exporting(async () => {
    // The metadata names an imported data set in use (the model on the pad trained on it).
    const bytes = await safetensorsDownload(client, client.getSnapshot().dataset);
    downloadFile(SAFETENSORS_FILE, bytes.buffer as ArrayBuffer, 'application/octet-stream');
  });
  return (
    <div className="model-files">
      <button
        type="button"
        disabled={saveOff !== null}
        aria-describedby={saveOff === null ? undefined : 'save-why'}
        onClick={() => keeper.saveNow()}
      >
        Save now
      </button>
      <button
        type="button"
        disabled={!canExport || !trained}
        aria-describedby={trained ? undefined : 'download-why'}
        onClick={download}
      >
        Download model (TF.js)
      </button>
      <button
        type="button"
        disabled={!canExport || !trained}
        aria-describedby={trained ? undefined : 'download-why'}
        onClick={downloadWeights}
      >
        Download weights (safetensors)
      </button>
      <label className={canImport ? 'file-button' : 'file-button disabled'}>
        Import model (TF.js)…
        <input
          className="file-input"
          type="file"
          accept=".json,.bin"
          multiple
          disabled={!canImport}
          aria-label="Import a TensorFlow.js model: model.json and its weights file"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            if (files.length > 0) void keeper.importFiles(files);
          }}
        />
      </label>
      {saveOff !== null && (
        <p id="save-why" className="muted model-files-note">
          Save now is off: {saveOff}
        </p>
      )}
      {!trained && (
        <p id="download-why" className="muted model-files-note">
          Download is for a trained model: train one (or open a saved run) first; until then it would be
          random weights.
        </p>
      )}
      {exportError && (
        <p className="alert" role="alert">
          {exportError}
        </p>
      )}
    </div>
  );
}
