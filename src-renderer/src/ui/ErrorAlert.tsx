import { Alert } from '@mui/material';
import { useErrorText } from '../api/error-text';

/** A refusal in words, or nothing. */
export function ErrorAlert({ error }: { error: unknown }) {
  const describe = useErrorText();
  if (!error) return null;
  return (
    <Alert severity="error" role="alert">
      {describe(error)}
    </Alert>
  );
}
