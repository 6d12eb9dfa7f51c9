import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PAYOUT_FILE_MAX_BYTES, type ValidationReport } from '../../../../../src-shared/contract/payouts';
import { useChannelMutation } from '../../../api/queries';
import { batchPath } from '../payout-paths';
import { fileAsBase64 } from './file-content';

export const IMPORT_STEPS = ['file', 'check', 'rows', 'create'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/** A file larger than the router accepts: said before its bytes are read and sent. */
export class FileTooLarge extends Error {
  constructor(readonly size: number) {
    super(`The file is ${size} bytes; at most ${PAYOUT_FILE_MAX_BYTES} are accepted.`);
  }
}

/**
 * The wizard's state: the file and currency chosen, the router's dry run of them (payouts.validate
 * writes nothing), and the import that keeps the same bytes as a draft batch, then opens it.
 */
export function useImportWizard(defaultCurrency: string) {
  const navigate = useNavigate();
  const [step, setStep] = useState<ImportStep>('file');
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState<string | null>(null);
  const [chosenCurrency, setCurrency] = useState('');
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<unknown>(null);
  const currency = chosenCurrency || defaultCurrency;
  const validate = useChannelMutation('payouts.validate', {
    onSuccess: (answer) => {
      setReport(answer);
      setStep('check');
    },
  });
  const create = useChannelMutation('payouts.import', {
    onSuccess: ({ batch, validation }) => {
      if (batch) {
        void navigate(batchPath(batch.id));
        return;
      }
      // The file changed on the way (a new file error): the check step shows what stops it.
      setReport(validation);
      setStep('check');
    },
  });

  const choose = (picked: File) => {
    setFile(picked);
    setContent(null);
    setReport(null);
    setReadError(null);
    validate.reset();
    create.reset();
    setStep('file');
  };

  const check = async () => {
    if (!file) return;
    setReadError(null);
    if (file.size > PAYOUT_FILE_MAX_BYTES) {
      setReadError(new FileTooLarge(file.size));
      return;
    }
    setReading(true);
    try {
      const base64 = await fileAsBase64(file);
      setContent(base64);
      validate.mutate({ fileName: file.name, contentBase64: base64, currency });
    } catch (error) {
      setReadError(error);
    } finally {
      setReading(false);
    }
  };

  const createBatch = () => {
    if (!file || content === null) return;
    create.mutate({ fileName: file.name, contentBase64: content, currency });
  };

  return {
    step,
    setStep,
    file,
    choose,
    currency,
    setCurrency,
    report,
    check: () => void check(),
    checking: reading || validate.isPending,
    checkError: readError ?? validate.error,
    createBatch,
    creating: create.isPending,
    createError: create.error,
  };
}
