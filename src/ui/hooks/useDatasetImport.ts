import { useState } from 'react';
import type { DatasetFileRole } from '../../data/datasetIdentity';
import type { TrainerClient } from '../../page/client';
import { type DatasetForm, type DatasetProblem, submitDatasetForm } from '../../page/datasetForm';

const EMPTY: DatasetForm = { files: {}, name: '', classNames: '' };

/**
 * The Import a data set form: its fields, and Import, which checks the files on the page
 * (page/datasetForm.ts) and only then asks the worker for the data set. A refusal names the file.
 */
export function useDatasetImport(client: TrainerClient) {
  const [form, setForm] = useState<DatasetForm>(EMPTY);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<DatasetProblem | null>(null);

  const setFile = (role: DatasetFileRole, file: File | null) =>
    setForm((f) => ({ ...f, files: { ...f.files, [role]: file } }));
  const setText = (field: 'name' | 'classNames', value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async () => {
    setChecking(true);
    setProblem(null);
    setProblem(await submitDatasetForm(form, (upload) => client.changeDataset(upload)));
    setChecking(false);
  };

  return { form, setFile, setText, submit, checking, problem };
}
